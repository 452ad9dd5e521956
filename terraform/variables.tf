# ---------------------------------------------------------------------------
# General
# ---------------------------------------------------------------------------

variable "region" {
  description = "AWS region to deploy into."
  type        = string
  default     = "eu-central-1"
}

variable "name_prefix" {
  description = "Prefix of every resource name (tables, functions, roles, bucket, API, user pool, ECR repository, SageMaker training jobs)."
  type        = string
  default     = "resume-screening"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3-32 characters of lowercase letters, digits and hyphens (it is used in S3 bucket and SageMaker job names)."
  }
}

variable "tags" {
  description = "Extra tags added to every resource (on top of Project and ManagedBy)."
  type        = map(string)
  default     = {}
}

variable "force_destroy" {
  description = "Allow `terraform destroy` to delete non-empty buckets and an ECR repository holding images. Refused unless emulator = true (CI sets both)."
  type        = bool
  default     = false

  validation {
    condition     = !var.force_destroy || var.emulator
    error_message = "force_destroy = true deletes every resume, model and access log on destroy: only allowed with emulator = true."
  }
}

variable "emulator" {
  description = "The stack is applied into an emulator (moto, LocalStack), never AWS. Only then are the unsafe settings below accepted (TLS/KMS bucket policy off, deletion protection off, point-in-time recovery off, mutable image tags, force_destroy, advanced security off). The emulator override (emulator/emulator_override.tf) sets it to true."
  type        = bool
  default     = false
}

variable "break_glass_role_arn" {
  description = "ARN of the break-glass IAM role that may administer and use the stack's KMS keys when the account's normal administration path is unavailable. null = no break-glass statement (refused unless emulator = true)."
  type        = string
  default     = null

  validation {
    condition     = var.break_glass_role_arn != null || var.emulator
    error_message = "break_glass_role_arn must name the break-glass role allowed in the KMS key policies (only emulators may leave it unset)."
  }
}

# ---------------------------------------------------------------------------
# Storage
# ---------------------------------------------------------------------------

variable "bucket_name" {
  description = "Name of the data bucket. null = \"<name_prefix>-data-<account id>-<region>\"."
  type        = string
  default     = null
}

variable "enforce_tls_bucket_policy" {
  description = "Attach the data bucket policy denying every request not made over TLS (aws:SecureTransport) and every PUT naming another encryption or KMS key, and the TLS-only statement of the access-log bucket policy. Keep true; false only for emulators that apply a conditional Deny unconditionally (moto does, and would refuse every object request)."
  type        = bool
  default     = true

  validation {
    condition     = var.enforce_tls_bucket_policy || var.emulator
    error_message = "enforce_tls_bucket_policy = false removes the TLS-only and KMS-key-only bucket policies: only allowed with emulator = true."
  }
}

variable "access_log_retention_days" {
  description = "Days after which S3 server access logs of the data bucket (in the separate access-log bucket) expire."
  type        = number
  default     = 365

  validation {
    condition     = var.access_log_retention_days >= 1
    error_message = "access_log_retention_days must be at least 1."
  }
}

variable "exports_expiration_days" {
  description = "Days after which objects under exports/ (training exports) expire."
  type        = number
  default     = 30

  validation {
    condition     = var.exports_expiration_days >= 1
    error_message = "exports_expiration_days must be at least 1."
  }
}

variable "training_data_expiration_days" {
  description = "Days after which objects under training-data/ (the pairs each training run gathered) expire."
  type        = number
  default     = 30

  validation {
    condition     = var.training_data_expiration_days >= 1
    error_message = "training_data_expiration_days must be at least 1."
  }
}

variable "logs_expiration_days" {
  description = "Days after which objects under logs/ (training logs) expire (180 by default, for audit)."
  type        = number
  default     = 180

  validation {
    condition     = var.logs_expiration_days >= 1
    error_message = "logs_expiration_days must be at least 1."
  }
}

variable "noncurrent_version_expiration_days" {
  description = "Days after which noncurrent (overwritten or deleted) object versions are removed from the versioned bucket."
  type        = number
  default     = 30
}

variable "kms_key_deletion_window_days" {
  description = "Waiting period before the bucket's KMS key is deleted after `terraform destroy` (7-30)."
  type        = number
  default     = 30
}

