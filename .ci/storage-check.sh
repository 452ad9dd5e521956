#!/usr/bin/env bash
# The storage Terraform made, read back from the endpoint, against contract.json: every contract table exists with
# its key schema, attribute types, global secondary indexes (keys, projection), no other index, and its TTL
# attribute; the bucket exists. Exits 1 with a diff (- contract, + endpoint) per table that differs.
#
#   .ci/storage-check.sh ENDPOINT CONTRACT TABLE_NAMES_JSON BUCKET
#
# TABLE_NAMES_JSON: Terraform's output table_names, {"jobs": "resume-screening-jobs", ...}.
set -euo pipefail

endpoint=${1:?usage: storage-check.sh ENDPOINT CONTRACT TABLE_NAMES_JSON BUCKET}
contract=${2:?}
table_names=${3:?}
bucket=${4:?}
aws_at() { aws --endpoint-url "$endpoint" --output json "$@"; }

# One shape for both sides, so that a plain diff shows what differs.
expected_shape='
  .tables[$table] | {
    hash_key, range_key: (.range_key // null), attributes,
    global_indexes: ([.indexes[] | {name, hash_key, range_key: (.range_key // null), projection: (.projection // "ALL")}]
                     | sort_by(.name)),
    local_indexes: [],
    ttl_attribute: (.ttl_attribute // null)
  }'
actual_shape='
  def key($type): [.[] | select(.KeyType == $type) | .AttributeName][0] // null;
  .Table | {
    hash_key: (.KeySchema | key("HASH")), range_key: (.KeySchema | key("RANGE")),
    attributes: (.AttributeDefinitions | map({(.AttributeName): .AttributeType}) | add),
    global_indexes: ((.GlobalSecondaryIndexes // [])
      | map({name: .IndexName, hash_key: (.KeySchema | key("HASH")), range_key: (.KeySchema | key("RANGE")),
             projection: .Projection.ProjectionType}) | sort_by(.name)),
    local_indexes: ((.LocalSecondaryIndexes // []) | map(.IndexName)),
    ttl_attribute: $ttl
  }'

failures=()
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for table in $(jq -r '.tables | keys[]' "$contract"); do
  name=$(jq -r --arg table "$table" '.[$table] // empty' <<<"$table_names")
  if [[ -z "$name" ]]; then
    failures+=("contract table $table has no table in Terraform's output")
    continue
  fi
  if ! aws_at dynamodb describe-table --table-name "$name" >"$work/table.json" 2>"$work/error.txt"; then
    failures+=("table $name ($table): $(tr '\n' ' ' <"$work/error.txt")")
    continue
  fi
  ttl=$(aws_at dynamodb describe-time-to-live --table-name "$name" \
    | jq -c '.TimeToLiveDescription | if .TimeToLiveStatus == "ENABLED" then .AttributeName else null end')
  jq -S --arg table "$table" "$expected_shape" "$contract" >"$work/expected.json"
  jq -S --argjson ttl "$ttl" "$actual_shape" "$work/table.json" >"$work/actual.json"
  if ! diff -u --label "contract.json $table" --label "$endpoint $name" "$work/expected.json" "$work/actual.json" >&2; then
    failures+=("table $name ($table) differs from contract.json (diff above)")
  fi
done
extra=$(jq -r --slurpfile contract "$contract" 'keys - ($contract[0].tables | keys) | .[]' <<<"$table_names")
[[ -z "$extra" ]] || failures+=("Terraform made tables the contract does not have: $extra")
aws_at s3api head-bucket --bucket "$bucket" >/dev/null 2>"$work/error.txt" ||
  failures+=("bucket $bucket: $(tr '\n' ' ' <"$work/error.txt")")

if ((${#failures[@]} > 0)); then
  printf '  %s\n' "${failures[@]}" >&2
  exit 1
fi
echo "$(jq '.tables | length' "$contract") tables (keys, attributes, indexes, TTL) and the bucket match contract.json"
