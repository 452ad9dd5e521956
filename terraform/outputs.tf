output "app_url" {
  description = "The web app (sign-in through the Cognito hosted UI), served by CloudFront with the API under /api/."
  value       = local.app_url
}

output "api_url" {
  description = "Base URL of the HTTP API's own endpoint: it answers 403 origin_not_verified to anything that does not come through CloudFront; use api_edge_url."
  value       = aws_apigatewayv2_api.this.api_endpoint
}

output "api_edge_url" {
  description = "Base URL of the API through CloudFront and AWS WAF (rate limit per IP, AWS managed rules); routes start with /api/v1/."
  value       = "https://${aws_cloudfront_distribution.edge.domain_name}"
}

output "web_bucket_name" {
  description = "Bucket of the web app's static files and the API docs (docs/), read only by CloudFront."
  value       = aws_s3_bucket.web.bucket
}

output "bucket_name" {
  description = "Data bucket (value of the BUCKET environment variable)."
  value       = aws_s3_bucket.data.bucket
}

output "table_names" {
  description = "DynamoDB table names keyed by contract table name."
  value       = { for key, t in aws_dynamodb_table.this : key => t.name }
}

output "table_env" {
  description = "DynamoDB table names keyed by their environment variable (e.g. JOBS_TABLE), ready to export for the local runner."
  value       = { for key, t in aws_dynamodb_table.this : local.tables[key].env => t.name }
}

output "function_names" {
  description = "Lambda function names keyed by contract function name."
  value       = { for key, f in aws_lambda_function.this : key => f.function_name }
}

output "function_alias_arns" {
  description = "ARNs of the \"live\" aliases (what API Gateway and EventBridge invoke), keyed by contract function name."
  value       = { for key, a in aws_lambda_alias.live : key => a.arn }
}

output "user_pool_id" {
  description = "Cognito user pool id."
  value       = aws_cognito_user_pool.this.id
}

output "user_pool_client_id" {
  description = "Cognito app client id (SRP sign-in with TOTP MFA, no secret)."
  value       = aws_cognito_user_pool_client.api.id
}

output "web_client_id" {
  description = "Cognito app client of the web app (authorization-code flow with PKCE through the hosted UI, no secret)."
  value       = aws_cognito_user_pool_client.web.id
}

output "auth_url" {
  description = "The Cognito hosted UI (sign-in, TOTP set-up, sign-out) of the web app."
  value       = local.auth_domain_url
}

output "ecr_repository_url" {
  description = "ECR repository of the trainer image (docker push <url>:<trainer_image_tag>)."
  value       = aws_ecr_repository.trainer.repository_url
}

output "trainer_image_uri" {
  description = "Trainer image used by the image Lambda(s) and SageMaker training jobs."
  value       = local.trainer_image_uri
}

output "sagemaker_role_arn" {
  description = "Execution role of the SageMaker training jobs."
  value       = aws_iam_role.sagemaker.arn
}

output "region" {
  description = "Region of the stack."
  value       = var.region
}
