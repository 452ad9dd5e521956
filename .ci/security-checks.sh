#!/usr/bin/env bash
# Security controls of issue #13, asserted on a Terraform plan JSON
# (`terraform show -json <plan>`): one jq assertion per control, each on the
# planned values of the real configuration.
#
#   .ci/security-checks.sh <plan.json> <contract.json>
#
# .ci/terraform.sh runs it on a plan made with the production variables
# (emulator = false, no emulator exemption) over the stack it applied into
# moto, so that every ARN is known. Exits 1 naming every failed control.
set -euo pipefail

PLAN="$1"
CONTRACT="$2"
[[ -s "$PLAN" && -s "$CONTRACT" ]] || {
  echo "usage: $0 <plan.json> <contract.json>" >&2
  exit 2
}

# Helpers available to every check:
#   res($t)          planned resources of type $t (with .index for for_each)
#   one($t; $n)      the planned resource $t.$n (no index)
#   docs($t)         statements of the policy documents of resources of type $t
#   var($n)          a root variable's value
#   data_key / logs_key: ARNs of the two customer managed keys
PRELUDE='
  def as_list: if . == null then [] elif type == "array" then . else [.] end;
  def res($t): [$plan.planned_values.root_module.resources[] | select(.mode == "managed" and .type == $t)];
  def one($t; $n): res($t) | map(select(.name == $n)) | if length == 1 then .[0].values else error("no \($t).\($n)") end;
  def stmts: fromjson | .Statement | as_list | .[];
  def var($n): $plan.variables[$n].value;
  def data_key: one("aws_kms_key"; "data").arn;
  def logs_key: one("aws_kms_key"; "logs").arn;
  def fn_names: $contract.functions | keys;
  def async_fns: [$contract.functions[] | .invokes // [] | .[]] as $invoked
    | [$contract.functions | to_entries[] | select((.value.events // []) != [] or (.key as $k | $invoked | index($k)) != null) | .key];
  def sagemaker_fns: [$contract.functions | to_entries[] | select(.value.sagemaker == true) | .key];
  def role_stmts($fn): res("aws_iam_role_policy") | map(select(.index == $fn)) | .[0].values.policy | stmts;
  def queue_arns_encrypted: [res("aws_sqs_queue")[] | select(.values.kms_master_key_id == data_key) | .values.arn];
'

checks=()
check() { checks+=("$1"$'\t'"$2"); }

# --- 1. Cognito -----------------------------------------------------------
check cognito_mfa_totp_on '
  res("aws_cognito_user_pool") | length > 0 and all(.[].values;
    .mfa_configuration == "ON" and (.software_token_mfa_configuration[0].enabled == true))'
check cognito_srp_only '
  res("aws_cognito_user_pool_client") | length > 0 and all(.[].values.explicit_auth_flows;
    index("ALLOW_USER_SRP_AUTH") != null and index("ALLOW_USER_PASSWORD_AUTH") == null
    and index("ALLOW_ADMIN_USER_PASSWORD_AUTH") == null)'
check cognito_advanced_security_enforced '
  res("aws_cognito_user_pool") | all(.[].values; .user_pool_add_ons[0].advanced_security_mode == "ENFORCED")'
check cognito_refresh_token_max_1_day '
  res("aws_cognito_user_pool_client") | all(.[].values;
    (.token_validity_units[0].refresh_token // "days") as $u
    | .refresh_token_validity * ({days: 86400, hours: 3600, minutes: 60, seconds: 1}[$u]) <= 86400)'
check cognito_password_symbols '
  res("aws_cognito_user_pool") | all(.[].values; .password_policy[0].require_symbols == true)'
check cognito_email_change_verified '
  res("aws_cognito_user_pool") | all(.[].values;
    (.user_attribute_update_settings[0].attributes_require_verification_before_update // []) | index("email") != null)'

# --- 2. Keys --------------------------------------------------------------
# kms_key_arn is optional and computed: over an existing table the plan keeps
# the key even when the argument is gone, so the configuration must name it too.
check tables_customer_managed_key '
  (res("aws_dynamodb_table") | length > 0 and all(.[].values.server_side_encryption[0];
    .enabled == true and .kms_key_arn == data_key))
  and ([$plan.configuration.root_module.resources[] | select(.mode == "managed" and .type == "aws_dynamodb_table")
        | .expressions.server_side_encryption[0].kms_key_arn.references // [] | index("aws_kms_key.data.arn") != null]
       | length > 0 and all)'
check data_key_policy_named_principals '
  (one("aws_iam_role"; "sagemaker").arn) as $sm
  | ([res("aws_iam_role")[] | select(.name == "function") | .values.arn] + [$sm, var("break_glass_role_arn")]) as $users
  | "arn:aws:iam::\($plan.prior_state.values.root_module.resources[] | select(.type == "aws_caller_identity") | .values.account_id):root" as $root
  | [one("aws_kms_key"; "data").policy | stmts | select(.Effect == "Allow")] as $s
  # every principal is the root, a function role, the SageMaker role, the break-glass role, or EventBridge
  | all($s[]; (.Principal | type == "object")
      and all(.Principal.AWS | as_list | .[]; . == $root or ($users | index(.)) != null)
      and all(.Principal.Service | as_list | .[]; . == "events.amazonaws.com"))
  # the root administers; it never encrypts or decrypts
  and all($s[] | select(.Principal.AWS | as_list | index($root)); all(.Action | as_list | .[];
      test("^kms:(Encrypt|Decrypt|ReEncrypt|GenerateDataKey)") | not))
  # the break-glass role is named, and SageMaker and every function role may use the key
  and any($s[]; .Principal.AWS == var("break_glass_role_arn"))
  and any($s[]; (.Principal.AWS | as_list | index($sm)) != null)
  and all($users[:-2][]; . as $r | any($s[]; (.Principal.AWS | as_list | index($r)) != null))'
check bucket_policy_requires_stack_key '
  [res("aws_s3_bucket_policy")[] | select(.values.bucket == one("aws_s3_bucket"; "data").bucket) | .values.policy | stmts
   | select(.Effect == "Deny" and (.Action | as_list | index("s3:PutObject")))] as $deny
  | any($deny[]; .Condition.StringNotEqualsIfExists["s3:x-amz-server-side-encryption-aws-kms-key-id"] == data_key)
    and any($deny[]; .Condition.StringNotEqualsIfExists["s3:x-amz-server-side-encryption"] == "aws:kms")'
check bucket_policy_tls_only '
  [res("aws_s3_bucket_policy")[] | select(.values.bucket == one("aws_s3_bucket"; "data").bucket) | .values.policy | stmts
   | select(.Effect == "Deny" and .Condition.Bool["aws:SecureTransport"] == "false")] | length == 1'
check log_groups_kms_encrypted '
  res("aws_cloudwatch_log_group") | length > 0 and all(.[].values; .kms_key_id == logs_key)'
check logs_key_allows_logs_service '
  [one("aws_kms_key"; "logs").policy | stmts | select(.Effect == "Allow")
   | select(.Principal.Service == "logs.\(var("region")).amazonaws.com")
   | select(.Action | as_list | index("kms:GenerateDataKey") and index("kms:Decrypt"))] | length == 1'

# --- 3. Nothing lost on failure -------------------------------------------
check async_invoke_on_failure_queue '
  queue_arns_encrypted as $q
  | async_fns | length > 0 and all(.[]; . as $fn
    | res("aws_lambda_function_event_invoke_config") | any(.[]; .index == $fn
      and (.values.destination_config[0].on_failure[0].destination as $d | $q | index($d)) != null))'
check event_targets_dead_letter_queue '
  queue_arns_encrypted as $q
  | res("aws_cloudwatch_event_target") | length > 0 and all(.[].values;
    (.dead_letter_config[0].arn // "") as $d | $q | index($d) != null)'
check queue_depth_alarms '
  res("aws_cloudwatch_metric_alarm") as $alarms
  | res("aws_sqs_queue") | length > 0 and all(.[].values.name; . as $n | any($alarms[].values;
    .namespace == "AWS/SQS" and .metric_name == "ApproximateNumberOfMessagesVisible" and .dimensions.QueueName == $n
    and .comparison_operator == "GreaterThanThreshold" and .threshold == 0))'
check on_failure_send_only_own_queue '
  res("aws_lambda_function_event_invoke_config") as $configs
  | fn_names | all(.[]; . as $fn
    | ([$configs[] | select(.index == $fn) | .values.destination_config[0].on_failure[0].destination]) as $own
    | ([role_stmts($fn) | select(.Effect == "Allow" and (.Action | as_list | index("sqs:SendMessage")))
        | .Resource | as_list | .[]] | unique) == ($own | unique))'
check dlq_policies_events_source_arn '
  res("aws_sqs_queue_policy") as $policies
  | res("aws_cloudwatch_event_rule") as $rules
  | res("aws_cloudwatch_event_target") | length > 0 and all(.[].values; . as $t
    | ($rules[] | select(.values.name == $t.rule) | .values.arn) as $rule
    | ($policies[].values.policy | stmts
       | select(.Effect == "Allow" and .Principal.Service == "events.amazonaws.com"
           and (.Action | as_list) == ["sqs:SendMessage"] and .Resource == $t.dead_letter_config[0].arn)
       | .Condition.ArnEquals["aws:SourceArn"]) == $rule)'

# --- 4. Blast radius ------------------------------------------------------
check training_reserved_concurrency_1 '
  sagemaker_fns | length > 0 and all(.[]; . as $fn
    | res("aws_lambda_function") | any(.[]; .index == $fn and .values.reserved_concurrent_executions == 1))'
check functions_reserved_concurrency '
  res("aws_lambda_function") | length == (fn_names | length) and all(.[].values; .reserved_concurrent_executions >= 1)'
check create_training_job_network_isolation '
  [sagemaker_fns[] as $fn | role_stmts($fn) | select(.Effect == "Allow" and (.Action | as_list | index("sagemaker:CreateTrainingJob")))]
  | length > 0 and all(.[]; .Condition.Bool["sagemaker:NetworkIsolation"] == "true")'
check create_training_job_kms_keys '
  [sagemaker_fns[] as $fn | role_stmts($fn) | select(.Effect == "Allow" and (.Action | as_list | index("sagemaker:CreateTrainingJob")))]
  | length > 0 and all(.[]; .Condition.StringEquals["sagemaker:VolumeKmsKey"] == data_key
      and .Condition.StringEquals["sagemaker:OutputKmsKey"] == data_key)'
check create_training_job_instance_types '
  [sagemaker_fns[] as $fn | role_stmts($fn) | select(.Effect == "Allow" and (.Action | as_list | index("sagemaker:CreateTrainingJob")))]
  | length > 0 and all(.[]; (.Condition["ForAllValues:StringEquals"]["sagemaker:InstanceTypes"] | as_list | sort) == (var("sagemaker_instance_types") | sort)
      and .Condition.Null["sagemaker:InstanceTypes"] == "false")'
check trainer_env_kms_keys '
  sagemaker_fns | length > 0 and all(.[]; . as $fn | res("aws_lambda_function") | any(.[]; .index == $fn
    and .values.environment[0].variables.SAGEMAKER_VOLUME_KMS_KEY == data_key
    and .values.environment[0].variables.SAGEMAKER_OUTPUT_KMS_KEY == data_key))'
# who may switch the live model: the activation mode reaches every function that gates candidates, as set
check activation_mode_setting '
  ["automatic", "approval"] | index(var("activation_mode") // "automatic") != null
  and (sagemaker_fns | length > 0 and all(.[]; . as $fn | res("aws_lambda_function") | any(.[]; .index == $fn
    and .values.environment[0].variables.ACTIVATION_MODE == (var("activation_mode") // "automatic"))))'
check ecr_immutable_tags '
  res("aws_ecr_repository") | length > 0 and all(.[].values; .image_tag_mutability == "IMMUTABLE")'
check sagemaker_log_group_retention '
  res("aws_cloudwatch_log_group") | any(.[].values; .name == "/aws/sagemaker/TrainingJobs" and .retention_in_days > 0)'

# --- Observability: traces, and alarms on what users of the API notice ----
check functions_xray_active_tracing '
  res("aws_lambda_function") | length > 0 and all(.[].values; .tracing_config[0].mode == "Active")'
check functions_may_write_traces '
  fn_names | all(.[]; . as $fn | [role_stmts($fn) | select(.Effect == "Allow")
    | (.Action | as_list) | select(index("xray:PutTraceSegments") != null and index("xray:PutTelemetryRecords") != null)]
    | length == 1)'
check alarms_api_5xx_training_failed_and_stale '
  res("aws_cloudwatch_metric_alarm") | map(.values) as $alarms
  | any($alarms[]; any(.metric_query[]?; .metric[0].namespace == "AWS/ApiGateway" and .metric[0].metric_name == "5xx"))
    and any($alarms[]; .metric_name == "TrainingRuns" and .dimensions.Outcome == "FAILED")
    and any($alarms[]; .evaluation_periods == var("training_stale_days")
      and any(.metric_query[]?; .metric[0].metric_name == "ReviewsAwaitingTraining"))'

# --- 5. S3 server access logging -------------------------------------------
check data_bucket_access_logging '
  one("aws_s3_bucket"; "data").bucket as $data
  | res("aws_s3_bucket_logging") | any(.[].values; .bucket == $data and .target_bucket != $data
    and (.target_bucket as $t | [res("aws_s3_bucket")[].values.bucket] | index($t)) != null)'
check access_log_expiration '
  one("aws_s3_bucket_logging"; "data").target_bucket as $logs
  | res("aws_s3_bucket_lifecycle_configuration") | any(.[].values; .bucket == $logs and any(.rule[];
    .status == "Enabled" and .expiration[0].days == var("access_log_retention_days")
    and ((.filter // []) | all(.[]; (.prefix // "") == "" and .and == [] and .tag == []))))'
check access_log_bucket_private '
  one("aws_s3_bucket_logging"; "data").target_bucket as $logs
  | (res("aws_s3_bucket_public_access_block") | any(.[].values; .bucket == $logs and .block_public_acls
      and .block_public_policy and .ignore_public_acls and .restrict_public_buckets))
    and (res("aws_s3_bucket_ownership_controls") | any(.[].values; .bucket == $logs
      and .rule[0].object_ownership == "BucketOwnerEnforced"))'
check access_log_bucket_tls_only '
  one("aws_s3_bucket_logging"; "data").target_bucket as $logs
  | [res("aws_s3_bucket_policy")[] | select(.values.bucket == $logs) | .values.policy | stmts
     | select(.Effect == "Deny" and .Condition.Bool["aws:SecureTransport"] == "false")] | length == 1'

# --- 8. Edge: AWS WAF on CloudFront in front of the API --------------------
check waf_rate_limit_per_ip '
  res("aws_wafv2_web_acl") | any(.[].values; .scope == "CLOUDFRONT" and any(.rule[];
    (.action[0].block | length) == 1 and .statement[0].rate_based_statement[0].aggregate_key_type == "IP"
    and .statement[0].rate_based_statement[0].limit == var("waf_rate_limit")))'
check waf_aws_managed_rules '
  res("aws_wafv2_web_acl") | any(.[].values; .scope == "CLOUDFRONT"
    and ([.rule[] | select((.override_action[0].none | length) == 1)
          | .statement[0].managed_rule_group_statement[0] | select(.vendor_name == "AWS") | .name]) as $groups
    | ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList"]
    | all(.[]; . as $g | $groups | index($g) != null))'
check api_behind_cloudfront_waf '
  (res("aws_wafv2_web_acl") | map(select(.values.scope == "CLOUDFRONT") | .values.arn)) as $acls
  | (one("aws_apigatewayv2_api"; "this").api_endpoint | sub("^https://"; "")) as $api
  | res("aws_cloudfront_distribution") | any(.[].values; .enabled and (.web_acl_id as $w | $acls | index($w)) != null
    and ([.origin[] | select(.domain_name == $api and .custom_origin_config[0].origin_protocol_policy == "https-only")
          | .origin_id]) as $ids
    | [.default_cache_behavior[0], (.ordered_cache_behavior // [])[]] | any(.[]; (.target_origin_id as $t | $ids | index($t)) != null
      and (.viewer_protocol_policy | IN("https-only", "redirect-to-https"))))'

# --- 9. Admin scope, the API only through CloudFront, the web app ----------
# The distribution whose behaviours reach the API (edge.tf).
PRELUDE+='
  def api_host: one("aws_apigatewayv2_api"; "this").api_endpoint | sub("^https://"; "");
  def edge: res("aws_cloudfront_distribution") | map(.values | select(any(.origin[]; .domain_name == api_host)))
    | if length == 1 then .[0] else error("expected one distribution with the API as an origin") end;
  def behaviours: [.default_cache_behavior[0], (.ordered_cache_behavior // [])[]];
  def admin_scope: one("aws_cognito_resource_server"; "api") | "\(.identifier)/\(.scope[0].scope_name)";
  def api_fns: [$contract.routes[].function] | unique;
  def web_client: res("aws_cognito_user_pool_client") | map(.values | select(.allowed_oauth_flows_user_pool_client == true))
    | if length == 1 then .[0] else error("expected one OAuth (hosted UI) app client") end;
  def app_url: "https://\(edge.domain_name)/";
'
# every admin route of the contract requires the admin scope, and no other route has any scope
check api_admin_routes_scope '
  admin_scope as $scope
  | ([$contract.routes[] | select(.admin) | "\(.method) \(.path)"] | sort) as $admin
  | res("aws_apigatewayv2_route") | length == ($contract.routes | length)
    and ([.[].values | select(.authorization_scopes == [$scope]) | .route_key] | sort) == $admin
    and all(.[].values; .authorization_type == "JWT"
      and (.authorization_scopes == [$scope] or (.authorization_scopes // []) == []))'
# the scope reaches admins only: a version 2 pre-token-generation trigger on the contract function that adds it
check admin_scope_trigger '
  admin_scope as $scope
  | ([$contract.functions | to_entries[] | select(.value.cognito_trigger == "pre_token_generation") | .key]) as $fns
  | ($fns | length) == 1
  and (res("aws_lambda_alias") | map(select(.index == $fns[0])) | .[0].values.arn) as $alias
  | (res("aws_cognito_user_pool") | length > 0 and all(.[].values.lambda_config[0].pre_token_generation_config[0];
      .lambda_version == "V2_0" and .lambda_arn == $alias))
    and (res("aws_lambda_function") | any(.[]; .index == $fns[0] and .values.environment[0].variables.ADMIN_SCOPE == $scope))
    and (res("aws_lambda_permission") | any(.[].values; .principal == "cognito-idp.amazonaws.com"
      and .source_arn == res("aws_cognito_user_pool")[0].values.arn and .qualifier == "live"))'
# the API answers only requests that carry the secret CloudFront adds to its origin
check api_only_through_cloudfront '
  ([edge.origin[] | select(.domain_name == api_host) | .custom_header[] | select(.name == "x-origin-verify") | .value]) as $secret
  | ($secret | length) == 1 and ($secret[0] | length) >= 32
    and (res("aws_lambda_function") | length > 0 and all(.[]; (.values.environment[0].variables.ORIGIN_VERIFY_SECRET // null)
      == (if (.index as $fn | api_fns | index($fn)) != null then $secret[0] else null end)))'
# the web app: a private KMS-encrypted bucket that only the distribution reads, through origin access control
check web_bucket_origin_access_control '
  edge as $edge
  | ($edge.default_cache_behavior[0].target_origin_id) as $default
  | ($edge.origin[] | select(.origin_id == $default)) as $origin
  | (res("aws_s3_bucket") | map(.values) | map(select(.bucket_regional_domain_name == $origin.domain_name)) | .[0].bucket) as $bucket
  | $bucket != null
  and (res("aws_cloudfront_origin_access_control") | any(.[].values; .id == $origin.origin_access_control_id
    and .origin_access_control_origin_type == "s3" and .signing_behavior == "always" and .signing_protocol == "sigv4"))
  and (res("aws_s3_bucket_public_access_block") | any(.[].values; .bucket == $bucket and .block_public_acls
    and .block_public_policy and .ignore_public_acls and .restrict_public_buckets))
  and (res("aws_s3_bucket_server_side_encryption_configuration") | any(.[].values; .bucket == $bucket
    and .rule[0].apply_server_side_encryption_by_default[0].sse_algorithm == "aws:kms"
    and (.rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id as $k | [res("aws_kms_key")[].values.arn] | index($k)) != null))
  and ([res("aws_s3_bucket_policy")[] | select(.values.bucket == $bucket) | .values.policy | stmts] as $s
    | all($s[] | select(.Effect == "Allow"); .Principal == {Service: "cloudfront.amazonaws.com"}
        and (.Action | as_list) == ["s3:GetObject"] and .Condition.StringEquals["AWS:SourceArn"] == $edge.arn)
    and any($s[]; .Effect == "Deny" and .Condition.Bool["aws:SecureTransport"] == "false"))'
# HTTPS only, to viewers on every behaviour and to every custom origin
check edge_https_only '
  edge | all(behaviours[]; .viewer_protocol_policy == "https-only")
    and all(.origin[] | select(.custom_origin_config | length > 0) | .custom_origin_config[0];
      .origin_protocol_policy == "https-only" and .origin_ssl_protocols == ["TLSv1.2"])'
# the app pages: CSP without inline script, never framed; HSTS; nosniff; referrer policy
check app_security_headers '
  ([res("aws_cloudfront_response_headers_policy")[] | select(.name == "app") | .values.security_headers_config[0]]) as $policies
  | ($policies | length) == 1
  and ($policies[0] | (.content_security_policy[0].content_security_policy | test("script-src .self.;")
      and (test("unsafe-inline|unsafe-eval") | not) and test("frame-ancestors .none.") and test("default-src .self."))
    and .content_security_policy[0].override
    and .strict_transport_security[0].access_control_max_age_sec >= 31536000 and .strict_transport_security[0].override
    and .frame_options[0].frame_option == "DENY" and (.content_type_options | length) == 1
    and (.referrer_policy[0].referrer_policy | IN("no-referrer", "same-origin", "strict-origin-when-cross-origin")))
  and ([$plan.configuration.root_module.resources[] | select(.type == "aws_cloudfront_distribution")
        | .expressions.default_cache_behavior[0].response_headers_policy_id.references // []
        | index("aws_cloudfront_response_headers_policy.app")] | any(. != null))
  and (edge.default_cache_behavior[0].response_headers_policy_id != null
    or ([$plan.resource_changes[] | select(.type == "aws_cloudfront_distribution")
         | .change.after_unknown.default_cache_behavior[0].response_headers_policy_id] | any(. == true)))'
# the API docs (/docs, /docs/*): inline styles for Swagger UI only, no inline script, never framed; HSTS; nosniff
check docs_security_headers '
  ([res("aws_cloudfront_response_headers_policy")[] | select(.name == "docs") | .values.security_headers_config[0]]) as $policies
  | ($policies | length) == 1
  and ($policies[0] | (.content_security_policy[0].content_security_policy | test("script-src .self.;")
      and (test("unsafe-eval") | not) and (gsub("style-src [^;]*;"; "") | test("unsafe-inline") | not)
      and test("frame-ancestors .none.") and test("default-src .self.;"))
    and .content_security_policy[0].override
    and .strict_transport_security[0].access_control_max_age_sec >= 31536000 and .strict_transport_security[0].override
    and .frame_options[0].frame_option == "DENY" and (.content_type_options | length) == 1
    and (.referrer_policy[0].referrer_policy | IN("no-referrer", "same-origin", "strict-origin-when-cross-origin")))
  and ([$plan.configuration.root_module.resources[] | select(.type == "aws_cloudfront_distribution")
        | .expressions.ordered_cache_behavior // [] | .[] | select(.path_pattern.constant_value | IN("/docs", "/docs/*"))
        | .response_headers_policy_id.references // [] | index("aws_cloudfront_response_headers_policy.docs") != null]
      | length == 2 and all)
  and ([$plan.resource_changes[] | select(.type == "aws_cloudfront_distribution") | .change as $c
        | $c.after.ordered_cache_behavior // [] | to_entries[] | select(.value.path_pattern | IN("/docs", "/docs/*"))
        | .key as $k | .value.response_headers_policy_id != null
          or (($c.after_unknown.ordered_cache_behavior // false)
              | if type == "array" then .[$k].response_headers_policy_id else . end) == true]
      | length == 2 and all)'
# the web app signs in with the code flow (PKCE, in js/auth.js) as a public client, back to its own origin only
check web_client_code_flow_no_secret '
  web_client | .allowed_oauth_flows == ["code"] and (.generate_secret // false) == false
    and .callback_urls == [app_url] and .logout_urls == [app_url]
    and (.allowed_oauth_scopes | sort) == (["openid", "email", admin_scope] | sort)
    and .supported_identity_providers == ["COGNITO"]'
# no CORS, the app sharing the API origin (its distribution routes /api/* there); or named https origins only
check api_cors_app_origin_only '
  ([edge.origin[] | select(.domain_name == api_host) | .origin_id]) as $api
  | any(edge.ordered_cache_behavior[]; .path_pattern == "/api/*" and (.target_origin_id as $t | $api | index($t)) != null)
  and ((one("aws_apigatewayv2_api"; "this").cors_configuration // []) | all(.[].allow_origins // [] | .[];
    test("^https://[^*/]+$")))'

# --- 10. Presigned uploads (issue #10) -------------------------------------
# the browser PUTs large files to the data bucket from the app's own origin only: no wildcard, PUT only
check data_bucket_cors_app_origin_only '
  one("aws_s3_bucket"; "data").bucket as $data
  | [res("aws_s3_bucket_cors_configuration")[].values | select(.bucket == $data) | .cors_rule[]] as $rules
  | ($rules | length) > 0 and all($rules[]; .allowed_origins == [app_url | rtrimstr("/")]
    and .allowed_methods == ["PUT"] and all(.allowed_origins[], .allowed_headers[]; contains("*") | not))'
# files staged for a presigned upload never outlive a day, old versions included
check uploads_expire_after_a_day '
  one("aws_s3_bucket"; "data").bucket as $data
  | res("aws_s3_bucket_lifecycle_configuration") | any(.[].values; .bucket == $data and any(.rule[];
    .status == "Enabled" and .filter[0].prefix == $contract.bucket.prefixes.uploads
    and .expiration[0].days == 1 and .noncurrent_version_expiration[0].noncurrent_days == 1))'

failed=()
for entry in "${checks[@]}"; do
  name="${entry%%$'\t'*}"
  expr="${entry#*$'\t'}"
  if result="$(jq -n --slurpfile p "$PLAN" --slurpfile c "$CONTRACT" \
    "\$p[0] as \$plan | \$c[0] as \$contract | $PRELUDE $expr" 2>&1)" && [[ "$result" == true ]]; then
    echo "  ok   $name" >&2
  else
    echo "  FAIL $name${result:+ ($result)}" >&2
    failed+=("$name")
  fi
done
if ((${#failed[@]} > 0)); then
  echo "security controls missing: ${failed[*]}" >&2
  exit 1
fi
echo "  ${#checks[@]} security controls present" >&2
