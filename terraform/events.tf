# EventBridge rules, one per contract event kind, targeting the "live" alias
# of every function whose contract `events` lists it.

locals {
  event_rules = {
    schedule = {
      description         = "Scheduled training"
      schedule_expression = var.schedule_expression
      event_pattern       = null
    }
    sagemaker_training_state_change = {
      description         = "State changes of the ${var.name_prefix} SageMaker training jobs"
      schedule_expression = null
      event_pattern = jsonencode({
        source        = ["aws.sagemaker"]
        "detail-type" = ["SageMaker Training Job State Change"]
        detail = {
          TrainingJobName = [{ prefix = local.training_job_prefix }]
        }
      })
    }
  }

  # "<event>/<function>" for every contract subscription with a known rule;
  # unknown event kinds fail the plan (precondition on aws_lambda_function).
  event_targets = merge([
    for fn, f in local.function_specs : {
      for e in f.events : "${e}/${fn}" => { event = e, function = fn } if contains(keys(local.event_rules), e)
    }
  ]...)
  contract_events = toset(flatten([for f in values(local.function_specs) : f.events]))
  unknown_events  = setsubtract(local.contract_events, keys(local.event_rules))

  used_event_rules = { for e, rule in local.event_rules : e => rule if contains(local.contract_events, e) }
}

resource "aws_cloudwatch_event_rule" "this" {
  for_each = local.used_event_rules

  name                = "${var.name_prefix}-${replace(each.key, "_", "-")}"
  description         = each.value.description
  schedule_expression = each.value.schedule_expression
  event_pattern       = each.value.event_pattern
}

resource "aws_cloudwatch_event_target" "this" {
  for_each = local.event_targets

  rule      = aws_cloudwatch_event_rule.this[each.value.event].name
  target_id = each.value.function
  arn       = aws_lambda_alias.live[each.value.function].arn

  retry_policy {
    maximum_retry_attempts       = 2
    maximum_event_age_in_seconds = 3600
  }

  # Events EventBridge could not deliver after its retries (failures.tf).
  dead_letter_config {
    arn = aws_sqs_queue.event_dlq[each.key].arn
  }
}

resource "aws_lambda_permission" "events" {
  for_each = local.event_targets

  statement_id  = "events-${replace(each.value.event, "_", "-")}"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this[each.value.function].function_name
  qualifier     = aws_lambda_alias.live[each.value.function].name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.this[each.value.event].arn
}
