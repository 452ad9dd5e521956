# The web app in AWS: its static files (the local runner's webapp/ directory,
# uploaded as they are: no build step) in a private, KMS-encrypted bucket that
# only the edge distribution (edge.tf) reads, through origin access control.
# Terraform writes the app's config.json (API URL, hosted UI, client id) next to
# them, so the same files run locally and here. The API docs page (Swagger UI on
# /openapi.json) comes from the Maven build, which puts it beside the Swagger UI
# files it loads, under docs/.

locals {
  web_bucket_name = "${var.name_prefix}-web-${local.account_id}-${local.region}"
  web_bucket_arn  = "arn:${local.partition}:s3:::${local.web_bucket_name}"
  webapp_dir      = coalesce(var.webapp_dir, "${local.artifact_dir}/functions/local/src/main/resources/webapp")
  docs_dir        = coalesce(var.docs_dir, "${local.artifact_dir}/functions/local/target/docs")

  # config.json is Terraform's (below); docs/ is the build's (docs_dir).
  webapp_files = toset([for f in fileset(local.webapp_dir, "**") : f if f != "config.json" && !startswith(f, "docs/")])
  docs_files   = fileset(local.docs_dir, "**")
  web_content_types = {
    html = "text/html; charset=utf-8"
    js   = "text/javascript; charset=utf-8"
    css  = "text/css; charset=utf-8"
    json = "application/json"
    svg  = "image/svg+xml"
    png  = "image/png"
    txt  = "text/plain; charset=utf-8"
    map  = "application/json"
  }

  # The app's own policy (no inline script, see StaticFiles.APP_POLICY locally),
  # plus the hosted UI's token endpoint, and never framed by another page.
  web_content_security_policy = join(" ", [
    "default-src 'self';",
    "script-src 'self';",
    "style-src 'self';",
    "img-src 'self' data:;",
    "frame-src 'self' blob:;",
    "object-src 'self';",
    # the bucket's endpoints: large files are PUT to presigned URLs there
    "connect-src 'self' ${local.auth_domain_url} https://${aws_s3_bucket.data.bucket_regional_domain_name} https://${local.bucket_name}.s3.amazonaws.com;",
    "base-uri 'none';",
    "form-action 'self';",
    "frame-ancestors 'none'",
  ])

  # The docs page's: Swagger UI sets inline styles, and the docs page starts it
  # from docs/docs.js, so still no inline script; "Try it out" calls the API on
  # this origin.
  docs_content_security_policy = join(" ", [
    "default-src 'self';",
    "script-src 'self';",
    "style-src 'self' 'unsafe-inline';",
    "img-src 'self' data:;",
    "connect-src 'self';",
    "object-src 'none';",
    "base-uri 'none';",
    "form-action 'none';",
    "frame-ancestors 'none'",
  ])
}

resource "aws_kms_key" "web" {
  description             = "${var.name_prefix} web app files (bucket ${local.web_bucket_name})"
  deletion_window_in_days = var.kms_key_deletion_window_days
  enable_key_rotation     = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(local.kms_admin_statements, [
      {
        Sid       = "EdgeDistributionReadsTheApp"
        Effect    = "Allow"
        Principal = { Service = "cloudfront.amazonaws.com" }
        Action    = ["kms:Decrypt"]
        Resource  = "*"
        Condition = { StringEquals = { "AWS:SourceArn" = aws_cloudfront_distribution.edge.arn } }
      },
      {
        # Whoever deploys (Terraform) uploads the app's files, through S3 only.
        Sid       = "DeployThroughS3"
        Effect    = "Allow"
        Principal = { AWS = local.account_root_arn }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = "*"
        Condition = {
          StringEquals = {
            "kms:ViaService"                   = "s3.${local.region}.amazonaws.com"
            "kms:EncryptionContext:aws:s3:arn" = local.web_bucket_arn
          }
        }
      },
    ])
  })
}

resource "aws_s3_bucket" "web" {
  bucket        = local.web_bucket_name
  force_destroy = var.force_destroy
}

resource "aws_s3_bucket_public_access_block" "web" {
  bucket                  = aws_s3_bucket.web.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "web" {
  bucket = aws_s3_bucket.web.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

# Bucket key: the encryption context is the bucket's ARN (the key policy's condition).
resource "aws_s3_bucket_server_side_encryption_configuration" "web" {
  bucket = aws_s3_bucket.web.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.web.arn
    }
    bucket_key_enabled = true
  }
}

