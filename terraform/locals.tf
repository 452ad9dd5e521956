# Everything named here comes from contract.json, the single source of truth
# shared with the Java code. Resources iterate over these maps with for_each;
# nothing in the contract is re-listed by hand.

locals {
  contract = jsondecode(file("${path.module}/contract.json"))

  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = var.region

  # --- tables ----------------------------------------------------------------
  tables = local.contract.tables
  table_names = {
    for key, t in local.tables : key => "${var.name_prefix}-${replace(key, "_", "-")}"
  }
  table_arns = {
    for key, name in local.table_names :
    key => "arn:${local.partition}:dynamodb:${local.region}:${local.account_id}:table/${name}"
  }

  # --- bucket ------------------------------------------------------------------
  bucket_name     = coalesce(var.bucket_name, "${var.name_prefix}-data-${local.account_id}-${local.region}")
  bucket_prefixes = local.contract.bucket.prefixes
  # Computed, not read from the buckets: policy documents built from them are
  # then known at plan time (the security checks of .ci/terraform.sh read them
  # in the plan) and not deferred when a bucket has an in-place change.
  bucket_arn             = "arn:${local.partition}:s3:::${local.bucket_name}"
  access_log_bucket_name = "${local.bucket_name}-access-logs"
  access_log_bucket_arn  = "arn:${local.partition}:s3:::${local.access_log_bucket_name}"
  # Key prefix of the data bucket's server access logs in the access-log bucket.
  access_log_prefix = "${local.bucket_name}/"

  # --- functions ---------------------------------------------------------------
  functions = local.contract.functions

  # Optional contract attributes, normalised once so the rest reads plainly.
  function_specs = {
    for key, f in local.functions : key => {
      module    = f.module
      handler   = f.handler
      package   = f.package
      memory    = lookup(var.function_memory, key, f.memory)
      timeout   = lookup(var.function_timeout, key, f.timeout)
      tables    = try(f.tables, {})
      bucket    = try(f.bucket, {})
      bedrock   = try(f.bedrock, false)
      sagemaker = try(f.sagemaker, false)
      invokes   = try(f.invokes, [])
      events    = try(f.events, [])
      # /tmp size (MB); SnapStart requires the 512 MB default.
      ephemeral_storage = try(f.ephemeral_storage, 512)
      # Maven-built zip: <artifact dir>/<module>/target/<last path segment of module>.zip
      zip_path = "${local.artifact_dir}/${f.module}/target/${basename(f.module)}.zip"
    }
  }

  artifact_dir = coalesce(var.lambda_artifact_dir, "${path.module}/..")

  zip_functions   = { for key, f in local.function_specs : key => f if f.package == "zip" }
  image_functions = { for key, f in local.function_specs : key => f if f.package == "image" }

  function_names = { for key in keys(local.functions) : key => "${var.name_prefix}-${key}" }
  function_arns = {
    for key, name in local.function_names :
    key => "arn:${local.partition}:lambda:${local.region}:${local.account_id}:function:${name}"
  }

  # Every function is published and reached through this alias (API Gateway,
  # EventBridge); zip functions additionally use SnapStart on published versions.
  alias_name = "live"

  # --- routes ------------------------------------------------------------------
  routes = { for r in local.contract.routes : "${r.method} ${r.path}" => r }

  # Functions behind at least one route (one API Gateway integration each).
  api_functions = toset([for r in local.contract.routes : r.function])

  # --- settings (environment variables) ---------------------------------------
  setting_overrides = merge(
    # Settings whose natural value is a name of this stack.
    { TRAINING_JOB_PREFIX = var.name_prefix, ADMIN_SCOPE = local.admin_scope },
    var.settings,
    {
      for key, value in {
        TRAINING_THRESHOLD = var.training_threshold == null ? null : tostring(var.training_threshold)
        EMBEDDER           = var.embedder
        EMBEDDING_MODEL_ID = var.embedding_model_id
        ACTIVATION_MODE    = var.activation_mode
      } : key => value if value != null
    },
  )
  setting_values = {
    for key, s in local.contract.settings : key => lookup(local.setting_overrides, key, s.default)
  }
  unknown_settings = setsubtract(keys(var.settings), keys(local.contract.settings))

  # Contract setting PAGE_TOKEN_KEY, the HMAC key of pagination tokens: var.page_token_key, else
  # settings.PAGE_TOKEN_KEY, else derived from the data KMS key's ARN (the hashicorp/random provider is not in the
  # provider mirror). Kept apart from setting_values so its sensitivity does not spread to the other settings.
  page_token_key = coalesce(var.page_token_key, lookup(var.settings, "PAGE_TOKEN_KEY", ""),
  sha256("${aws_kms_key.data.arn}/page-tokens"))

  embedding_model_arn = "arn:${local.partition}:bedrock:${local.region}::foundation-model/${local.setting_values["EMBEDDING_MODEL_ID"]}"

  # --- trainer image / SageMaker ---------------------------------------------------
  trainer_image_uri = coalesce(var.trainer_image_uri, "${aws_ecr_repository.trainer.repository_url}:${var.trainer_image_tag}")

  # SageMaker training jobs launched by the functions are named with this
  # prefix (contract setting TRAINING_JOB_PREFIX, default: name_prefix): the
  # functions' sagemaker:* permissions and the state-change rule are scoped to it.
  training_job_prefix = lookup(local.setting_values, "TRAINING_JOB_PREFIX", var.name_prefix)
}