variable "point_in_time_recovery" {
  description = "Enable DynamoDB point-in-time recovery on every table."
  type        = bool
  default     = true

  validation {
    condition     = var.point_in_time_recovery || var.emulator
    error_message = "point_in_time_recovery = false: only allowed with emulator = true."
  }
}

variable "table_deletion_protection" {
  description = "Enable DynamoDB deletion protection on every table. false only with emulator = true."
  type        = bool
  default     = true

  validation {
    condition     = var.table_deletion_protection || var.emulator
    error_message = "table_deletion_protection = false: only allowed with emulator = true."
  }
}

# ---------------------------------------------------------------------------
# Functions
# ---------------------------------------------------------------------------

variable "lambda_artifact_dir" {
  description = "Directory holding the Maven-built Lambda zips laid out as in the repository: <dir>/<module>/target/<last path segment of module>.zip (e.g. functions/jobs/target/jobs.zip). null = the repository root (the parent of this directory)."
  type        = string
  default     = null
}

variable "function_memory" {
  description = "Memory (MB) per function, keyed by contract function name, overriding the contract's `memory` (e.g. { upload = 3008 })."
  type        = map(number)
  default     = {}
}

variable "function_timeout" {
  description = "Timeout (seconds) per function, keyed by contract function name, overriding the contract's `timeout`."
  type        = map(number)
  default     = {}
}

variable "java_tool_options" {
  description = "JAVA_TOOL_OPTIONS of the zip (API) functions; the default trades peak throughput for faster start-up. Empty string = not set."
  type        = string
  default     = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
}

variable "log_retention_days" {
  description = "Retention (days) of the functions', the API's and the SageMaker training jobs' CloudWatch log groups (bounded on purpose: data minimisation)."
  type        = number
  default     = 180
}

variable "function_reserved_concurrency" {
  description = "Reserved concurrency per function, keyed by contract function name (caps each function's blast radius and cost). Functions that launch SageMaker training always get 1. A function missing here is unreserved."
  type        = map(number)
  default = {
    jobs       = 10
    upload     = 20
    results    = 10
    feedback   = 10
    status     = 10
    trigger    = 2
    registry   = 5
    compliance = 2
    # SageMaker training job state changes: a few a day at most
    sagemaker-events = 2
    # the Cognito pre-token-generation trigger: every sign-in and token refresh
    admin-scope = 10
  }

  validation {
    condition     = alltrue([for v in values(var.function_reserved_concurrency) : v >= 1])
    error_message = "function_reserved_concurrency values must be at least 1 (0 would stop the function)."
  }
}

variable "async_max_retry_attempts" {
  description = "Retries (0-2) of asynchronous invocations (EventBridge, trigger -> training) before the event goes to the function's on-failure queue."
  type        = number
  default     = 2
}

variable "alarm_actions" {
  description = "ARNs (e.g. an SNS topic) notified when a failure queue or dead-letter queue holds messages. Empty = the alarms only change state."
  type        = list(string)
  default     = []
}

# Contract settings (environment variables of every function). Each contract
# `settings` key defaults to the contract's `default`; the dedicated variables
# below win over `settings`, which wins over the contract default.

variable "settings" {
  description = "Values of contract `settings` keys (environment variables), e.g. { MAX_PDF_PAGES = \"50\" }. Keys must exist in contract.json. Unset keys get the contract default."
  type        = map(string)
  default     = {}
}

variable "training_threshold" {
  description = "TRAINING_THRESHOLD: reviewed samples needed before training. null = contract default."
  type        = number
  default     = null
}

variable "activation_mode" {
  description = "ACTIVATION_MODE: what scheduled training does with a candidate that passes the gate: `automatic` (activate it, the guide's behaviour) or `approval` (register it PENDING_APPROVAL until an admin activates it through /models/activate). null = contract default (automatic)."
  type        = string
  default     = null

  validation {
    condition     = var.activation_mode == null || contains(["automatic", "approval"], coalesce(var.activation_mode, "automatic"))
    error_message = "activation_mode must be \"automatic\" or \"approval\"."
  }
}

