#!/usr/bin/env bash
# Every zip function of contract.json, as Lambda runs it, against the stack Terraform applied into an emulator:
# its zip unpacked as Lambda lays it out (classes at the root, jars in lib/) in the task directory, and a JVM whose
# classpath holds only Lambda's own Java runtime interface client (.ci/lambda-runtime/pom.xml), which loads the
# contract's handler from the task directory as the java21 runtime does and takes one sample event from events/
# through the Runtime API (.ci/lambda-runtime-api.py). The function's environment is the one Terraform gave it (read
# back from the emulator) plus the endpoint. A missing class or dependency, an init error, an error answer or an
# unexpected status fails.
#
#   .ci/lambda-zips.sh ENDPOINT FUNCTION_NAMES_JSON [ARTIFACT_DIR]
#
# FUNCTION_NAMES_JSON: Terraform's output function_names. The samples run in order, each using what the one before
# made: a job, a presigned upload issued for it (SSE-KMS headers signed), a resume screened for it, its results, a
# review of that resume, the training status, the review taken back (undo), a training run (read back), the model
# list, the audit export; the Cognito pre-token-generation trigger; and a SageMaker state
# change of a job this stack never launched (answered as ignored). The API samples carry
# the x-origin-verify header CloudFront adds (the secret from the function's own environment): without it every API
# function answers 403, as it must.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
endpoint=${1:?usage: lambda-zips.sh ENDPOINT FUNCTION_NAMES_JSON [ARTIFACT_DIR]}
function_names=${2:?}
artifact_dir=${3:-$ROOT}
contract="$ROOT/terraform/contract.json"
region=${AWS_REGION:-eu-central-1}

# step -> sample event and the status its answer must have; a step is named after its function, or is
# function:what for a function's further routes
declare -A sample=(
  [jobs]=jobs-create.json [upload:issue]=upload-issue.json [upload]=upload-resume-json.json
  [results]=results-list.json [feedback]=feedback-submit.json [status]=status-training-status.json
  [feedback:undo]=feedback-undo.json [trigger]=trigger-run.json [registry]=registry-list.json
  [compliance]=compliance-audit.json [admin-scope]=admin-scope-pre-token-generation.json
  [sagemaker-events]=sagemaker-events-state-change.json
)
declare -A expected_status=(
  [jobs]=201 [upload:issue]=201 [upload]=201 [results]=200 [feedback]=200 [status]=200 [feedback:undo]=200
  [trigger]=200 [registry]=200 [compliance]=200 [admin-scope]=event [sagemaker-events]=json
)
order=(jobs upload:issue upload results feedback status feedback:undo trigger registry compliance admin-scope
  sagemaker-events)

work=$(mktemp -d)
runtime_pid=""
jvm_pid=""
finish() {
  [[ -z "$jvm_pid" ]] || kill "$jvm_pid" 2>/dev/null || true
  [[ -z "$runtime_pid" ]] || kill "$runtime_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap finish EXIT

zip_functions=$(jq -r '.functions | to_entries[] | select(.value.package == "zip") | .key' "$contract" | sort)
unprobed=$(comm -23 <(echo "$zip_functions") <(printf '%s\n' "${order[@]%%:*}" | sort -u))
[[ -z "$unprobed" ]] || {
  echo "zip functions with no sample in .ci/lambda-zips.sh: $unprobed" >&2
  exit 1
}

(cd "$ROOT" && ./mvnw -q -B -f .ci/lambda-runtime/pom.xml dependency:copy-dependencies -DoutputDirectory="$work/runtime") ||
  { echo "could not fetch Lambda's Java runtime interface client" >&2; exit 1; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Values the samples take from the answers before them.
job_id="" result_id="" review_version="" run_id=""
event_for() { # step -> the sample event, with the ids made by the steps before it
  local file="$ROOT/events/${sample[$1]}"
  case "$1" in
    upload:issue) jq --arg job "$job_id" '.pathParameters.job_id = $job | .rawPath = "/api/v1/jobs/\($job)/uploads"' \
      "$file" ;;
    upload) jq --arg job "$job_id" '.body |= (fromjson | .job_id = $job | tojson)' "$file" ;;
    results) jq --arg job "$job_id" '.pathParameters.job_id = $job' "$file" ;;
    feedback) jq --arg id "$result_id" '.body |= (fromjson | .screening_result_id = $id | tojson)' "$file" ;;
    feedback:undo) jq --arg id "$result_id" --argjson version "$review_version" \
      '.body |= (fromjson | .screening_result_id = $id | .review_version = $version | tojson)' "$file" ;;
    trigger) jq --arg run "$run_id" '.pathParameters.run_id = $run | .rawPath = "/api/v1/training/runs/\($run)"' "$file" ;;
    compliance)
      jq --arg from "$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)" --arg to "$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)" \
        '.queryStringParameters.from = $from | .queryStringParameters.to = $to' "$file" ;;
    *) cat "$file" ;;
  esac
}

