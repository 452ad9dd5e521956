# One least-privilege role per function, derived from its contract entry:
# exactly the tables (and their indexes), bucket prefixes, model, functions and
# SageMaker jobs it lists, and its own log group.

locals {
  dynamodb_read_actions = [
    "dynamodb:BatchGetItem",
    "dynamodb:ConditionCheckItem",
    "dynamodb:DescribeTable",
    "dynamodb:GetItem",
    "dynamodb:Query",
    "dynamodb:Scan",
  ]
  dynamodb_write_actions = concat(local.dynamodb_read_actions, [
    "dynamodb:BatchWriteItem",
    "dynamodb:DeleteItem",
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
  ])
  training_job_arn_pattern = "arn:${local.partition}:sagemaker:${local.region}:${local.account_id}:training-job/${lower(local.training_job_prefix)}*"

  s3_read_actions  = ["s3:GetObject"]
  s3_write_actions = concat(local.s3_read_actions, ["s3:AbortMultipartUpload", "s3:DeleteObject", "s3:PutObject"])

  function_access = {
    for key, f in local.function_specs : key => {
      read_tables  = [for t, mode in f.tables : t if mode == "read"]
      write_tables = [for t, mode in f.tables : t if mode == "write"]
      # "put": may add items and nothing else (the upload function and the self-identification table).
      put_tables = [for t, mode in f.tables : t if mode == "put"]
      # Every prefix the function may read (read and write ones) / write.
      read_prefixes  = [for p, mode in f.bucket : local.bucket_prefixes[p]]
      write_prefixes = [for p, mode in f.bucket : local.bucket_prefixes[p] if contains(["write", "erase"], mode)]
      # "erase": write, and delete every stored version (the bucket is versioned; erasure must not leave old copies).
      erase_prefixes = [for p, mode in f.bucket : local.bucket_prefixes[p] if mode == "erase"]
      only_read_prefixes = [
        for p, mode in f.bucket : local.bucket_prefixes[p] if mode == "read"
      ]
    }
  }
}

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "function" {
  for_each = local.function_specs

  name               = "${var.name_prefix}-${each.key}"
  description        = "Execution role of the ${local.function_names[each.key]} Lambda function"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

data "aws_iam_policy_document" "function" {
  for_each = local.function_specs

  statement {
    sid       = "OwnLogGroup"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.function[each.key].arn}:*"]
  }

  # Active tracing (functions.tf): X-Ray's write actions have no resource-level permissions.
  statement {
    sid       = "XRayTraces"
    actions   = ["xray:PutTelemetryRecords", "xray:PutTraceSegments"]
    resources = ["*"]
  }

  dynamic "statement" {
    for_each = length(local.function_access[each.key].read_tables) > 0 ? [local.function_access[each.key].read_tables] : []
    content {
      sid     = "DynamoDbRead"
      actions = local.dynamodb_read_actions
      resources = flatten([
        for t in statement.value : [local.table_arns[t], "${local.table_arns[t]}/index/*"]
      ])
    }
  }

  dynamic "statement" {
    for_each = length(local.function_access[each.key].write_tables) > 0 ? [local.function_access[each.key].write_tables] : []
    content {
      sid     = "DynamoDbWrite"
      actions = local.dynamodb_write_actions
      resources = flatten([
        for t in statement.value : [local.table_arns[t], "${local.table_arns[t]}/index/*"]
      ])
    }
  }

  dynamic "statement" {
    for_each = length(local.function_access[each.key].put_tables) > 0 ? [local.function_access[each.key].put_tables] : []
    content {
      sid       = "DynamoDbPutOnly"
      actions   = ["dynamodb:PutItem"]
      resources = [for t in statement.value : local.table_arns[t]]
    }
  }

  dynamic "statement" {
    for_each = length(local.function_access[each.key].only_read_prefixes) > 0 ? [local.function_access[each.key].only_read_prefixes] : []
    content {
      sid       = "S3ReadPrefixes"
      actions   = local.s3_read_actions
      resources = [for p in statement.value : "${local.bucket_arn}/${p}*"]
    }
  }

  dynamic "statement" {
    for_each = length(local.function_access[each.key].write_prefixes) > 0 ? [local.function_access[each.key].write_prefixes] : []
    content {
      sid       = "S3WritePrefixes"
      actions   = local.s3_write_actions
      resources = [for p in statement.value : "${local.bucket_arn}/${p}*"]
    }
  }

  dynamic "statement" {
    for_each = length(local.function_access[each.key].read_prefixes) > 0 ? [local.function_access[each.key].read_prefixes] : []
    content {
      sid       = "S3ListPrefixes"
      actions   = ["s3:ListBucket"]
      resources = [local.bucket_arn]

      condition {
        test     = "StringLike"
        variable = "s3:prefix"
        values   = [for p in statement.value : "${p}*"]
      }
    }
  }

  dynamic "statement" {
    for_each = length(local.function_access[each.key].erase_prefixes) > 0 ? [local.function_access[each.key].erase_prefixes] : []
    content {
      sid       = "S3DeleteVersions"
      actions   = ["s3:DeleteObjectVersion"]
      resources = [for p in statement.value : "${local.bucket_arn}/${p}*"]
    }
  }

  dynamic "statement" {
    for_each = length(local.function_access[each.key].erase_prefixes) > 0 ? [local.function_access[each.key].erase_prefixes] : []
    content {
      sid       = "S3ListVersions"
      actions   = ["s3:ListBucketVersions"]
      resources = [local.bucket_arn]

      condition {
        test     = "StringLike"
        variable = "s3:prefix"
        values   = [for p in statement.value : "${p}*"]
      }
    }
  }

  # SSE-KMS objects: read needs Decrypt, write needs GenerateDataKey, only via S3.
  dynamic "statement" {
    for_each = length(local.function_access[each.key].read_prefixes) > 0 ? [1] : []
    content {
      sid = "BucketKey"
      actions = concat(
        ["kms:Decrypt"],
        length(local.function_access[each.key].write_prefixes) > 0 ? ["kms:GenerateDataKey"] : [],
      )
      resources = [aws_kms_key.data.arn]

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["s3.${local.region}.amazonaws.com"]
      }
    }
  }

  dynamic "statement" {
    for_each = each.value.bedrock ? [1] : []
    content {
      sid       = "EmbeddingModel"
      actions   = ["bedrock:InvokeModel"]
      resources = [local.embedding_model_arn]
    }
  }

  dynamic "statement" {
    for_each = length(each.value.invokes) > 0 ? [each.value.invokes] : []
    content {
      sid     = "InvokeFunctions"
      actions = ["lambda:InvokeFunction"]
      # The function itself and its versions/aliases (name:live).
      resources = flatten([
        for target in statement.value : [local.function_arns[target], "${local.function_arns[target]}:*"]
      ])
    }
  }

  dynamic "statement" {
    for_each = each.value.sagemaker ? [1] : []
    content {
      sid       = "PassSageMakerRole"
      actions   = ["iam:PassRole"]
      resources = [aws_iam_role.sagemaker.arn]

      condition {
        test     = "StringEquals"
        variable = "iam:PassedToService"
        values   = ["sagemaker.amazonaws.com"]
      }
    }
  }

  # A training job may only be created network-isolated, with its volume
  # and output encrypted by the data key, on an allowed instance type.
  dynamic "statement" {
    for_each = each.value.sagemaker ? [1] : []
    content {
      sid     = "CreateTrainingJobs"
      actions = ["sagemaker:CreateTrainingJob"]
      # SageMaker ARNs are lower case.
      resources = [local.training_job_arn_pattern]

      condition {
        test     = "Bool"
        variable = "sagemaker:NetworkIsolation"
        values   = ["true"]
      }
      condition {
        test     = "StringEquals"
        variable = "sagemaker:VolumeKmsKey"
        values   = [aws_kms_key.data.arn]
      }
      condition {
        test     = "StringEquals"
        variable = "sagemaker:OutputKmsKey"
        values   = [aws_kms_key.data.arn]
      }
      condition {
        test     = "ForAllValues:StringEquals"
        variable = "sagemaker:InstanceTypes"
        values   = var.sagemaker_instance_types
      }
      condition {
        test     = "Null"
        variable = "sagemaker:InstanceTypes"
        values   = ["false"]
      }
    }
  }

  dynamic "statement" {
    for_each = each.value.sagemaker ? [1] : []
    content {
      sid       = "TrainingJobs"
      actions   = ["sagemaker:DescribeTrainingJob", "sagemaker:AddTags"]
      resources = [local.training_job_arn_pattern]
    }
  }

  # Asynchronous invocations that fail end up in the function's failure
  # queue (failures.tf); Lambda sends them with the execution role.
  dynamic "statement" {
    for_each = contains(keys(local.async_functions), each.key) ? [1] : []
    content {
      sid       = "OnFailureQueue"
      actions   = ["sqs:SendMessage"]
      resources = [aws_sqs_queue.on_failure[each.key].arn]
    }
  }

  dynamic "statement" {
    for_each = contains(keys(local.async_functions), each.key) ? [1] : []
    content {
      sid       = "OnFailureQueueKey"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [aws_kms_key.data.arn]

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["sqs.${local.region}.amazonaws.com"]
      }
    }
  }

  lifecycle {
    precondition {
      condition     = alltrue([for t in keys(each.value.tables) : contains(keys(local.tables), t)])
      error_message = "Function ${each.key} lists a table that is not in the contract's tables."
    }
    precondition {
      condition     = alltrue([for p in keys(each.value.bucket) : contains(keys(local.bucket_prefixes), p)])
      error_message = "Function ${each.key} lists a bucket prefix that is not in the contract's bucket.prefixes."
    }
    precondition {
      condition     = alltrue([for mode in values(each.value.tables) : contains(["read", "write", "put"], mode)]) && alltrue([for mode in values(each.value.bucket) : contains(["read", "write", "erase"], mode)])
      error_message = "Function ${each.key}: table access modes must be \"read\", \"write\" or \"put\", bucket modes \"read\", \"write\" or \"erase\"."
    }
    precondition {
      condition     = alltrue([for target in each.value.invokes : contains(keys(local.functions), target)])
      error_message = "Function ${each.key} invokes a function that is not in the contract."
    }
  }
}

resource "aws_iam_role_policy" "function" {
  for_each = local.function_specs

  name   = "least-privilege"
  role   = aws_iam_role.function[each.key].id
  policy = data.aws_iam_policy_document.function[each.key].json
}
