# Edge: one CloudFront distribution serves the web app (default behaviour ->
# the private web bucket, web.tf) and the API (/api/* -> the HTTP API), behind
# an AWS WAF web ACL (rate limit per client IP, AWS managed rule groups).
# CLOUDFRONT-scoped web ACLs live in us-east-1 (provider aws.us_east_1).
#
# The API only through CloudFront: an HTTP API has no resource policy and its
# execute-api endpoint stays up without a custom domain, so CloudFront adds a
# secret header (x-origin-verify, var.origin_verify_secret) to every request
# for the API, and the API functions refuse requests without it
# (OriginVerification in the shared HttpApiAdapter).

locals {
  api_host = replace(aws_apigatewayv2_api.this.api_endpoint, "https://", "")
  # The app and the API share this origin.
  app_url = "https://${aws_cloudfront_distribution.edge.domain_name}/"

  # Emulators get a stand-in derived from a key ARN (known to anyone who can
  # list the account's keys); outside them var.origin_verify_secret is required.
  origin_verify_secret = coalesce(var.origin_verify_secret, sha256("${aws_kms_key.data.arn}/origin-verify"))

  # Managed CloudFront policies (IDs are fixed by AWS):
  cloudfront_caching_disabled  = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad" # Managed-CachingDisabled
  cloudfront_caching_optimized = "658327ea-f89d-4fab-a63d-7e88639e58f6" # Managed-CachingOptimized
  # Managed-AllViewerExceptHostHeader: every viewer header (Authorization
  # included) but Host, which API Gateway needs to be its own.
  cloudfront_all_viewer_except_host = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
  # Managed-SecurityHeadersPolicy (HSTS, nosniff, X-Frame-Options SAMEORIGIN,
  # referrer policy) on the API's answers: the app frames the original resume.
  cloudfront_security_headers = "67f7725c-6f97-4210-82d7-5512b31e9d03"

  waf_managed_rule_groups = {
    # Resume uploads are larger than the rule set's 8 KB body limit: that one
    # rule only counts.
    AWSManagedRulesCommonRuleSet          = { priority = 10, count_only = ["SizeRestrictions_BODY"] }
    AWSManagedRulesKnownBadInputsRuleSet  = { priority = 20, count_only = [] }
    AWSManagedRulesAmazonIpReputationList = { priority = 30, count_only = [] }
  }
}

resource "aws_wafv2_web_acl" "api" {
  provider = aws.us_east_1

  name        = "${var.name_prefix}-api"
  description = "${var.name_prefix} API: rate limit per IP, AWS managed rules"
  scope       = "CLOUDFRONT"

  default_action {
    allow {}
  }

  rule {
    name     = "rate-limit-per-ip"
    priority = 1

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit              = var.waf_rate_limit
        aggregate_key_type = "IP"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${var.name_prefix}-rate-limit-per-ip"
      sampled_requests_enabled   = true
    }
  }

  dynamic "rule" {
    for_each = local.waf_managed_rule_groups
    content {
      name     = rule.key
      priority = rule.value.priority

      override_action {
        none {}
      }

      statement {
        managed_rule_group_statement {
          name        = rule.key
          vendor_name = "AWS"

          dynamic "rule_action_override" {
            for_each = rule.value.count_only
            content {
              name = rule_action_override.value
              action_to_use {
                count {}
              }
            }
          }
        }
      }

      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = "${var.name_prefix}-${rule.key}"
        sampled_requests_enabled   = true
      }
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "${var.name_prefix}-api"
    sampled_requests_enabled   = true
  }
}

# Formerly the API's own distribution; the same one now also serves the app.
moved {
  from = aws_cloudfront_distribution.api
  to   = aws_cloudfront_distribution.edge
}

resource "aws_cloudfront_distribution" "edge" {
  enabled             = true
  comment             = "${var.name_prefix} web app and API behind AWS WAF"
  is_ipv6_enabled     = true
  http_version        = "http2and3"
  price_class         = var.cloudfront_price_class
  default_root_object = "index.html"
  web_acl_id          = aws_wafv2_web_acl.api.arn

  origin {
    origin_id                = "app"
    domain_name              = aws_s3_bucket.web.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.web.id
  }

  origin {
    origin_id   = "api"
    domain_name = local.api_host

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }

    # Replaces a header of the same name a viewer may send.
    custom_header {
      name  = "x-origin-verify"
      value = local.origin_verify_secret
    }
  }

  default_cache_behavior {
    target_origin_id           = "app"
    viewer_protocol_policy     = "https-only"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    cache_policy_id            = local.cloudfront_caching_optimized
    response_headers_policy_id = var.security_headers_policy ? aws_cloudfront_response_headers_policy.app[0].id : null
    compress                   = true
  }

  # The API docs: the page (the object "docs", web.tf) and its files (docs/*),
  # with their own headers.
  ordered_cache_behavior {
    path_pattern               = "/docs"
    target_origin_id           = "app"
    viewer_protocol_policy     = "https-only"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    cache_policy_id            = local.cloudfront_caching_optimized
    response_headers_policy_id = var.security_headers_policy ? aws_cloudfront_response_headers_policy.docs[0].id : null
    compress                   = true
  }

  ordered_cache_behavior {
    path_pattern               = "/docs/*"
    target_origin_id           = "app"
    viewer_protocol_policy     = "https-only"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    cache_policy_id            = local.cloudfront_caching_optimized
    response_headers_policy_id = var.security_headers_policy ? aws_cloudfront_response_headers_policy.docs[0].id : null
    compress                   = true
  }

  ordered_cache_behavior {
    path_pattern               = "/api/*"
    target_origin_id           = "api"
    viewer_protocol_policy     = "https-only"
    allowed_methods            = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
    cached_methods             = ["GET", "HEAD"]
    cache_policy_id            = local.cloudfront_caching_disabled
    origin_request_policy_id   = local.cloudfront_all_viewer_except_host
    response_headers_policy_id = local.cloudfront_security_headers
    compress                   = true
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  # The default *.cloudfront.net certificate; a custom domain with an ACM
  # certificate would allow minimum_protocol_version = "TLSv1.2_2021".
  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