shows_its_work() { # step < answer body: the fields that show the sample did its job
  case "$1" in
    jobs) jq -e '.job_id | length > 0' ;;
    upload:issue) jq -e --arg job "$job_id" '(.upload_id | length > 0) and .method == "PUT"
      and (.url | contains("/uploads/\($job)/")) and (.headers["x-amz-server-side-encryption"] == "aws:kms")' ;;
    upload) jq -e '(.screening_result_id | length > 0) and (.decision | IN("SHORTLIST", "REJECT"))' ;;
    results) jq -e --arg id "$result_id" 'any(.results[]; .screening_result_id == $id)' ;;
    feedback) jq -e --arg id "$result_id" '.success and .result.screening_result_id == $id and .result.human_reviewed' ;;
    feedback:undo) jq -e --arg id "$result_id" '.success and .result.screening_result_id == $id
      and (.result.human_reviewed | not)' ;;
    status) jq -e '.total_samples >= 1' ;;
    trigger) jq -e --arg run "$run_id" '.run_id == $run and .state == "SKIPPED"' ;;
    admin-scope) jq -e '.response.claimsAndScopeOverrideDetails.accessTokenGeneration.scopesToAdd
      | any(endswith("/admin"))' ;;
    sagemaker-events) jq -e '.ignored and .training_job_name == "resume-screening-run-20261126-020000-3f9a1c"' ;;
    *) cat ;;
  esac
}

# A training run for the trigger function to read back: starting one needs the trainer function, which moto cannot run.
run_id="run-ci-$(date -u +%Y%m%d%H%M%S)"
runs_table=$(aws --endpoint-url "$endpoint" --output json lambda get-function-configuration \
  --function-name "$(jq -r .trigger <<<"$function_names")" | jq -r .Environment.Variables.RUNS_TABLE)
aws --endpoint-url "$endpoint" dynamodb put-item --table-name "$runs_table" --item "$(jq -cn --arg run "$run_id" '{
  run_id: {S: $run}, state: {S: "SKIPPED"}, trigger: {S: "ci"}, reason: {S: "not enough new reviews"},
  created_at: {S: "2026-11-26T02:00:00.000Z"}, started_at: {S: "2026-11-26T02:00:01.000Z"},
  finished_at: {S: "2026-11-26T02:00:02.000Z"}}')"