# Written out rather than an aws_iam_policy_document: a data source would be
# re-read after every change to the distribution it names.
resource "aws_s3_bucket_policy" "web" {
  bucket = aws_s3_bucket.web.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [{
        Sid       = "EdgeDistributionReadsTheApp"
        Effect    = "Allow"
        Principal = { Service = "cloudfront.amazonaws.com" }
        Action    = "s3:GetObject"
        Resource  = "${local.web_bucket_arn}/*"
        Condition = { StringEquals = { "AWS:SourceArn" = aws_cloudfront_distribution.edge.arn } }
      }],
      # moto applies a conditional Deny unconditionally (see storage.tf), so
      # emulator runs go without this one statement.
      var.enforce_tls_bucket_policy ? [{
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [local.web_bucket_arn, "${local.web_bucket_arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      }] : [],
    )
  })

  depends_on = [aws_s3_bucket_public_access_block.web]
}

resource "aws_cloudfront_origin_access_control" "web" {
  name                              = "${var.name_prefix}-web"
  description                       = "The edge distribution reads the web app's bucket (SigV4)"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

# No cache in browsers without revalidation: the files keep their names from
# one release to the next.
resource "aws_s3_object" "webapp" {
  for_each = local.webapp_files

  bucket        = aws_s3_bucket.web.id
  key           = each.value
  source        = "${local.webapp_dir}/${each.value}"
  source_hash   = filemd5("${local.webapp_dir}/${each.value}")
  content_type  = lookup(local.web_content_types, lower(regex("[^.]+$", each.value)), "application/octet-stream")
  cache_control = "no-cache"

  depends_on = [aws_s3_bucket_server_side_encryption_configuration.web]
}

resource "aws_s3_object" "docs" {
  for_each = local.docs_files

  bucket        = aws_s3_bucket.web.id
  key           = "docs/${each.value}"
  source        = "${local.docs_dir}/${each.value}"
  source_hash   = filemd5("${local.docs_dir}/${each.value}")
  content_type  = lookup(local.web_content_types, lower(regex("[^.]+$", each.value)), "application/octet-stream")
  cache_control = "no-cache"

  depends_on = [aws_s3_bucket_server_side_encryption_configuration.web]
}

# /docs itself: CloudFront asks S3 (through origin access control) for the key
# "docs", so the page is also an object of that name.
resource "aws_s3_object" "docs_page" {
  for_each = contains(local.docs_files, "index.html") ? toset(["docs"]) : toset([])

  bucket        = aws_s3_bucket.web.id
  key           = each.value
  source        = "${local.docs_dir}/index.html"
  source_hash   = filemd5("${local.docs_dir}/index.html")
  content_type  = local.web_content_types.html
  cache_control = "no-cache"

  depends_on = [aws_s3_bucket_server_side_encryption_configuration.web]
}

resource "aws_s3_object" "web_config" {
  bucket        = aws_s3_bucket.web.id
  key           = "config.json"
  content_type  = "application/json"
  cache_control = "no-cache"
  content = jsonencode({
    api_url = trimsuffix(local.app_url, "/")
    region  = local.region
    auth = {
      domain       = local.auth_domain_url
      client_id    = aws_cognito_user_pool_client.web.id
      redirect_uri = local.app_url
      scopes       = aws_cognito_user_pool_client.web.allowed_oauth_scopes
    }
  })

  depends_on = [aws_s3_bucket_server_side_encryption_configuration.web, aws_cognito_user_pool_domain.this]
}

# moto has no response headers policies; emulator runs go without it
# (var.security_headers_policy, refused unless emulator = true).
resource "aws_cloudfront_response_headers_policy" "app" {
  count = var.security_headers_policy ? 1 : 0

  name    = "${var.name_prefix}-app"
  comment = "Security headers of the ${var.name_prefix} web app"

  security_headers_config {
    content_security_policy {
      content_security_policy = local.web_content_security_policy
      override                = true
    }
    strict_transport_security {
      access_control_max_age_sec = 63072000
      include_subdomains         = true
      preload                    = false
      override                   = true
    }
    frame_options {
      frame_option = "DENY"
      override     = true
    }
    content_type_options {
      override = true
    }
    referrer_policy {
      referrer_policy = "no-referrer"
      override        = true
    }
  }
}

# The API docs under /docs: the app's headers, but Swagger UI's inline styles.
resource "aws_cloudfront_response_headers_policy" "docs" {
  count = var.security_headers_policy ? 1 : 0

  name    = "${var.name_prefix}-docs"
  comment = "Security headers of the ${var.name_prefix} API docs (Swagger UI)"

  security_headers_config {
    content_security_policy {
      content_security_policy = local.docs_content_security_policy
      override                = true
    }
    strict_transport_security {
      access_control_max_age_sec = 63072000
      include_subdomains         = true
      preload                    = false
      override                   = true
    }
    frame_options {
      frame_option = "DENY"
      override     = true
    }
    content_type_options {
      override = true
    }
    referrer_policy {
      referrer_policy = "no-referrer"
      override        = true
    }
  }
}
