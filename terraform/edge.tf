# Edge: CloudFront in front of the HTTP API, with an AWS WAF web ACL (rate
# limit per client IP, AWS managed rule groups). CLOUDFRONT-scoped web ACLs
# live in us-east-1 (provider aws.us_east_1).
#
# The API's own execute-api endpoint stays reachable (an HTTP API cannot
# require that requests come through CloudFront without a custom domain or an
# authorizer); the JWT authorizer and stage throttling still apply there.
# Clients should use the `api_edge_url` output.

locals {
  api_host = replace(aws_apigatewayv2_api.this.api_endpoint, "https://", "")

  # Managed CloudFront policies (IDs are fixed by AWS):
  cloudfront_caching_disabled = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad" # Managed-CachingDisabled
  # Managed-AllViewerExceptHostHeader: every viewer header (Authorization
  # included) but Host, which API Gateway needs to be its own.
  cloudfront_all_viewer_except_host = "b689b0a8-53d0-40ab-baf2-68738e2966ac"

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

resource "aws_cloudfront_distribution" "api" {
  enabled         = true
  comment         = "${var.name_prefix} API behind AWS WAF"
  is_ipv6_enabled = true
  http_version    = "http2and3"
  price_class     = var.cloudfront_price_class
  web_acl_id      = aws_wafv2_web_acl.api.arn

  origin {
    origin_id   = "api"
    domain_name = local.api_host

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id         = "api"
    viewer_protocol_policy   = "https-only"
    allowed_methods          = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = local.cloudfront_caching_disabled
    origin_request_policy_id = local.cloudfront_all_viewer_except_host
    compress                 = true
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
