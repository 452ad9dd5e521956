# Provider override for AWS emulators (LocalStack, moto_server): copy this
# file next to the stack's *.tf files (it is gitignored there) and set
# var.emulator_endpoint, e.g.
#   cp emulator/emulator_override.tf . &&
#   terraform apply -var emulator_endpoint=http://localhost:4566
# Terraform merges it into the `provider "aws"` block of providers.tf
# (an *_override.tf file replaces the arguments and nested blocks it sets).

provider "aws" {
  access_key = "test"
  secret_key = "test"

  s3_use_path_style           = true
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_requesting_account_id  = true
  skip_region_validation      = true

  endpoints {
    apigateway   = var.emulator_endpoint
    apigatewayv2 = var.emulator_endpoint
    cloudfront   = var.emulator_endpoint
    cloudwatch   = var.emulator_endpoint
    cognitoidp   = var.emulator_endpoint
    dynamodb     = var.emulator_endpoint
    ecr          = var.emulator_endpoint
    events       = var.emulator_endpoint
    iam          = var.emulator_endpoint
    kms          = var.emulator_endpoint
    lambda       = var.emulator_endpoint
    logs         = var.emulator_endpoint
    s3           = var.emulator_endpoint
    sagemaker    = var.emulator_endpoint
    scheduler    = var.emulator_endpoint
    sqs          = var.emulator_endpoint
    sts          = var.emulator_endpoint
    wafv2        = var.emulator_endpoint
  }
}

# us-east-1 (CloudFront-scoped WAF, edge.tf): the same emulator.
provider "aws" {
  alias = "us_east_1"

  access_key = "test"
  secret_key = "test"

  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_requesting_account_id  = true
  skip_region_validation      = true

  endpoints {
    cloudfront = var.emulator_endpoint
    wafv2      = var.emulator_endpoint
  }
}

# The stack runs in an emulator: the unsafe settings an emulator needs
# (variables.tf: enforce_tls_bucket_policy = false, deletion protection off,
# force_destroy, ...) are accepted, never in AWS.
variable "emulator" {
  default = true
}
