# Observability: the business metrics the functions write in CloudWatch
# embedded metric format (namespace: contract setting METRICS_NAMESPACE; names
# in shared/.../logging/Metrics.java), a dashboard, and alarms on the API's 5xx
# rate, failed training runs, and reviews left waiting for training.
#
# Tracing: every function has X-Ray active tracing (functions.tf, iam.tf).
# The HTTP API itself cannot be traced: X-Ray traces only REST APIs through API
# Gateway, so traces start at the function.

variable "api_5xx_alarm_percent" {
  description = "Share of API requests answered 5xx (percent, over 5-minute periods, 3 in a row) that raises the 5xx alarm."
  type        = number
  default     = 5
}

variable "training_stale_days" {
  description = "Days in a row with reviews waiting for training and no successful training run before the stale-training alarm fires (1-7: CloudWatch evaluates an alarm over at most 7 days)."
  type        = number
  default     = 7

  validation {
    condition     = var.training_stale_days >= 1 && var.training_stale_days <= 7 && floor(var.training_stale_days) == var.training_stale_days
    error_message = "training_stale_days must be a whole number of days from 1 to 7."
  }
}

locals {
  metrics_namespace = local.setting_values["METRICS_NAMESPACE"]
  api_stage_metric  = { ApiId = aws_apigatewayv2_api.this.id, Stage = aws_apigatewayv2_stage.default.name }
  one_day_seconds   = 86400

  # SEARCH over one metric name, split by its dimension (e.g. every Decision value).
  metric_search = { for name, dimension in {
    Decisions    = "Decision"
    TrainingRuns = "Outcome"
    GateVerdicts = "Verdict"
    } : name => "SEARCH('{${local.metrics_namespace},${dimension}} MetricName=\"${name}\"', 'Sum', 3600)"
  }
}

resource "aws_cloudwatch_metric_alarm" "api_5xx_rate" {
  alarm_name          = "${var.name_prefix}-api-5xx-rate"
  alarm_description   = "More than ${var.api_5xx_alarm_percent}% of API requests answered 5xx for 15 minutes: read the functions' ERROR log lines (http.unexpected_error carries the stack trace)."
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.api_5xx_alarm_percent
  evaluation_periods  = 3
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  metric_query {
    id          = "rate"
    expression  = "IF(requests > 0, 100 * errors / requests, 0)"
    label       = "5xx (% of requests)"
    return_data = true
  }

  metric_query {
    id = "errors"
    metric {
      namespace   = "AWS/ApiGateway"
      metric_name = "5xx"
      dimensions  = local.api_stage_metric
      period      = 300
      stat        = "Sum"
    }
  }

  metric_query {
    id = "requests"
    metric {
      namespace   = "AWS/ApiGateway"
      metric_name = "Count"
      dimensions  = local.api_stage_metric
      period      = 300
      stat        = "Sum"
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "training_failed" {
  alarm_name          = "${var.name_prefix}-training-failed"
  alarm_description   = "A training run ended FAILED: GET /api/v1/training/runs/{run_id} and the run's log under logs/training/ say why."
  namespace           = local.metrics_namespace
  metric_name         = "TrainingRuns"
  dimensions          = { Outcome = "FAILED" }
  statistic           = "Sum"
  period              = 3600
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
}

# Each scheduled-training run records how many reviews wait (made since the
# last training); a day is "stale" when some waited and no run succeeded.
resource "aws_cloudwatch_metric_alarm" "training_stale" {
  alarm_name          = "${var.name_prefix}-training-stale"
  alarm_description   = "Reviews have waited ${var.training_stale_days} days in a row with no successful training run: check the training threshold, the schedule and failed runs."
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  evaluation_periods  = var.training_stale_days
  datapoints_to_alarm = var.training_stale_days
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  metric_query {
    id          = "stale"
    expression  = "IF(waiting > 0 AND FILL(succeeded, 0) == 0, 1, 0)"
    label       = "reviews waiting, no training"
    return_data = true
  }

  metric_query {
    id = "waiting"
    metric {
      namespace   = local.metrics_namespace
      metric_name = "ReviewsAwaitingTraining"
      period      = local.one_day_seconds
      stat        = "Minimum"
    }
  }

  metric_query {
    id = "succeeded"
    metric {
      namespace   = local.metrics_namespace
      metric_name = "TrainingRuns"
      dimensions  = { Outcome = "SUCCEEDED" }
      period      = local.one_day_seconds
      stat        = "Sum"
    }
  }
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = "${var.name_prefix}-overview"
  dashboard_body = jsonencode({
    widgets = [
      {
        type = "metric", x = 0, y = 0, width = 12, height = 6
        properties = {
          title   = "Uploads and decisions (per hour)"
          region  = local.region
          stat    = "Sum"
          period  = 3600
          metrics = [[local.metrics_namespace, "Uploads"], [{ expression = local.metric_search.Decisions, id = "decisions" }]]
        }
      },
      {
        type = "metric", x = 12, y = 0, width = 12, height = 6
        properties = {
          title  = "Reviews and undos (per hour) and agreement with the model (share of first reviews)"
          region = local.region
          period = 3600
          metrics = [
            [local.metrics_namespace, "Reviews", { stat = "Sum" }],
            [local.metrics_namespace, "ReviewUndos", { stat = "Sum" }],
            [local.metrics_namespace, "ModelAgreement", { stat = "Average", yAxis = "right" }],
          ]
        }
      },
      {
        type = "metric", x = 0, y = 6, width = 8, height = 6
        properties = {
          title   = "Training runs by outcome"
          region  = local.region
          period  = 3600
          metrics = [[{ expression = local.metric_search.TrainingRuns, id = "runs" }]]
        }
      },
      {
        type = "metric", x = 8, y = 6, width = 8, height = 6
        properties = {
          title   = "Gate verdicts"
          region  = local.region
          period  = 3600
          metrics = [[{ expression = local.metric_search.GateVerdicts, id = "verdicts" }]]
        }
      },
      {
        type = "metric", x = 16, y = 6, width = 8, height = 6
        properties = {
          title   = "Reviews waiting for training"
          region  = local.region
          stat    = "Maximum"
          period  = local.one_day_seconds
          metrics = [[local.metrics_namespace, "ReviewsAwaitingTraining"]]
        }
      },
      {
        type = "metric", x = 0, y = 12, width = 12, height = 6
        properties = {
          title  = "API requests, 4xx and 5xx"
          region = local.region
          stat   = "Sum"
          period = 300
          metrics = [
            for name in ["Count", "4xx", "5xx"] :
            ["AWS/ApiGateway", name, "ApiId", aws_apigatewayv2_api.this.id, "Stage", aws_apigatewayv2_stage.default.name]
          ]
        }
      },
      {
        type = "metric", x = 12, y = 12, width = 12, height = 6
        properties = {
          title   = "Function errors"
          region  = local.region
          stat    = "Sum"
          period  = 300
          metrics = [for key in sort(keys(local.function_specs)) : ["AWS/Lambda", "Errors", "FunctionName", local.function_names[key]]]
        }
      },
      {
        type = "alarm", x = 0, y = 18, width = 24, height = 3
        properties = {
          title = "Alarms"
          alarms = [
            aws_cloudwatch_metric_alarm.api_5xx_rate.arn,
            aws_cloudwatch_metric_alarm.training_failed.arn,
            aws_cloudwatch_metric_alarm.training_stale.arn,
          ]
        }
      },
    ]
  })
}