variable "embedder" {
  description = "EMBEDDER: `bedrock` (lexical term vectors beside Titan Text Embeddings V2, hybrid) or `local` (lexical term vectors, no network). null = contract default."
  type        = string
  default     = null

  validation {
    condition     = var.embedder == null || contains(["bedrock", "local"], coalesce(var.embedder, "local"))
    error_message = "embedder must be \"bedrock\" or \"local\"."
  }
}

variable "embedding_model_id" {
  description = "EMBEDDING_MODEL_ID: Bedrock foundation model used for embeddings; the functions' bedrock:InvokeModel permission is scoped to it. null = contract default."
  type        = string
  default     = null
}

# ---------------------------------------------------------------------------
# Trainer image and training
# ---------------------------------------------------------------------------

variable "trainer_image_tag" {
  description = "Tag of the trainer image in the ECR repository, used by the image Lambda(s) and SageMaker training jobs. Prefer a unique tag per build (e.g. the git SHA): Lambda resolves the tag once, at deploy."
  type        = string
  default     = "latest"
}

variable "trainer_image_uri" {
  description = "Full trainer image URI overriding <ecr repository url>:<trainer_image_tag> (e.g. an image in another registry, or a dummy URI for emulators)."
  type        = string
  default     = null
}

variable "ecr_image_tag_mutability" {
  description = "MUTABLE or IMMUTABLE tags in the trainer ECR repository. IMMUTABLE (push a new tag per build); MUTABLE only with emulator = true."
  type        = string
  default     = "IMMUTABLE"

  validation {
    condition     = var.ecr_image_tag_mutability == "IMMUTABLE" || (var.emulator && var.ecr_image_tag_mutability == "MUTABLE")
    error_message = "ecr_image_tag_mutability must be IMMUTABLE (MUTABLE only with emulator = true)."
  }
}

variable "sagemaker_instance_types" {
  description = "Instance types SageMaker training jobs may use: the launching function's sagemaker:CreateTrainingJob permission requires sagemaker:InstanceTypes within this list. The contract setting SAGEMAKER_INSTANCE_TYPE must be one of them."
  type        = list(string)
  default     = ["ml.m5.xlarge", "ml.m5.2xlarge"]
}

variable "ecr_keep_images" {
  description = "Number of trainer images the ECR lifecycle policy keeps."
  type        = number
  default     = 20
}

variable "schedule_expression" {
  description = "EventBridge schedule of the functions subscribed to the `schedule` event (scheduled training)."
  type        = string
  default     = "cron(0 2 * * ? *)"
}

# ---------------------------------------------------------------------------
# API and authentication
# ---------------------------------------------------------------------------

variable "throttling_rate_limit" {
  description = "Default steady-state request rate (requests per second) of every API route."
  type        = number
  default     = 50
}

variable "throttling_burst_limit" {
  description = "Default burst limit of every API route."
  type        = number
  default     = 100
}

variable "waf_rate_limit" {
  description = "Requests per client IP per 5 minutes above which the WAF web ACL in front of the API (CloudFront) blocks that IP."
  type        = number
  default     = 1000

  validation {
    condition     = var.waf_rate_limit >= 10
    error_message = "waf_rate_limit must be at least 10 (the AWS WAF minimum)."
  }
}

variable "cloudfront_price_class" {
  description = "Price class of the CloudFront distribution in front of the API (PriceClass_100: North America and Europe edges)."
  type        = string
  default     = "PriceClass_100"
}

variable "cors_allow_origins" {
  description = "Origins allowed by CORS on the API, for a front end hosted elsewhere. Empty = no CORS configuration: the stack's web app shares the API's origin (edge.tf) and needs none."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for o in var.cors_allow_origins : can(regex("^https://[^*/]+$", o))])
    error_message = "cors_allow_origins takes https:// origins (scheme and host, no path), no wildcard."
  }
}

variable "user_pool_deletion_protection" {
  description = "ACTIVE or INACTIVE deletion protection of the Cognito user pool. INACTIVE only with emulator = true."
  type        = string
  default     = "ACTIVE"

  validation {
    condition     = var.user_pool_deletion_protection == "ACTIVE" || (var.emulator && var.user_pool_deletion_protection == "INACTIVE")
    error_message = "user_pool_deletion_protection must be ACTIVE (INACTIVE only with emulator = true)."
  }
}

