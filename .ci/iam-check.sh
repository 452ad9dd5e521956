#!/usr/bin/env bash
# IAM: no wildcard grant in any policy document of a Terraform plan's prior state (`terraform show -json`): identity
# policies, trust policies, inline policies, resource policies (bucket, ECR, SNS, SQS), key policies and the
# aws_iam_policy_document data sources. In an Allow statement it reports:
#   - an action with a wildcard, whole ("*", "s3:*") or partial ("s3:Get*", "s3:?etObject");
#   - NotAction, NotResource or NotPrincipal (grants by exclusion);
#   - Principal "*" (or {"AWS": "*"} and the like): anyone;
#   - Resource "*", except for actions that have no resource-level permissions, and in key policies (where "*" is
#     the key itself).
# Deny statements are not grants. Prints one finding per line and exits 1 if there is any.
#
#   .ci/iam-check.sh PLAN_JSON
#   .ci/iam-check.sh --self-test     the checker against .ci/fixtures/iam-planted.json (findings must be exact)
set -euo pipefail

if [[ "${1:-}" == --self-test ]]; then
  fixtures="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/fixtures"
  found=$(bash "${BASH_SOURCE[0]}" "$fixtures/iam-planted.json" 2>&1 || true)
  if ! diff -u --label expected --label found "$fixtures/iam-planted.expected" <(printf '%s\n' "$found") >&2; then
    echo "the IAM checker's findings on the planted policies are not the expected ones" >&2
    exit 1
  fi
  echo "IAM checker: all $(wc -l <"$fixtures/iam-planted.expected") planted grants found, nothing else"
  exit 0
fi

plan=${1:?usage: iam-check.sh PLAN_JSON | --self-test}
findings=$(jq -r '
  def as_list: if . == null then [] elif type == "array" then . else [.] end;
  def modules: ., (.child_modules // [] | .[] | modules);
  def docs:
    if .type == "aws_iam_role" then (.values.assume_role_policy, (.values.inline_policy // [] | .[].policy))
    elif .type == "aws_iam_policy_document" then .values.json
    elif .type == "aws_kms_key" then .values.policy
    elif (.type | IN("aws_iam_role_policy", "aws_iam_policy", "aws_iam_user_policy", "aws_iam_group_policy",
                     "aws_s3_bucket_policy", "aws_ecr_repository_policy", "aws_sns_topic_policy", "aws_sqs_queue_policy"))
      then .values.policy
    else empty end;
  # every principal value of a statement: "*" itself, or each value of {"AWS": ..., "Service": ..., ...}
  def principals: .Principal | if type == "object" then [.[] | as_list[]] else as_list end;
  ["ecr:GetAuthorizationToken", "cloudwatch:PutMetricData", "xray:PutTraceSegments", "xray:PutTelemetryRecords",
   "xray:GetSamplingRules", "xray:GetSamplingTargets"] as $star_resource_ok
  | [ .prior_state.values.root_module | modules | .resources // [] | .[] ] as $resources
  | $resources[] | . as $r | docs | select(. != null and . != "")
  | (fromjson | .Statement | as_list)[] | select(.Effect == "Allow")
  | (.Action | as_list) as $actions | (.Resource | as_list) as $res
  | (if .NotAction != null then "\($r.address): Allow with NotAction" else empty end),
    (if .NotResource != null then "\($r.address): Allow with NotResource" else empty end),
    (if .NotPrincipal != null then "\($r.address): Allow with NotPrincipal" else empty end),
    (if (principals | index("*")) then "\($r.address): Allow to Principal \"*\"" else empty end),
    ($actions[] | select(test("[*?]")) | "\($r.address): wildcard action \(.)"),
    (if ($res | index("*")) and $r.type != "aws_kms_key" and (($actions - $star_resource_ok) != []) then
       "\($r.address): Resource \"*\" for \($actions - $star_resource_ok)" else empty end)
' "$plan" | sort -u) || {
  echo "IAM checker failed on $plan" >&2
  exit 2
}
if [[ -n "$findings" ]]; then
  printf '%s\n' "$findings"
  exit 1
fi
