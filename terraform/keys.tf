# Customer managed KMS keys and their key policies.
#
# data: the data bucket, every DynamoDB table, the failure and dead-letter
#       queues and the SageMaker training volumes and output.
# logs: every CloudWatch log group of the stack.
#
# Key policies name their principals: the account root may only administer
# (not use) a key, so IAM policies in the account cannot hand out its use; the
# function roles, SageMaker's role and the break-glass role are named here.
# In a key policy "Resource": "*" means "this key" (the IAM check in
# .ci/terraform.sh accepts it there only).

locals {
  kms_admin_actions = [
    "kms:CancelKeyDeletion",
    "kms:CreateAlias",
    "kms:DeleteAlias",
    "kms:DescribeKey",
    "kms:DisableKey",
    "kms:DisableKeyRotation",
    "kms:EnableKey",
    "kms:EnableKeyRotation",
    "kms:GetKeyPolicy",
    "kms:GetKeyRotationStatus",
    "kms:ListAliases",
    "kms:ListGrants",
    "kms:ListKeyPolicies",
    "kms:ListResourceTags",
    "kms:PutKeyPolicy",
    "kms:RevokeGrant",
    "kms:RotateKeyOnDemand",
    "kms:ScheduleKeyDeletion",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:UpdateAlias",
    "kms:UpdateKeyDescription",
  ]
  kms_use_actions = [
    "kms:Decrypt",
    "kms:DescribeKey",
    "kms:Encrypt",
    "kms:GenerateDataKey",
    "kms:ReEncryptFrom",
    "kms:ReEncryptTo",
  ]

  account_root_arn = "arn:${local.partition}:iam::${local.account_id}:root"

  event_rule_arns = [
    for e in keys(local.used_event_rules) :
    "arn:${local.partition}:events:${local.region}:${local.account_id}:rule/${var.name_prefix}-${replace(e, "_", "-")}"
  ]

  # Administration statements shared by both keys.
  kms_admin_statements = concat(
    [{
      Sid       = "AccountAdministration"
      Effect    = "Allow"
      Principal = { AWS = local.account_root_arn }
      Action    = local.kms_admin_actions
      Resource  = "*"
    }],
    var.break_glass_role_arn == null ? [] : [{
      Sid       = "BreakGlass"
      Effect    = "Allow"
      Principal = { AWS = var.break_glass_role_arn }
      Action    = concat(local.kms_admin_actions, local.kms_use_actions, ["kms:GenerateDataKeyWithoutPlaintext"])
      Resource  = "*"
    }],
  )

  function_role_arns = [for key in sort(keys(local.function_specs)) : aws_iam_role.function[key].arn]
  sagemaker_function_role_arns = [
    for key in sort(keys(local.function_specs)) : aws_iam_role.function[key].arn if local.function_specs[key].sagemaker
  ]

  log_group_arns = concat(
    [for key in sort(keys(local.function_specs)) : "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:/aws/lambda/${local.function_names[key]}"],
    [
      "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${local.api_log_group_name}",
      "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${local.sagemaker_log_group_name}",
    ],
  )
  api_log_group_name       = "/aws/apigateway/${var.name_prefix}-api"
  sagemaker_log_group_name = "/aws/sagemaker/TrainingJobs"
}

resource "aws_kms_key" "data" {
  description             = "${var.name_prefix}: personal data (bucket, tables, queues, training jobs)"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_key_deletion_window_days

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(local.kms_admin_statements, [
      {
        # Whoever deploys the stack (an IAM principal of the account) lets
        # DynamoDB create the grant it needs for each table.
        Sid       = "TablesByDeployer"
        Effect    = "Allow"
        Principal = { AWS = local.account_root_arn }
        Action    = ["kms:CreateGrant", "kms:DescribeKey"]
        Resource  = "*"
        Condition = {
          StringEquals = { "kms:ViaService" = "dynamodb.${local.region}.amazonaws.com" }
          Bool         = { "kms:GrantIsForAWSResource" = "true" }
        }
      },
      {
        # Objects, items and queue messages, only through those services.
        Sid       = "FunctionRolesThroughServices"
        Effect    = "Allow"
        Principal = { AWS = local.function_role_arns }
        Action    = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"]
        Resource  = "*"
        Condition = {
          StringEquals = {
            "kms:ViaService" = [
              "dynamodb.${local.region}.amazonaws.com",
              "s3.${local.region}.amazonaws.com",
              "sqs.${local.region}.amazonaws.com",
            ]
          }
        }
      },
      {
        # DynamoDB (tables) and SageMaker (training volumes, for the
        # launching function) create grants on the caller's behalf.
        Sid       = "FunctionRolesGrantsForServices"
        Effect    = "Allow"
        Principal = { AWS = local.function_role_arns }
        Action    = ["kms:CreateGrant"]
        Resource  = "*"
        Condition = {
          StringEquals = {
            "kms:ViaService" = [
              "dynamodb.${local.region}.amazonaws.com",
              "sagemaker.${local.region}.amazonaws.com",
            ]
          }
          Bool = { "kms:GrantIsForAWSResource" = "true" }
        }
      },
      {
        # Training jobs: input data and output in S3, the ML volume.
        Sid       = "SageMakerTraining"
        Effect    = "Allow"
        Principal = { AWS = aws_iam_role.sagemaker.arn }
        Action    = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"]
        Resource  = "*"
      },
      {
        Sid       = "SageMakerVolumeGrants"
        Effect    = "Allow"
        Principal = { AWS = aws_iam_role.sagemaker.arn }
        Action    = ["kms:CreateGrant"]
        Resource  = "*"
        Condition = { Bool = { "kms:GrantIsForAWSResource" = "true" } }
      },
      {
        # Dead-letter queues of the EventBridge targets (SSE-KMS).
        Sid       = "EventBridgeDeadLetterQueues"
        Effect    = "Allow"
        Principal = { Service = "events.amazonaws.com" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = "*"
        Condition = { ArnEquals = { "aws:SourceArn" = local.event_rule_arns } }
      },
    ])
  })
}

resource "aws_kms_alias" "data" {
  name          = "alias/${var.name_prefix}-data"
  target_key_id = aws_kms_key.data.key_id
}

resource "aws_kms_key" "logs" {
  description             = "${var.name_prefix}: CloudWatch log groups"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_key_deletion_window_days

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(local.kms_admin_statements, [
      {
        # CloudWatch Logs of this region, for this stack's log groups only.
        Sid       = "CloudWatchLogs"
        Effect    = "Allow"
        Principal = { Service = "logs.${local.region}.amazonaws.com" }
        Action = [
          "kms:Decrypt",
          "kms:DescribeKey",
          "kms:Encrypt",
          "kms:GenerateDataKey",
          "kms:GenerateDataKeyWithoutPlaintext",
          "kms:ReEncryptFrom",
          "kms:ReEncryptTo",
        ]
        Resource  = "*"
        Condition = { ArnEquals = { "kms:EncryptionContext:aws:logs:arn" = local.log_group_arns } }
      },
    ])
  })
}

resource "aws_kms_alias" "logs" {
  name          = "alias/${var.name_prefix}-logs"
  target_key_id = aws_kms_key.logs.key_id
}
