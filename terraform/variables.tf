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
  description = "Allow `terraform destroy` to delete a non-empty bucket and an ECR repository holding images. Keep false in production; CI sets it to true."
  type        = bool
  default     = false
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
  description = "Attach the bucket policy denying every request not made over TLS (aws:SecureTransport). Keep true; false only for emulators that apply a conditional Deny unconditionally (moto does, and would refuse every object request)."
  type        = bool
  default     = true
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
}

variable "table_deletion_protection" {
  description = "Enable DynamoDB deletion protection on every table (set to true in production)."
  type        = bool
  default     = false
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
  description = "Retention (days) of the functions' and the API's CloudWatch log groups."
  type        = number
  default     = 180
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

variable "embedder" {
  description = "EMBEDDER: `bedrock` (Titan Text Embeddings V2, recommended in AWS) or `local` (hashing, no network). null = contract default."
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
  description = "MUTABLE or IMMUTABLE tags in the trainer ECR repository (IMMUTABLE recommended together with unique tags)."
  type        = string
  default     = "MUTABLE"

  validation {
    condition     = contains(["MUTABLE", "IMMUTABLE"], var.ecr_image_tag_mutability)
    error_message = "ecr_image_tag_mutability must be MUTABLE or IMMUTABLE."
  }
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

variable "cors_allow_origins" {
  description = "Origins allowed by CORS on the API (e.g. a web front end). Empty = no CORS configuration."
  type        = list(string)
  default     = []
}

variable "user_pool_deletion_protection" {
  description = "ACTIVE or INACTIVE deletion protection of the Cognito user pool (ACTIVE in production)."
  type        = string
  default     = "INACTIVE"
}

variable "id_token_validity_minutes" {
  description = "Validity of Cognito ID and access tokens, in minutes."
  type        = number
  default     = 60
}

variable "refresh_token_validity_days" {
  description = "Validity of Cognito refresh tokens, in days."
  type        = number
  default     = 30
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
