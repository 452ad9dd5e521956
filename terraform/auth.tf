# Cognito user pool for reviewers and admins. API Gateway validates the JWT on
# every route; admin-only routes are enforced by the Java handlers from the
# `cognito:groups` claim.

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
