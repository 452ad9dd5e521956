#!/usr/bin/env bash
# Terraform proof for CI, run by .ci/run after the Maven build.
#
#   1. terraform fmt -check -recursive, init (local provider mirror), validate
#   2. checks on a plan with the default variables: every contract route has
#      an aws_apigatewayv2_route and the reverse; the TLS-only bucket policy
#   3. apply the real stack into moto_server (emulator provider override;
#      without the TLS/KMS bucket policy, which moto misapplies, and with
#      deletion protection off so that step 8 can destroy it)
#   3b. the tables and the bucket Terraform made, read back from moto, match
#      contract.json (.ci/storage-check.sh); the API docs page and its files
#      are in the web bucket
#   4. end-to-end: the local runner (real Java handlers) against the tables and
#      bucket Terraform created, driven by .ci/e2e.sh; it may create nothing
#      (--no-create-storage, same tables and buckets after); then every zip
#      function loaded from its own unpacked zip by Lambda's runtime client
#      and handling its sample event (.ci/lambda-zips.sh)
#   5. idempotency: a re-plan must be empty, except the drift moto is known
#      to cause (snap_start / image_config on Lambda functions, attributes
#      moto adds to or drops from the CloudFront distribution, see below)
#   6. IAM (.ci/iam-check.sh, itself checked on planted policies first): no
#      Allow with a wildcard action (whole or partial, e.g. s3:Get*),
#      Principal "*", or Resource "*" except where AWS requires it
#   7. security controls (issue #13, .ci/security-checks.sh): one assertion
#      per control on a plan with the production variables (emulator = false)
#      over the applied stack; unsafe variable values refused without
#      emulator = true (checked after step 2)
#   8. destroy; moto and the runner are always stopped, the temp dir removed
#
# Environment (all optional):
#   TF_PLUGIN_MIRROR     provider mirror directory (default /opt/tf-plugins when it exists)
#   TF_CI_ARTIFACT_DIR   root of <module>/target/<name>.zip (default: the repository)
#   TF_CI_LOCAL_JAR      local runner jar (default functions/local/target/resume-screening-local.jar)
#   TF_CI_SKIP_E2E=1     skip step 4 (developer use only, e.g. with dummy zips)
#   TF_CI_KEEP=1         keep the temp directory (state, plans, logs) for debugging
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TF_DIR="$ROOT/terraform"
CONTRACT="$TF_DIR/contract.json"
ARTIFACT_DIR="${TF_CI_ARTIFACT_DIR:-$ROOT}"
LOCAL_JAR="${TF_CI_LOCAL_JAR:-$ROOT/functions/local/target/resume-screening-local.jar}"
E2E_SCRIPT="$ROOT/.ci/e2e.sh"
SECURITY_CHECKS="$ROOT/.ci/security-checks.sh"
IAM_CHECK="$ROOT/.ci/iam-check.sh"
STORAGE_CHECK="$ROOT/.ci/storage-check.sh"
LAMBDA_ZIPS="$ROOT/.ci/lambda-zips.sh"
SKIP_E2E="${TF_CI_SKIP_E2E:-0}"
REGION="eu-central-1"

log() { printf '[terraform.sh %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
  log "FAILED: $*"
  exit 1
}

# --------------------------------------------------------------------------
# Preflight: tools and build outputs. Nothing is created before this passes.
# --------------------------------------------------------------------------
for tool in terraform jq curl python3 java aws; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not on PATH"
done
MOTO_SERVER="$(command -v moto_server || true)"
if [[ -z "$MOTO_SERVER" && -x "$HOME/.pyenv/shims/moto_server" ]]; then
  MOTO_SERVER="$HOME/.pyenv/shims/moto_server"
fi
[[ -n "$MOTO_SERVER" ]] || die "moto_server not found (pip install 'moto[server]')"
[[ -f "$CONTRACT" ]] || die "$CONTRACT not found"

missing=()
while IFS=$'\t' read -r fn module; do
  zip="$ARTIFACT_DIR/$module/target/$(basename "$module").zip"
  [[ -f "$zip" ]] || missing+=("$fn: $zip")