started=$SECONDS
for step in "${order[@]}"; do
  fn=${step%%:*}
  zip="$artifact_dir/$(jq -r --arg fn "$fn" '.functions[$fn].module' "$contract")/target/$(jq -r --arg fn "$fn" '.functions[$fn].module | split("/") | last' "$contract").zip"
  handler=$(jq -r --arg fn "$fn" '.functions[$fn].handler' "$contract")
  name=$(jq -r --arg fn "$fn" '.[$fn] // empty' <<<"$function_names")
  [[ -n "$name" ]] || { echo "$fn: no deployed function in Terraform's output" >&2; exit 1; }
  task="$work/task-$step"
  mkdir -p "$task"
  python3 -m zipfile -e "$zip" "$task"
  configuration=$(aws --endpoint-url "$endpoint" --output json lambda get-function-configuration --function-name "$name")
  [[ "$(jq -r .Handler <<<"$configuration")" == "$handler" ]] || {
    echo "$fn: deployed handler $(jq -r .Handler <<<"$configuration") is not the contract's $handler" >&2
    exit 1
  }
  environment=(PATH="$PATH" LANG=en_US.UTF-8 TZ=:UTC LAMBDA_TASK_ROOT="$task" _HANDLER="$handler"
    AWS_LAMBDA_FUNCTION_NAME="$name" AWS_LAMBDA_FUNCTION_VERSION=1
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE="$(jq -r .MemorySize <<<"$configuration")"
    AWS_LAMBDA_LOG_GROUP_NAME="/aws/lambda/$name" AWS_LAMBDA_LOG_STREAM_NAME=ci
    AWS_REGION="$region" AWS_DEFAULT_REGION="$region" AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
    AWS_ENDPOINT_URL="$endpoint")
  while IFS= read -r -d '' kv; do environment+=("$kv"); done < <(jq -j '.Environment.Variables // {} | to_entries[]
    | "\(.key)=\(.value)\u0000"' <<<"$configuration")

  if [[ ! "${expected_status[$step]}" =~ ^[0-9]+$ ]]; then
    event_for "$step" >"$work/event-$step.json"
  else
    event_for "$step" | jq --arg secret "$(jq -r '.Environment.Variables.ORIGIN_VERIFY_SECRET // empty' <<<"$configuration")" \
      '.headers["x-origin-verify"] = $secret' >"$work/event-$step.json"
  fi
  port=$(free_port)
  python3 "$ROOT/.ci/lambda-runtime-api.py" "$port" "$work/event-$step.json" "$work/outcome-$step.json" &
  runtime_pid=$!
  for _ in $(seq 1 50); do
    python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
    sleep 0.1
  done
  # Lambda's java21 runtime: the runtime client on the system classpath, the function in its task directory
  (cd "$task" && exec env -i "${environment[@]}" AWS_LAMBDA_RUNTIME_API="127.0.0.1:$port" \
    java -cp "$work/runtime/*" com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$handler") \
    >"$work/jvm-$step.log" 2>&1 &
  jvm_pid=$!
  for _ in $(seq 1 600); do
    kill -0 "$runtime_pid" 2>/dev/null || break
    kill -0 "$jvm_pid" 2>/dev/null || { sleep 0.2; break; }
    sleep 0.1
  done
  kill "$jvm_pid" "$runtime_pid" 2>/dev/null || true
  wait "$jvm_pid" "$runtime_pid" 2>/dev/null || true
  jvm_pid="" runtime_pid=""

  outcome=$(cat "$work/outcome-$step.json" 2>/dev/null || echo '{"outcome": "none", "body": ""}')
  # an API function answers with a status; a trigger answers with the event it was given, completed; an EventBridge
  # function with a JSON object
  status=$(jq -r --arg kind "${expected_status[$step]}" 'if .outcome != "response" then empty
    elif ($kind | test("^[0-9]+$") | not) then $kind else (.body | fromjson | .statusCode) end' <<<"$outcome")
  if [[ "$status" != "${expected_status[$step]}" ]]; then
    echo "$fn ($zip): $(jq -r .outcome <<<"$outcome"), status ${status:-none}, expected ${expected_status[$step]}" >&2
    jq -r .body <<<"$outcome" | head -c 2000 >&2
    echo >&2
    tail -n 40 "$work/jvm-$step.log" >&2
    exit 1
  fi
  if [[ ! "$status" =~ ^[0-9]+$ ]]; then
    body=$(jq -r '.body' <<<"$outcome")
  else
    body=$(jq -r '.body | fromjson | .body' <<<"$outcome")
  fi
  if ! shows_its_work "$step" <<<"$body" >/dev/null; then
    echo "$fn: answered ${sample[$step]} with $status but not the body it should have: $(head -c 1000 <<<"$body")" >&2
    exit 1
  fi
  case "$step" in
    jobs) job_id=$(jq -r .job_id <<<"$body") ;;
    upload) result_id=$(jq -r .screening_result_id <<<"$body") ;;
    feedback) review_version=$(jq -r .result.review_version <<<"$body") ;;
  esac
  echo "  $step: $handler from $(basename "$zip") answered ${sample[$step]} with $status"
done
echo "every zip function loaded its handler and handled its sample in $((SECONDS - started)) s"
