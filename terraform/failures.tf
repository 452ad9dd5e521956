# Nothing lost on failure. Every asynchronous invocation (EventBridge rules,
# trigger -> scheduled-training) that still fails after its retries lands in
# an SSE-KMS queue, and an alarm fires as soon as a queue holds a message.
#
# - on-failure destination per asynchronously invoked function (alias "live",
#   the qualifier EventBridge and the trigger function invoke);
# - dead-letter queue per EventBridge target (events EventBridge could not
#   deliver to Lambda at all).

locals {
  # Functions invoked asynchronously: subscribed to an event, or invoked by
  # another function (`invokes`).
  invoked_functions = toset(flatten([for f in values(local.function_specs) : f.invokes]))
  async_functions = {
    for key, f in local.function_specs : key => f
    if length(f.events) > 0 || contains(local.invoked_functions, key)
  }

  failure_queue_retention_seconds = 1209600 # 14 days, the SQS maximum

  # Every queue an alarm watches: "on-failure/<function>", "dlq/<event>/<function>".
  watched_queues = merge(
    { for key in keys(local.async_functions) : "on-failure/${key}" => aws_sqs_queue.on_failure[key].name },
    { for key in keys(local.event_targets) : "dlq/${key}" => aws_sqs_queue.event_dlq[key].name },
  )
}

resource "aws_sqs_queue" "on_failure" {
  for_each = local.async_functions

  name                              = "${local.function_names[each.key]}-on-failure"
  message_retention_seconds         = local.failure_queue_retention_seconds
  kms_master_key_id                 = aws_kms_key.data.arn
  kms_data_key_reuse_period_seconds = 300
}

resource "aws_lambda_function_event_invoke_config" "this" {
  for_each = local.async_functions

  function_name                = aws_lambda_function.this[each.key].function_name
  qualifier                    = aws_lambda_alias.live[each.key].name
  maximum_retry_attempts       = var.async_max_retry_attempts
  maximum_event_age_in_seconds = 21600

  destination_config {
    on_failure {
      destination = aws_sqs_queue.on_failure[each.key].arn
    }
  }

  # The role may send to the queue before Lambda uses it.
  depends_on = [aws_iam_role_policy.function]
}

resource "aws_sqs_queue" "event_dlq" {
  for_each = local.event_targets

  name                              = "${var.name_prefix}-${replace(each.value.event, "_", "-")}-${each.value.function}-dlq"
  message_retention_seconds         = local.failure_queue_retention_seconds
  kms_master_key_id                 = aws_kms_key.data.arn
  kms_data_key_reuse_period_seconds = 300
}

data "aws_iam_policy_document" "event_dlq" {
  for_each = local.event_targets

  statement {
    sid       = "EventBridgeRule"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.event_dlq[each.key].arn]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_cloudwatch_event_rule.this[each.value.event].arn]
    }
  }
}

resource "aws_sqs_queue_policy" "event_dlq" {
  for_each = local.event_targets

  queue_url = aws_sqs_queue.event_dlq[each.key].id
  policy    = data.aws_iam_policy_document.event_dlq[each.key].json
}

resource "aws_cloudwatch_metric_alarm" "queue_not_empty" {
  for_each = local.watched_queues

  alarm_name          = "${each.value}-not-empty"
  alarm_description   = "${each.value} holds failed events: inspect them, fix the cause and redrive or delete them."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = each.value }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
}
