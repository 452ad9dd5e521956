#!/usr/bin/env python3
"""Proof that every assertion of .ci/security-checks.sh (and the unsafe-values
step of .ci/terraform.sh) catches the removal of its control.

Not part of CI (15-30 minutes on a shared 2-core machine): run it after changing
a control or a check.

  python3 .ci/security-mutations.py [check_name ...]

Applies the stack into a fresh moto_server (as .ci/terraform.sh does, Lambda
zips needed), then for each control: breaks it in a copy of terraform/, plans
with the production variables over the applied stack, and requires
security-checks.sh to report that control as failing. Then, for each unsafe
variable value, neutralises its validation and requires the unsafe-values
check to miss exactly that value. Exit code 1 if any mutation survives.
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TF_DIR = os.path.join(ROOT, "terraform")
CHECKS = os.path.join(ROOT, ".ci", "security-checks.sh")

# (check, file, text of the control, text without it): the text must occur once.
MUTATIONS = [
    ("cognito_mfa_totp_on", "auth.tf", 'mfa_configuration = "ON"', 'mfa_configuration = "OPTIONAL"'),
    ("cognito_srp_only", "auth.tf", '  # no ADMIN_USER_PASSWORD_AUTH).\n  explicit_auth_flows = [\n    "ALLOW_USER_SRP_AUTH",\n',
     '  # no ADMIN_USER_PASSWORD_AUTH).\n  explicit_auth_flows = [\n    "ALLOW_USER_SRP_AUTH",\n    "ALLOW_USER_PASSWORD_AUTH",\n'),
    ("cognito_advanced_security_enforced", "auth.tf",
     "  user_pool_add_ons {\n    advanced_security_mode = var.advanced_security_mode\n  }\n", ""),
    ("cognito_refresh_token_max_1_day", "auth.tf", '    refresh_token = "hours"\n  }\n\n  # The scope',
     '    refresh_token = "days"\n  }\n\n  # The scope'),
    ("cognito_password_symbols", "auth.tf", "require_symbols                  = true", "require_symbols                  = false"),
    ("cognito_email_change_verified", "auth.tf",
     '  user_attribute_update_settings {\n    attributes_require_verification_before_update = ["email"]\n  }\n', ""),
    ("tables_customer_managed_key", "tables.tf", "    kms_key_arn = aws_kms_key.data.arn\n", ""),
    ("data_key_policy_named_principals", "keys.tf",
     "      Principal = { AWS = local.account_root_arn }\n      Action    = local.kms_admin_actions\n",
     '      Principal = { AWS = local.account_root_arn }\n      Action    = concat(local.kms_admin_actions, ["kms:Decrypt"])\n'),
    ("bucket_policy_requires_stack_key", "storage.tf", 'variable = "s3:x-amz-server-side-encryption-aws-kms-key-id"',
     'variable = "s3:x-amz-server-side-encryption-context"'),
    ("bucket_policy_tls_only", "storage.tf", '      variable = "aws:SecureTransport"', '      variable = "aws:MultiFactorAuthPresent"'),
    ("log_groups_kms_encrypted", "functions.tf", "  kms_key_id        = aws_kms_key.logs.arn\n", ""),
    ("logs_key_allows_logs_service", "keys.tf", 'Principal = { Service = "logs.${local.region}.amazonaws.com" }',
     "Principal = { AWS = local.account_root_arn }"),
    ("async_invoke_on_failure_queue", "failures.tf",
     "  destination_config {\n    on_failure {\n      destination = aws_sqs_queue.on_failure[each.key].arn\n    }\n  }\n", ""),
    ("event_targets_dead_letter_queue", "events.tf", "  dead_letter_config {\n    arn = aws_sqs_queue.event_dlq[each.key].arn\n  }\n", ""),
    ("queue_depth_alarms", "failures.tf", "  threshold           = 0\n", "  threshold           = 10\n"),
    ("on_failure_send_only_own_queue", "iam.tf", "      resources = [aws_sqs_queue.on_failure[each.key].arn]",
     "      resources = [for q in aws_sqs_queue.on_failure : q.arn]"),
    ("dlq_policies_events_source_arn", "failures.tf",
     '      variable = "aws:SourceArn"\n      values   = [aws_cloudwatch_event_rule.this[each.value.event].arn]',
     '      variable = "aws:SourceAccount"\n      values   = [local.account_id]'),
    ("training_reserved_concurrency_1", "functions.tf", "each.value.sagemaker ? 1 :", "each.value.sagemaker ? 5 :"),
    ("functions_reserved_concurrency", "functions.tf",
     "  reserved_concurrent_executions = each.value.sagemaker ? 1 : lookup(var.function_reserved_concurrency, each.key, -1)\n", ""),
    ("create_training_job_network_isolation", "iam.tf",
     '      condition {\n        test     = "Bool"\n        variable = "sagemaker:NetworkIsolation"\n        values   = ["true"]\n      }\n', ""),
    ("create_training_job_kms_keys", "iam.tf",
     '      condition {\n        test     = "StringEquals"\n        variable = "sagemaker:VolumeKmsKey"\n        values   = [aws_kms_key.data.arn]\n      }\n', ""),
    ("create_training_job_instance_types", "iam.tf",
     '      condition {\n        test     = "ForAllValues:StringEquals"\n        variable = "sagemaker:InstanceTypes"\n        values   = var.sagemaker_instance_types\n      }\n', ""),
    ("trainer_env_kms_keys", "functions.tf", "        SAGEMAKER_VOLUME_KMS_KEY = aws_kms_key.data.arn\n", ""),
    ("ecr_immutable_tags", "training.tf", "image_tag_mutability = var.ecr_image_tag_mutability", 'image_tag_mutability = "MUTABLE"'),
    ("sagemaker_log_group_retention", "training.tf",
     "  name              = local.sagemaker_log_group_name\n  retention_in_days = var.log_retention_days\n",
     "  name              = local.sagemaker_log_group_name\n"),
    ("functions_xray_active_tracing", "functions.tf", '    mode = "Active"\n', '    mode = "PassThrough"\n'),
    ("functions_may_write_traces", "iam.tf", 'actions   = ["xray:PutTelemetryRecords", "xray:PutTraceSegments"]',
     'actions   = ["xray:PutTelemetryRecords"]'),
    ("alarms_api_5xx_training_failed_and_stale", "observability.tf",
     "  evaluation_periods  = var.training_stale_days\n", "  evaluation_periods  = 1\n"),
    ("data_bucket_access_logging", "access_logs.tf", "  target_bucket = aws_s3_bucket.access_logs.id\n", "  target_bucket = aws_s3_bucket.data.id\n"),
    ("access_log_expiration", "access_logs.tf", "      days = var.access_log_retention_days\n", "      days = 3650\n"),
    ("access_log_bucket_private", "access_logs.tf",
     '  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n\nresource "aws_s3_bucket_server_side_encryption_configuration" "access_logs"',
     '  block_public_policy     = false\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n\nresource "aws_s3_bucket_server_side_encryption_configuration" "access_logs"'),
    ("access_log_bucket_tls_only", "access_logs.tf", "for_each = var.enforce_tls_bucket_policy ? [1] : []", "for_each = []"),
    ("waf_rate_limit_per_ip", "edge.tf", "    action {\n      block {}\n    }\n", "    action {\n      count {}\n    }\n"),
    ("waf_aws_managed_rules", "edge.tf", "    AWSManagedRulesKnownBadInputsRuleSet  = { priority = 20, count_only = [] }\n", ""),
    ("api_behind_cloudfront_waf", "edge.tf", "  web_acl_id          = aws_wafv2_web_acl.api.arn\n", ""),
    ("api_admin_routes_scope", "api.tf", "authorization_scopes = each.value.admin ? [local.admin_scope] : null",
     'authorization_scopes = each.value.admin && each.key != "POST /api/v1/models/rollback" ? [local.admin_scope] : null'),
    ("admin_scope_trigger", "auth.tf", 'lambda_version = "V2_0"', 'lambda_version = "V1_0"'),
    ("api_only_through_cloudfront", "functions.tf",
     "contains(local.api_functions, key) ? { ORIGIN_VERIFY_SECRET = local.origin_verify_secret } : {},", ""),
    ("web_bucket_origin_access_control", "web.tf",
     '        Principal = { Service = "cloudfront.amazonaws.com" }\n        Action    = "s3:GetObject"\n',
     '        Principal = "*"\n        Action    = "s3:GetObject"\n'),
    ("edge_https_only", "edge.tf", '    path_pattern               = "/api/*"\n    target_origin_id           = "api"\n    viewer_protocol_policy     = "https-only"',
     '    path_pattern               = "/api/*"\n    target_origin_id           = "api"\n    viewer_protocol_policy     = "allow-all"'),
    ("app_security_headers", "web.tf", "\"frame-ancestors 'none'\",", "\"frame-ancestors *\","),
    ("web_client_code_flow_no_secret", "auth.tf", 'allowed_oauth_flows                  = ["code"]',
     'allowed_oauth_flows                  = ["code", "implicit"]'),
    ("api_cors_app_origin_only", "api.tf",
     "    for_each = length(var.cors_allow_origins) > 0 ? [1] : []\n    content {\n      allow_origins = var.cors_allow_origins",
     '    for_each = [1]\n    content {\n      allow_origins = ["*"]'),
    ("docs_security_headers", "web.tf", "    \"script-src 'self';\",\n    \"style-src 'self' 'unsafe-inline';\",",
     "    \"script-src 'self' 'unsafe-inline';\",\n    \"style-src 'self' 'unsafe-inline';\","),
    ("data_bucket_cors_app_origin_only", "storage.tf", '    allowed_origins = [trimsuffix(local.app_url, "/")]',
     '    allowed_origins = ["*"]'),
    ("uploads_expire_after_a_day", "storage.tf",
     "      prefix = local.bucket_prefixes.uploads\n    }\n\n    expiration {\n      days = 1\n",
     "      prefix = local.bucket_prefixes.uploads\n    }\n\n    expiration {\n      days = 7\n"),
]

# The unsafe values .ci/terraform.sh plans with (emulator = false).
UNSAFE = {
    "emulator": False,
    "enforce_tls_bucket_policy": False,
    "table_deletion_protection": False,
    "user_pool_deletion_protection": "INACTIVE",
    "point_in_time_recovery": False,
    "force_destroy": True,
    "ecr_image_tag_mutability": "MUTABLE",
    "advanced_security_mode": "AUDIT",
    "break_glass_role_arn": None,
    "origin_verify_secret": None,
    "security_headers_policy": False,
}


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def main():
    only = set(sys.argv[1:])
    work = tempfile.mkdtemp(prefix="security-mutations.")
    stack = os.path.join(work, "stack")
    os.makedirs(stack)
    env = dict(os.environ, TF_IN_AUTOMATION="1", TF_INPUT="0", CHECKPOINT_DISABLE="1",
               AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_REGION="eu-central-1",
               AWS_DEFAULT_REGION="eu-central-1")
    env.pop("AWS_PROFILE", None)
    mirror = os.environ.get("TF_PLUGIN_MIRROR") or ("/opt/tf-plugins" if os.path.isdir("/opt/tf-plugins") else "")
    if mirror:
        rc = os.path.join(work, "terraform.rc")
        with open(rc, "w") as f:
            f.write('provider_installation {\n  filesystem_mirror {\n    path    = "%s"\n'
                    '    include = ["registry.terraform.io/hashicorp/*"]\n  }\n  direct {\n'
                    '    exclude = ["registry.terraform.io/hashicorp/*"]\n  }\n}\n' % mirror)
        env["TF_CLI_CONFIG_FILE"] = rc

    def tf(*args, log=None):
        out = open(os.path.join(work, log), "w") if log else subprocess.DEVNULL
        return subprocess.run(["terraform", "-chdir=" + stack, *args, "-no-color"], env=env, stdout=out,
                              stderr=subprocess.STDOUT).returncode

    def pristine():
        for name in os.listdir(TF_DIR):
            if name.endswith(".tf") and not name.endswith("_override.tf") or name in ("contract.json", ".terraform.lock.hcl"):
                shutil.copy(os.path.join(TF_DIR, name), stack)

    def checks_failing():
        if tf("plan", "-input=false", "-var", "emulator=false", "-var", "force_destroy=false",
              "-out=" + os.path.join(work, "m.tfplan"), log="plan.log") != 0:
            return None
        with open(os.path.join(work, "m.json"), "w") as f:
            subprocess.run(["terraform", "-chdir=" + stack, "show", "-json", os.path.join(work, "m.tfplan")],
                           env=env, stdout=f, check=True)
        r = subprocess.run(["bash", CHECKS, os.path.join(work, "m.json"), os.path.join(stack, "contract.json")],
                           capture_output=True, text=True)
        return set(re.findall(r"FAIL (\w+)", r.stderr))

    def unsafe_missed():
        if tf("plan", "-input=false", "-var-file=" + os.path.join(work, "unsafe.tfvars.json"), log="unsafe.log") == 0:
            return {"<plan succeeded>"}
        text = open(os.path.join(work, "unsafe.log")).read()
        return {k for k, v in UNSAFE.items() if k != "emulator" and f"var.{k} is {json.dumps(v)}" not in text}

    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    moto = subprocess.Popen([shutil.which("moto_server") or "moto_server", "-H", "127.0.0.1", "-p", str(port)],
                            stdout=open(os.path.join(work, "moto.log"), "w"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    survived = []
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(endpoint + "/moto-api/", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        pristine()
        shutil.copy(os.path.join(TF_DIR, "emulator", "emulator_override.tf"), stack)
        with open(os.path.join(stack, "ci.auto.tfvars.json"), "w") as f:
            json.dump({"region": "eu-central-1", "emulator_endpoint": endpoint, "lambda_artifact_dir": ROOT,
                       "force_destroy": True, "break_glass_role_arn": "arn:aws:iam::123456789012:role/break-glass",
                       "origin_verify_secret": "ci-origin-verify-secret-0123456789abcdef"}, f)
        moto_vars = os.path.join(work, "moto.tfvars.json")
        with open(moto_vars, "w") as f:
            json.dump({"enforce_tls_bucket_policy": False, "table_deletion_protection": False,
                       "user_pool_deletion_protection": "INACTIVE", "security_headers_policy": False}, f)
        with open(os.path.join(work, "unsafe.tfvars.json"), "w") as f:
            json.dump(UNSAFE, f)
        if tf("init", "-input=false", "-lockfile=readonly", log="init.log") != 0:
            sys.exit(f"terraform init failed, see {work}/init.log")
        print("applying the stack into moto ...", flush=True)
        if tf("apply", "-input=false", "-auto-approve", "-var-file=" + moto_vars, log="apply.log") != 0:
            sys.exit(f"terraform apply failed, see {work}/apply.log")
        baseline = checks_failing()
        if baseline != set():
            sys.exit(f"the unmutated stack does not pass the security checks: {baseline}")
        if unsafe_missed():
            sys.exit(f"the unmutated stack accepts unsafe values: {unsafe_missed()}")

        for check, file, control, without in MUTATIONS:
            if only and check not in only:
                continue
            pristine()
            path = os.path.join(stack, file)
            text = open(path).read()
            if text.count(control) != 1:
                print(f"STALE    {check}: the control text is not found once in {file}", flush=True)
                survived.append(check)
                continue
            open(path, "w").write(text.replace(control, without))
            failing = checks_failing()
            if failing is None:
                print(f"NO PLAN  {check}: the mutated configuration does not plan", flush=True)
                survived.append(check)
            elif check in failing:
                print(f"KILLED   {check} (failing: {' '.join(sorted(failing))})", flush=True)
            else:
                print(f"SURVIVED {check} (failing: {' '.join(sorted(failing))})", flush=True)
                survived.append(check)

        for name in UNSAFE:
            if name == "emulator" or (only and "unsafe:" + name not in only and "unsafe" not in only):
                continue
            pristine()
            path = os.path.join(stack, "variables.tf")
            text = open(path).read()
            start = text.index(f'variable "{name}" {{')
            end = text.index("\n}\n", start)
            block = re.sub(r"condition\s*=.*", f"condition     = var.{name} == var.{name}", text[start:end], count=1)
            open(path, "w").write(text[:start] + block + text[end:])
            missed = unsafe_missed()
            verdict = "KILLED  " if missed == {name} else "SURVIVED"
            print(f"{verdict} unsafe:{name} (validation neutralised; values accepted: {' '.join(sorted(missed))})", flush=True)
            if missed != {name}:
                survived.append("unsafe:" + name)
        pristine()
        # moto has no DeleteResourceServer: the resource server goes with its user pool.
        tf("state", "rm", "aws_cognito_resource_server.api", log="state-rm.log")
        tf("destroy", "-input=false", "-auto-approve", "-var-file=" + moto_vars, log="destroy.log")
    finally:
        os.killpg(moto.pid, signal.SIGTERM)
        moto.wait()
        if os.environ.get("KEEP") != "1":
            shutil.rmtree(work, ignore_errors=True)
    if survived:
        sys.exit("mutations that survived: " + " ".join(survived))
    print("every mutation was caught")


if __name__ == "__main__":
    main()
