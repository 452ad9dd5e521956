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
    and any(.origin[]; .domain_name == $api and .custom_origin_config[0].origin_protocol_policy == "https-only")
    and (.default_cache_behavior[0].viewer_protocol_policy | IN("https-only", "redirect-to-https")))'

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