variable "advanced_security_mode" {
  description = "Cognito threat protection (advanced security) mode: ENFORCED (needs user_pool_tier PLUS). AUDIT or OFF only with emulator = true."
  type        = string
  default     = "ENFORCED"

  validation {
    condition     = var.advanced_security_mode == "ENFORCED" || (var.emulator && contains(["AUDIT", "OFF"], var.advanced_security_mode))
    error_message = "advanced_security_mode must be ENFORCED (AUDIT or OFF only with emulator = true)."
  }
}

variable "user_pool_tier" {
  description = "Cognito feature plan of the user pool: PLUS is required for advanced_security_mode ENFORCED."
  type        = string
  default     = "PLUS"
}

variable "id_token_validity_minutes" {
  description = "Validity of Cognito ID and access tokens, in minutes."
  type        = number
  default     = 60
}

variable "refresh_token_validity_hours" {
  description = "Validity of Cognito refresh tokens, in hours (1-24: a stolen refresh token is good for a day at most)."
  type        = number
  default     = 24

  validation {
    condition     = var.refresh_token_validity_hours >= 1 && var.refresh_token_validity_hours <= 24
    error_message = "refresh_token_validity_hours must be between 1 and 24."
  }
}

# ---------------------------------------------------------------------------
# Emulators
# ---------------------------------------------------------------------------

variable "emulator_endpoint" {
  description = "Only read by the emulator provider override (emulator/*.tf copied next to this file): URL of LocalStack or moto_server. Ignored otherwise."
  type        = string
  default     = "http://localhost:4566"
}

# The HMAC key of pagination tokens (contract setting PAGE_TOKEN_KEY). The
# hashicorp/random provider is not in this machine's provider mirror, so when
# this is empty the key is derived from the data KMS key's ARN (see locals.tf):
# stable and unknown before apply, but not a secret to anyone who can read the
# account's KMS keys. Set it (e.g. from a secret store) for production.
variable "page_token_key" {
  description = "HMAC key (16+ characters) signing next_token values; empty = derived from the data KMS key's ARN."
  type        = string
  default     = ""
  sensitive   = true

  validation {
    condition     = var.page_token_key == "" || length(var.page_token_key) >= 16
    error_message = "page_token_key must be empty or at least 16 characters."
  }
}

# ---------------------------------------------------------------------------
# Edge and web app
# ---------------------------------------------------------------------------

variable "origin_verify_secret" {
  description = "Secret value of the x-origin-verify header CloudFront adds to API requests; the API functions refuse requests without it. At least 32 characters (e.g. openssl rand -hex 32); null only with emulator = true."
  type        = string
  default     = null
  sensitive   = true

  validation {
    condition     = var.origin_verify_secret == null ? var.emulator : length(var.origin_verify_secret) >= 32
    error_message = "origin_verify_secret must be set, at least 32 characters (only emulators may leave it unset)."
  }
}

variable "auth_domain_prefix" {
  description = "Prefix of the Cognito hosted UI domain (<prefix>.auth.<region>.amazoncognito.com); must be unique in the region. null = <name_prefix>-<account id>."
  type        = string
  default     = null
}

variable "webapp_dir" {
  description = "Directory of the web app's static files uploaded to the web bucket. null = functions/local/src/main/resources/webapp under the repository (lambda_artifact_dir)."
  type        = string
  default     = null
}

variable "docs_dir" {
  description = "Directory of the API docs page and the Swagger UI files it loads, uploaded under docs/ of the web bucket: what the Maven build writes to functions/local/target/docs. null = that directory under the repository (lambda_artifact_dir). Missing files are not uploaded (/docs then answers 403)."
  type        = string
  default     = null
}

variable "security_headers_policy" {
  description = "CloudFront response headers policies (CSP, HSTS, frame-ancestors, nosniff, referrer policy) on the web app and on the API docs under /docs. false only with emulator = true (moto has no response headers policies)."
  type        = bool
  default     = true

  validation {
    condition     = var.security_headers_policy || var.emulator
    error_message = "security_headers_policy can only be switched off in emulators."
  }
}
