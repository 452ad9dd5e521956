# Cognito user pool for reviewers and admins. API Gateway validates the JWT on
# every route and requires the admin scope on the routes the contract marks
# admin; the Java handlers check the `cognito:groups` claim as well.
#
# The admin scope: a resource server for the API with one scope, `admin`. The
# pre-token-generation trigger (contract function with cognito_trigger =
# "pre_token_generation", event version 2) puts it into the access tokens of
# admin group members and takes it out of everyone else's, so an app client
# allowed to request it (the web app's) grants it to admins only.

locals {
  api_scope_server = "${var.name_prefix}-api"
  admin_scope      = "${local.api_scope_server}/admin"
  pre_token_function = one([
    for key, f in local.functions : key if try(f.cognito_trigger, "") == "pre_token_generation"
  ])
  auth_domain_prefix = coalesce(var.auth_domain_prefix, "${var.name_prefix}-${local.account_id}")
  auth_domain_url    = "https://${local.auth_domain_prefix}.auth.${local.region}.amazoncognito.com"
}

resource "aws_cognito_user_pool" "this" {
  name                     = "${var.name_prefix}-users"
  username_attributes      = ["email"]
  auto_verified_attributes = ["email"]
  deletion_protection      = var.user_pool_deletion_protection
  user_pool_tier           = var.user_pool_tier

  # Every user signs in with a TOTP app (software token) as second factor;
  # Cognito asks for its set-up at the first sign-in.
  mfa_configuration = "ON"

  software_token_mfa_configuration {
    enabled = true
  }

  # Threat protection: blocks sign-ins Cognito rates as risky and
  # compromised credentials (needs the PLUS tier).
  user_pool_add_ons {
    advanced_security_mode = var.advanced_security_mode
  }

  # A changed e-mail address only replaces the old one once the user has
  # confirmed the code sent to it (no account take-over through an
  # unverified address; recovery stays on the verified one).
  user_attribute_update_settings {
    attributes_require_verification_before_update = ["email"]
  }

  admin_create_user_config {
    # Accounts are created by an admin (see README); no self sign-up.
    allow_admin_create_user_only = true
  }

  password_policy {
    minimum_length                   = 12
    require_lowercase                = true
    require_uppercase                = true
    require_numbers                  = true
    require_symbols                  = true
    temporary_password_validity_days = 7
  }

  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }

  # Version 2 events customise access tokens (needs the Essentials or Plus tier).
  lambda_config {
    pre_token_generation_config {
      lambda_arn     = aws_lambda_alias.live[local.pre_token_function].arn
      lambda_version = "V2_0"
    }
  }
}

resource "aws_lambda_permission" "cognito_pre_token" {
  statement_id  = "cognito-pre-token-generation"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this[local.pre_token_function].function_name
  qualifier     = aws_lambda_alias.live[local.pre_token_function].name
  principal     = "cognito-idp.amazonaws.com"
  source_arn    = aws_cognito_user_pool.this.arn
}

resource "aws_cognito_resource_server" "api" {
  identifier   = local.api_scope_server
  name         = "${var.name_prefix} API"
  user_pool_id = aws_cognito_user_pool.this.id

  scope {
    scope_name        = "admin"
    scope_description = "Admin routes: training, model registry, erasure, reports, audit"
  }
}

# The hosted UI (sign-in, TOTP set-up, sign-out) of the web app.
resource "aws_cognito_user_pool_domain" "this" {
  domain       = local.auth_domain_prefix
  user_pool_id = aws_cognito_user_pool.this.id
}

resource "aws_cognito_user_group" "this" {
  for_each = {
    reviewer = "Reviews screening results and submits feedback"
    admin    = "Also triggers training and registers, activates and rolls back models"
  }

  name         = each.key
  description  = each.value
  user_pool_id = aws_cognito_user_pool.this.id
}

resource "aws_cognito_user_pool_client" "api" {
  name         = "${var.name_prefix}-api"
  user_pool_id = aws_cognito_user_pool.this.id

  generate_secret               = false
  prevent_user_existence_errors = "ENABLED"
  # SRP only: the password never leaves the client (no USER_PASSWORD_AUTH,
  # no ADMIN_USER_PASSWORD_AUTH).
  explicit_auth_flows = [
    "ALLOW_USER_SRP_AUTH",
    "ALLOW_REFRESH_TOKEN_AUTH",
  ]
  enable_token_revocation = true

  id_token_validity      = var.id_token_validity_minutes
  access_token_validity  = var.id_token_validity_minutes
  refresh_token_validity = var.refresh_token_validity_hours

  token_validity_units {
    id_token      = "minutes"
    access_token  = "minutes"
    refresh_token = "hours"
  }
}

# The web app (web.tf): authorization-code flow with PKCE through the hosted
# UI, a public client (no secret: the browser cannot keep one), back to the
# app's own origin only.
resource "aws_cognito_user_pool_client" "web" {
  name         = "${var.name_prefix}-web"
  user_pool_id = aws_cognito_user_pool.this.id

  generate_secret               = false
  prevent_user_existence_errors = "ENABLED"
  explicit_auth_flows = [
    "ALLOW_USER_SRP_AUTH",
    "ALLOW_REFRESH_TOKEN_AUTH",
  ]
  enable_token_revocation = true

  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "email", local.admin_scope]
  supported_identity_providers         = ["COGNITO"]
  callback_urls                        = [local.app_url]
  logout_urls                          = [local.app_url]

  id_token_validity      = var.id_token_validity_minutes
  access_token_validity  = var.id_token_validity_minutes
  refresh_token_validity = var.refresh_token_validity_hours

  token_validity_units {
    id_token      = "minutes"
    access_token  = "minutes"
    refresh_token = "hours"
  }

  # The scope is the resource server's: it must exist before a client names it.
  depends_on = [aws_cognito_resource_server.api]
}