done < <(jq -r '.functions | to_entries[] | select(.value.package == "zip") | [.key, .value.module] | @tsv' "$CONTRACT")
if ((${#missing[@]} > 0)); then
  printf '  missing Lambda zip for %s\n' "${missing[@]}" >&2
  die "Lambda zips are missing: run the Maven build first (./mvnw -q package -DskipTests)"
fi
[[ -f "$ARTIFACT_DIR/functions/local/target/docs/index.html" ]] ||
  die "the API docs page (functions/local/target/docs) is missing: run the Maven build first"
log "check: the IAM checker finds every planted wildcard grant"
bash "$IAM_CHECK" --self-test >&2 || die "the IAM checker misses planted wildcard grants"
if [[ "$SKIP_E2E" != 1 ]]; then
  [[ -f "$LOCAL_JAR" ]] || die "local runner jar $LOCAL_JAR is missing: run the Maven build first"
  [[ -f "$E2E_SCRIPT" ]] || die "$E2E_SCRIPT is missing"
fi

# --------------------------------------------------------------------------
# Temp area, cleanup
# --------------------------------------------------------------------------
WORK="$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/terraform-ci.XXXXXX")"
STACK="$WORK/stack"
MOTO_PID=""
SERVER_PID=""

stop_group() { # pid: stop the process group we started with setsid
  local pid="$1"
  [[ -n "$pid" ]] || return 0
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  stop_group "$SERVER_PID"
  stop_group "$MOTO_PID"
  if [[ "${TF_CI_KEEP:-0}" == 1 ]]; then
    log "kept $WORK"
  else
    rm -rf "$WORK"
  fi
  if ((rc != 0)); then log "exit code $rc"; fi
  exit "$rc"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# --------------------------------------------------------------------------
# Terraform CLI configuration: the local provider mirror, when there is one
# --------------------------------------------------------------------------
MIRROR="${TF_PLUGIN_MIRROR:-}"
if [[ -z "$MIRROR" && -d /opt/tf-plugins ]]; then MIRROR=/opt/tf-plugins; fi
if [[ -n "$MIRROR" ]]; then
  [[ -d "$MIRROR" ]] || die "TF_PLUGIN_MIRROR=$MIRROR is not a directory"
  cat >"$WORK/terraform.rc" <<EOF
provider_installation {
  filesystem_mirror {
    path    = "$MIRROR"
    include = ["registry.terraform.io/hashicorp/*"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/*"]
  }
}
EOF
  export TF_CLI_CONFIG_FILE="$WORK/terraform.rc"
  log "provider mirror: $MIRROR"
fi
export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
# Never reach a real AWS account from CI.
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION="$REGION" AWS_DEFAULT_REGION="$REGION"
unset AWS_PROFILE AWS_SESSION_TOKEN

tf() { terraform -chdir="$STACK" "$@" -no-color; }

# --------------------------------------------------------------------------
# 1. fmt, init, validate (on a copy: state and .terraform stay out of the tree)
# --------------------------------------------------------------------------
log "terraform fmt -check -recursive"
terraform -chdir="$TF_DIR" fmt -check -recursive -diff -no-color || die "terraform fmt: run 'terraform fmt -recursive terraform/'"

mkdir -p "$STACK"
find "$TF_DIR" -maxdepth 1 -type f \( -name '*.tf' -o -name 'contract.json' -o -name '.terraform.lock.hcl' \) \
  ! -name '*_override.tf' -exec cp {} "$STACK/" \;

log "terraform init"
lock_args=()
[[ -f "$STACK/.terraform.lock.hcl" ]] && lock_args=(-lockfile=readonly)
tf init -input=false "${lock_args[@]}" >"$WORK/init.log" 2>&1 || {
  cat "$WORK/init.log" >&2
  die "terraform init"
}
log "terraform validate"
tf validate || die "terraform validate"

# --------------------------------------------------------------------------
# moto_server
# --------------------------------------------------------------------------
MOTO_PORT="$(free_port)"
ENDPOINT="http://127.0.0.1:$MOTO_PORT"
log "starting moto_server on port $MOTO_PORT"
setsid "$MOTO_SERVER" -H 127.0.0.1 -p "$MOTO_PORT" >"$WORK/moto.log" 2>&1 &
MOTO_PID=$!
for i in $(seq 1 60); do
  if curl -s -o /dev/null "$ENDPOINT/moto-api/"; then break; fi
  kill -0 "$MOTO_PID" 2>/dev/null || {
    cat "$WORK/moto.log" >&2
    die "moto_server exited"
  }
  ((i == 60)) && die "moto_server did not answer on $ENDPOINT within 30 s"
  sleep 0.5
done

cp "$TF_DIR/emulator/emulator_override.tf" "$STACK/"
cat >"$STACK/ci.auto.tfvars.json" <<EOF
{
  "region": "$REGION",
  "emulator_endpoint": "$ENDPOINT",
  "lambda_artifact_dir": "$ARTIFACT_DIR",
  "force_destroy": true,
  "break_glass_role_arn": "arn:aws:iam::123456789012:role/break-glass",
  "origin_verify_secret": "ci-origin-verify-secret-0123456789abcdef"
}
EOF
# moto evaluates bucket policies but ignores their conditions: the TLS-only
# Deny would refuse every object request of the end-to-end test. The stack
# applied into moto therefore goes without that one policy; the plan with the
# default variables below proves it is part of the real configuration.
# Deletion protection would stop the destroy at the end. moto has no CloudFront
# response headers policies (security_headers_policy). The emulator override
# sets emulator = true, without which these values are refused (checked below).
cat >"$WORK/moto.tfvars.json" <<'EOF'
{
  "enforce_tls_bucket_policy": false,
  "table_deletion_protection": false,
  "user_pool_deletion_protection": "INACTIVE",
  "security_headers_policy": false
}
EOF
MOTO_VARS=(-var-file="$WORK/moto.tfvars.json")

# --------------------------------------------------------------------------
# 2. plan with the default variables: routes, TLS-only bucket policy
# --------------------------------------------------------------------------
log "terraform plan (default variables)"
tf plan -input=false -out="$WORK/defaults.tfplan" >"$WORK/plan-defaults.log" 2>&1 || {
  cat "$WORK/plan-defaults.log" >&2
  die "terraform plan"
}
tf show -json "$WORK/defaults.tfplan" >"$WORK/defaults.json"

log "check: contract routes == planned aws_apigatewayv2_route route keys"
jq -r '.routes[] | "\(.method) \(.path)"' "$CONTRACT" | sort >"$WORK/routes.contract"
jq -r '.resource_changes[] | select(.type == "aws_apigatewayv2_route" and (.change.actions | index("create"))) | .change.after.route_key' \
  "$WORK/defaults.json" | sort >"$WORK/routes.plan"
if ! diff -u "$WORK/routes.contract" "$WORK/routes.plan" >&2; then
  die "API routes in the plan differ from contract.json (- contract, + plan)"
fi
[[ -s "$WORK/routes.contract" ]] || die "contract.json has no routes"
log "  $(wc -l <"$WORK/routes.plan") routes match"
jq -e '[.resource_changes[] | select(.address == "aws_s3_bucket_policy.data[0]" and (.change.actions | index("create")))] | length == 1' \
  "$WORK/defaults.json" >/dev/null || die "the plan with default variables has no TLS-only bucket policy"

log "check: unsafe variable values are refused without emulator = true"
# One plan with every unsafe value and emulator = false: each must be named
# in its own "Invalid value for variable" error.
cat >"$WORK/unsafe.tfvars.json" <<'EOF'
{
  "emulator": false,
  "enforce_tls_bucket_policy": false,
  "table_deletion_protection": false,
  "user_pool_deletion_protection": "INACTIVE",
  "point_in_time_recovery": false,
  "force_destroy": true,
  "ecr_image_tag_mutability": "MUTABLE",
  "advanced_security_mode": "AUDIT",
  "break_glass_role_arn": null,
  "origin_verify_secret": null,
  "security_headers_policy": false
}
EOF
if tf plan -input=false -var-file="$WORK/unsafe.tfvars.json" >"$WORK/plan-unsafe.log" 2>&1; then
  die "a plan with unsafe variable values and emulator = false succeeded"
fi
unsafe_missing=()
while IFS=$'\t' read -r name shown; do
  grep -qF "var.$name is $shown" "$WORK/plan-unsafe.log" || unsafe_missing+=("$name = $shown")
done < <(jq -r 'to_entries[] | select(.key != "emulator") | [.key, (.value | if . == null then "null" else tojson end)] | @tsv' \
  "$WORK/unsafe.tfvars.json")
if ((${#unsafe_missing[@]} > 0)); then
  grep -A12 'Error' "$WORK/plan-unsafe.log" >&2 || tail -n 40 "$WORK/plan-unsafe.log" >&2
  die "unsafe values accepted without emulator = true: ${unsafe_missing[*]}"
fi
log "  $(jq 'length - 1' "$WORK/unsafe.tfvars.json") unsafe values refused"

# --------------------------------------------------------------------------
# 3. apply into moto
# --------------------------------------------------------------------------
log "terraform apply (into moto)"
started=$SECONDS
apply_into_moto() { tf apply -input=false -auto-approve "${MOTO_VARS[@]}" >"$WORK/apply.log" 2>&1; }
# The provider creates a distribution with a caller reference of its own, and a request it sends twice (a retry)
# carries the same one. CloudFront answers the second with the distribution it made; moto refuses it (409
# DistributionAlreadyExists), which failed one CI run of about thirty. Then the apply runs once more: the first
# distribution stays in moto outside the state, and goes when moto stops.
apply_failed() {
  tail -n 60 "$WORK/apply.log" >&2
  die "terraform apply"
}
# Other creates sent twice fail with "already exists" (a table, a Cognito resource server, a Lambda alias: one CI run
# each), and would again on the next apply. The error names the resource's ID ("creating ... (ID):") and, below it,
# its address ("with ADDRESS,"): what moto made is imported into the state before the apply runs once more. A Lambda
# alias is imported as FUNCTION/ALIAS, which the ARN in its error gives (":function:FUNCTION:ALIAS").
created_twice() {
  awk '/^Error: creating .*already exists/ {
         id = $0; sub(/^Error: creating [^(]*\(/, "", id); sub(/\): .*$/, "", id)
         if ($0 ~ /creating Lambda Alias/ && match($0, /:function:[^: ]+:[^: ]+/)) {
           id = substr($0, RSTART + length(":function:"), RLENGTH - length(":function:")); sub(/:/, "/", id)
         }
         pending = 1; next
       }
       pending && /^  with / {
         address = $0; sub(/^  with /, "", address); sub(/,$/, "", address); print address "\t" id; pending = 0
       }' "$WORK/apply.log"
}
import_created_twice() {
  local address id imported=0
  while IFS=$'\t' read -r address id; do
    log "  moto already had $address (its create was sent twice); importing $id"
    tf import -input=false "${MOTO_VARS[@]}" "$address" "$id" >>"$WORK/import.log" 2>&1 || {
      tail -n 30 "$WORK/import.log" >&2
      return 1
    }
    imported=1
  done < <(created_twice)
  ((imported))
}
if ! apply_into_moto; then
  if grep -q 'DistributionAlreadyExists' "$WORK/apply.log"; then
    log "  moto refused a CloudFront distribution sent twice (409 DistributionAlreadyExists); applying once more"
  else
    import_created_twice || apply_failed
    log "  applying once more"
  fi
  apply_into_moto || apply_failed
fi
log "  applied $(grep -o 'Resources: [0-9]* added' "$WORK/apply.log" || true) in $((SECONDS - started)) s"

# --------------------------------------------------------------------------
# 3b. the storage Terraform made, read back, against contract.json
# --------------------------------------------------------------------------
log "check: tables (keys, attributes, indexes, TTL) and the bucket in moto match contract.json"
bash "$STORAGE_CHECK" "$ENDPOINT" "$CONTRACT" "$(tf output -json table_names)" "$(tf output -raw bucket_name)" >&2 ||
  die "the storage Terraform made differs from contract.json"

log "check: the API docs (page, Swagger UI, openapi.json) are in the web bucket with their content types"
web_bucket="$(tf output -raw web_bucket_name)"
for entry in "docs:text/html" "docs/index.html:text/html" "docs/docs.js:text/javascript" \
  "docs/swagger-ui-bundle.js:text/javascript" "docs/swagger-ui.css:text/css" "openapi.json:application/json"; do
  key="${entry%%:*}"
  type="$(aws --endpoint-url "$ENDPOINT" --output json s3api head-object --bucket "$web_bucket" --key "$key" |
    jq -r .ContentType)" || die "web bucket $web_bucket has no $key (was functions/local/target/docs built?)"
  [[ "$type" == "${entry#*:}"* ]] || die "web bucket object $key has content type $type, expected ${entry#*:}"
done

# --------------------------------------------------------------------------
# 4. end-to-end: real handlers against the Terraform-created resources; they
# create nothing (the runner starts with --no-create-storage, and the tables
# and buckets are the same before and after); then every zip function from
# its own zip, as Lambda runs it (.ci/lambda-zips.sh)
# --------------------------------------------------------------------------
storage_inventory() {
  aws --endpoint-url "$ENDPOINT" --output json dynamodb list-tables | jq -r '.TableNames[] | "table \(.)"'
  aws --endpoint-url "$ENDPOINT" --output json s3api list-buckets | jq -r '.Buckets[] | "bucket \(.Name)"'
}
if [[ "$SKIP_E2E" == 1 ]]; then
  log "SKIPPING end-to-end test (TF_CI_SKIP_E2E=1)"
else
  storage_inventory | sort >"$WORK/storage-before.txt"
  table_env="$(tf output -json table_env)"
  bucket="$(tf output -raw bucket_name)"
  server_env=(BUCKET="$bucket" AWS_REGION="$REGION" AWS_DEFAULT_REGION="$REGION"
    AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test)
  while IFS= read -r kv; do server_env+=("$kv"); done < <(jq -r 'to_entries[] | "\(.key)=\(.value)"' <<<"$table_env")
  ((${#server_env[@]} > 5)) || die "terraform output table_env is empty"

  SERVER_PORT="$(free_port)"
  BASE_URL="http://127.0.0.1:$SERVER_PORT"
  log "starting the local runner on port $SERVER_PORT (tables and bucket from terraform output, creating none)"
  env "${server_env[@]}" setsid java -jar "$LOCAL_JAR" serve --port "$SERVER_PORT" --aws-endpoint "$ENDPOINT" \
    --no-create-storage >"$WORK/local-server.log" 2>&1 &
  SERVER_PID=$!
  ready=0
  for _ in $(seq 1 180); do
    code="$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/api/v1/feedback/training-status" || true)"
    if [[ "$code" == 2?? ]]; then
      ready=1
      break
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.5
  done
  if ((ready != 1)); then
    tail -n 80 "$WORK/local-server.log" >&2
    die "the local runner did not answer GET /api/v1/feedback/training-status with 2xx within 90 s (last status: ${code:-none})"
  fi
  log "running .ci/e2e.sh $BASE_URL"
  bash "$E2E_SCRIPT" "$BASE_URL" || {
    tail -n 80 "$WORK/local-server.log" >&2
    die ".ci/e2e.sh"
  }
  stop_group "$SERVER_PID"
  SERVER_PID=""
  storage_inventory | sort >"$WORK/storage-after.txt"
  diff -u "$WORK/storage-before.txt" "$WORK/storage-after.txt" >&2 ||
    die "the end-to-end run changed the set of tables or buckets (- before, + after)"

  log "running .ci/lambda-zips.sh: every zip function's handler from its own zip, on its sample event"
  bash "$LAMBDA_ZIPS" "$ENDPOINT" "$(tf output -json function_names)" "$ARTIFACT_DIR" >&2 || die ".ci/lambda-zips.sh"
fi

# --------------------------------------------------------------------------
# 5. idempotency: re-plan
# --------------------------------------------------------------------------
log "terraform plan -detailed-exitcode (idempotency)"
set +e
tf plan -input=false -detailed-exitcode "${MOTO_VARS[@]}" -out="$WORK/replan.tfplan" >"$WORK/plan-again.log" 2>&1
plan_rc=$?
set -e
((plan_rc == 0 || plan_rc == 2)) || {
  cat "$WORK/plan-again.log" >&2
  die "terraform plan (re-plan)"
}
tf show -json "$WORK/replan.tfplan" >"$WORK/replan.json"

if ((plan_rc == 2)); then
  # moto keeps neither `snap_start` nor `image_config` of a Lambda function,
  # so the re-plan wants to add them back. Exactly that is tolerated:
  #  - aws_lambda_function, action ["update"]: attributes whose values differ
  #    may only be snap_start and image_config; attributes becoming unknown
  #    may only be the ones the provider recomputes when a function with
  #    publish = true is updated: version, qualified_arn, qualified_invoke_arn
  #    (and last_modified). snap_start's own computed optimization_status is
  #    inside snap_start.
  #  - aws_lambda_alias, action ["update"], only function_version becoming
  #    unknown (it follows the function's new version), and only for a
  #    function in the first list.
  #  - aws_cloudfront_distribution, action ["update"], nothing unknown, and
  #    before == after once what moto adds or drops is set aside:
  #    forwarded_values of the default and the ordered cache behaviours (moto
  #    returns legacy forwarded values although the behaviours use cache
  #    policies, with which AWS forbids them),
  #    viewer_certificate.ssl_support_method (moto reports "sni-only" for the
  #    default *.cloudfront.net certificate, which takes none), and an
  #    origin's origin_access_control_id that moto returns empty (it does not
  #    keep it).
  #  - no output changes.
  # Anything else (create, delete, replace, any other attribute) fails.
  jq -r '
    def moto_cloudfront:
      del(.default_cache_behavior[0].forwarded_values, .viewer_certificate[0].ssl_support_method)
      | .ordered_cache_behavior |= ((. // []) | map(del(.forwarded_values)))
      | .origin |= ((. // []) | sort_by(.origin_id));
    def changed_keys:
      (.change.before // {}) as $b | (.change.after // {}) as $a | (.change.after_unknown // {}) as $u
      | { concrete: [ ($b + $a | keys[]) | select(($u[.] != true) and ($b[.] != $a[.])) ],
          unknown:  [ $u | to_entries[] | select(.value == true) | .key ] };
    . as $plan
    | [ $plan.resource_changes[] | select(.change.actions != ["no-op"] and .change.actions != ["read"]) ] as $changes
    | [ $changes[] | select(.type == "aws_lambda_function") | select(.change.actions == ["update"])
        | select((changed_keys.concrete - ["snap_start", "image_config"]) == [])
        | select((changed_keys.unknown - ["version", "qualified_arn", "qualified_invoke_arn", "last_modified"]) == [])
        | .change.before.function_name ] as $drifted_functions
    | ( $changes[]
        | if .type == "aws_lambda_function" and (.change.before.function_name as $n | $drifted_functions | index($n)) then empty
          elif .type == "aws_cloudfront_distribution" and .change.actions == ["update"] and changed_keys.unknown == []
               and ((.change.after | moto_cloudfront) as $after
                    | (.change.before | moto_cloudfront
                       | .origin |= [ .[] | . as $o | if (.origin_access_control_id // "") == ""
                           then .origin_access_control_id = ($after.origin[] | select(.origin_id == $o.origin_id) | .origin_access_control_id)
                           else . end ]) == $after)
            then empty
          elif .type == "aws_lambda_alias" and .change.actions == ["update"]
               and changed_keys.concrete == [] and changed_keys.unknown == ["function_version"]
               and (.change.before.function_name as $n | $drifted_functions | index($n)) then empty
          else "\(.address): \(.change.actions | join(",")) concrete=\(changed_keys.concrete) unknown=\(changed_keys.unknown)"
          end ),
      ( $plan.output_changes // {} | to_entries[] | select(.value.actions != ["no-op"]) | "output \(.key): \(.value.actions | join(","))" )
  ' "$WORK/replan.json" >"$WORK/unexpected-drift.txt"
  if [[ -s "$WORK/unexpected-drift.txt" ]]; then
    grep -E '^  # |^      [-+~] ' "$WORK/plan-again.log" >&2 || true
    sed 's/^/  unexpected: /' "$WORK/unexpected-drift.txt" >&2
    die "the stack is not idempotent: the re-plan has changes beyond moto's known snap_start/image_config/CloudFront drift"
  fi
  log "  re-plan: only moto's known Lambda snap_start/image_config and CloudFront forwarded_values/ssl_support_method/origin_access_control_id drift ($(grep -o 'Plan: .*' "$WORK/plan-again.log"))"
else
  log "  re-plan: no changes"
fi

# --------------------------------------------------------------------------
# 6. IAM: no wildcard grant (.ci/iam-check.sh), on the applied state as seen
# by the re-plan (every ARN known); the checker itself was proven on planted
# policies before anything was created
# --------------------------------------------------------------------------
log "check: IAM policies grant no wildcard action, resource or principal"
docs_checked="$(jq 'def modules: ., (.child_modules // [] | .[] | modules);
  [.prior_state.values.root_module | modules | .resources // [] | .[]
  | select(.type | IN("aws_iam_role", "aws_iam_policy_document", "aws_iam_role_policy", "aws_s3_bucket_policy",
                     "aws_kms_key", "aws_sqs_queue_policy"))] | length' "$WORK/replan.json")"
((docs_checked > 0)) || die "IAM check found no policy documents in the plan (checker broken?)"
bash "$IAM_CHECK" "$WORK/replan.json" >"$WORK/iam-findings.txt" || {
  sed 's/^/  /' "$WORK/iam-findings.txt" >&2
  die "IAM policies grant wildcard actions, resources or principals"
}
log "  $docs_checked policy-bearing resources checked, no wildcard grants"

# --------------------------------------------------------------------------
# 7. security controls (issue #13)
# --------------------------------------------------------------------------
# On a plan with the production variables (emulator = false: TLS/KMS bucket
# policy, deletion protection on) over the stack applied above, so that every
# ARN and policy document is known. Not applied.
log "terraform plan (production variables, emulator = false) for the security checks"
tf plan -input=false -var emulator=false -var force_destroy=false -out="$WORK/security.tfplan" >"$WORK/plan-security.log" 2>&1 || {
  cat "$WORK/plan-security.log" >&2
  die "terraform plan with the production variables"
}
tf show -json "$WORK/security.tfplan" >"$WORK/security.json"
log "check: security controls (.ci/security-checks.sh)"
bash "$SECURITY_CHECKS" "$WORK/security.json" "$CONTRACT" || die "security controls missing (see above)"

# --------------------------------------------------------------------------
# 8. destroy
# --------------------------------------------------------------------------
log "terraform destroy"
started=$SECONDS
# moto has no DeleteResourceServer (the provider would wait for ever): the
# Cognito resource server leaves the state and goes with its user pool.
tf state rm aws_cognito_resource_server.api >/dev/null
# moto adds Lambda permissions without a lock: two added to one function at the
# same moment can leave a statement twice, and its removal then leaves the
# other copy, for which the provider waits five minutes and fails. The
# permissions leave the state and go with their functions' policies.
mapfile -t permissions < <(tf state list | grep '^aws_lambda_permission\.')
((${#permissions[@]} == 0)) || tf state rm "${permissions[@]}" >/dev/null
# Under load the provider's SDK may retry a DeleteTable whose first call moto
# already carried out, and the retry's ResourceNotFound fails the destroy with
# the table gone but still in the state; a second pass refreshes it away. Only
# a second failure is a failure.
if ! tf destroy -input=false -auto-approve "${MOTO_VARS[@]}" >"$WORK/destroy.log" 2>&1; then
  log "  first destroy failed ($(grep -m1 '^Error:' "$WORK/destroy.log" || echo 'no error line')); once more"
  tf destroy -input=false -auto-approve "${MOTO_VARS[@]}" >"$WORK/destroy-again.log" 2>&1 || {
    tail -n 30 "$WORK/destroy.log" >&2
    tail -n 60 "$WORK/destroy-again.log" >&2
    die "terraform destroy"
  }
fi
log "  destroyed in $((SECONDS - started)) s"
log "OK"
