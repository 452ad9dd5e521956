# One Lambda per contract function. `package = "zip"`: the Maven-built zip,
# runtime java21, SnapStart on published versions. `package = "image"`: the
# trainer container image from ECR. Every function is published and reached
# through the alias "live".

locals {
  table_env = { for key, t in local.tables : t.env => local.table_names[key] }

  function_environment = {
    for key, f in local.function_specs : key => merge(
      local.table_env,
      { (local.contract.bucket.env) = local.bucket_name },
      # Empty settings are left out: the Java side applies its default.
      { for name, value in local.setting_values : name => value if value != "" && !contains(["PAGE_TOKEN_KEY", "ORIGIN_VERIFY_SECRET", "BUCKET_KMS_KEY_ID"], name) },
      { PAGE_TOKEN_KEY = local.page_token_key },
      # Only the functions behind the API check CloudFront's header (edge.tf).
      contains(local.api_functions, key) ? { ORIGIN_VERIFY_SECRET = local.origin_verify_secret } : {},
      # Presigned uploads name the bucket's key: its bucket policy refuses PUTs naming another.
      length(f.bucket) > 0 ? { BUCKET_KMS_KEY_ID = aws_kms_key.data.arn } : {},
      f.package == "zip" && var.java_tool_options != "" ? { JAVA_TOOL_OPTIONS = var.java_tool_options } : {},
      f.sagemaker ? {
        TRAINER_IMAGE_URI  = local.trainer_image_uri
        SAGEMAKER_ROLE_ARN = aws_iam_role.sagemaker.arn
        # Training volumes and output are encrypted with the data key; the
        # launch permission requires exactly this key (iam.tf).
        SAGEMAKER_VOLUME_KMS_KEY = aws_kms_key.data.arn
        SAGEMAKER_OUTPUT_KMS_KEY = aws_kms_key.data.arn
      } : {},
      # The function a function invokes asynchronously (trigger-training ->
      # scheduled-training), through its alias "live": the alias carries the
      # on-failure destination (failures.tf). Names are computed, not read
      # from the resource, so functions can reference each other without a cycle.
      length(f.invokes) > 0 ? { TRAINING_FUNCTION_NAME = "${local.function_names[f.invokes[0]]}:${local.alias_name}" } : {},
    )
  }
}

resource "aws_cloudwatch_log_group" "function" {
  for_each = local.function_specs

  name              = "/aws/lambda/${local.function_names[each.key]}"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.logs.arn
}

resource "aws_lambda_function" "this" {
  for_each = local.function_specs

  function_name = local.function_names[each.key]
  description   = "${var.name_prefix} ${each.key} (${each.value.module})"
  role          = aws_iam_role.function[each.key].arn
  memory_size   = each.value.memory
  timeout       = each.value.timeout
  architectures = ["x86_64"]
  publish       = true

  # Blast radius and cost: every function has a ceiling; a function that
  # launches SageMaker training never runs twice at once.
  reserved_concurrent_executions = each.value.sagemaker ? 1 : lookup(var.function_reserved_concurrency, each.key, -1)

  package_type     = each.value.package == "image" ? "Image" : "Zip"
  runtime          = each.value.package == "zip" ? "java21" : null
  handler          = each.value.package == "zip" ? each.value.handler : null
  filename         = each.value.package == "zip" ? each.value.zip_path : null
  source_code_hash = each.value.package == "zip" ? try(filebase64sha256(each.value.zip_path), null) : null
  image_uri        = each.value.package == "image" ? local.trainer_image_uri : null

  # The trainer image serves several entry points (Lambda handlers, SageMaker
  # `train`): the Lambda picks its handler through the image command.
  dynamic "image_config" {
    for_each = each.value.package == "image" ? [each.value.handler] : []
    content {
      command = [image_config.value]
    }
  }

  ephemeral_storage {
    size = each.value.ephemeral_storage
  }

  # X-Ray: Lambda samples and traces each invocation (observability.tf).
  tracing_config {
    mode = "Active"
  }

  dynamic "snap_start" {
    for_each = each.value.package == "zip" ? [1] : []
    content {
      apply_on = "PublishedVersions"
    }
  }

  environment {
    variables = local.function_environment[each.key]
  }

  depends_on = [
    aws_cloudwatch_log_group.function,
    aws_iam_role_policy.function,
  ]

  lifecycle {
    precondition {
      condition     = each.value.package != "zip" || fileexists(each.value.zip_path)
      error_message = "Lambda zip ${each.value.zip_path} of function ${each.key} is missing: build it first (./mvnw -q package -DskipTests) or set lambda_artifact_dir."
    }
    precondition {
      condition     = each.value.package != "zip" || each.value.ephemeral_storage == 512
      error_message = "Function ${each.key}: SnapStart (zip functions) supports only the default 512 MB ephemeral storage."
    }
    precondition {
      condition     = contains(["zip", "image"], each.value.package)
      error_message = "Function ${each.key}: contract package must be \"zip\" or \"image\"."
    }
    precondition {
      condition     = length(local.unknown_settings) == 0
      error_message = "var.settings has keys that are not contract settings: ${join(", ", local.unknown_settings)}."
    }
    precondition {
      condition     = !each.value.sagemaker || contains(var.sagemaker_instance_types, local.setting_values["SAGEMAKER_INSTANCE_TYPE"])
      error_message = "SAGEMAKER_INSTANCE_TYPE (${local.setting_values["SAGEMAKER_INSTANCE_TYPE"]}) is not in var.sagemaker_instance_types: the launch would be refused."
    }
    precondition {
      condition     = length(local.unknown_events) == 0
      error_message = "Contract functions subscribe to events with no rule in events.tf: ${join(", ", local.unknown_events)}."
    }
  }
}

resource "aws_lambda_alias" "live" {
  for_each = local.function_specs

  name             = local.alias_name
  description      = "Latest published version of ${local.function_names[each.key]}"
  function_name    = aws_lambda_function.this[each.key].function_name
  function_version = aws_lambda_function.this[each.key].version
}
