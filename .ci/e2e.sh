#!/usr/bin/env bash
# End-to-end check of a running API (the local runner on Terraform-created resources, or a deployed stack):
# create a job, screen a PDF, list it, review it, and read the training status and the review queue.
# Usage: bash .ci/e2e.sh BASE_URL [extra curl args, e.g. -H "Authorization: Bearer $TOKEN"]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: e2e.sh BASE_URL [curl args]}
shift
curl_json() { curl -sS -w '\n%{http_code}' "$@" "${extra[@]}"; }
extra=("$@")

expect() { # expect STATUS RESPONSE: prints the body, fails unless the status matches
  local want=$1 response=$2 status body
  status=$(tail -n1 <<<"$response")
  body=$(sed '$d' <<<"$response")
  if [ "$status" != "$want" ]; then
    echo "expected HTTP $want, got $status: $body" >&2
    exit 1
  fi
  printf '%s' "$body"
}

description=$(jq -Rs . < template-samples/jobs/backend-java-engineer.txt)
job=$(expect 201 "$(curl_json -X POST "$base/api/v1/jobs" -H 'content-type: application/json' \
  -d "{\"title\":\"Backend Java Engineer\",\"description\":$description}")" | jq -r .job_id)
echo "created $job"
expect 200 "$(curl_json "$base/api/v1/jobs/$job")" | jq -e --arg job "$job" '.job_id == $job and .threshold == 50' >/dev/null

result=$(expect 201 "$(curl_json -X POST "$base/api/v1/screening/upload-resume" \
  -F "job_id=$job" -F "candidate_name=Priya Nair" \
  -F "file=@template-samples/resumes/priya-nair-java.pdf;type=application/pdf")")
jq -e '(.decision == "SHORTLIST" or .decision == "REJECT") and .score >= 0 and .score <= 100 and .human_reviewed == false' \
  <<<"$result" >/dev/null
id=$(jq -r .screening_result_id <<<"$result")
echo "screened $id: $(jq -c '{score, decision, model_version}' <<<"$result")"

expect 200 "$(curl_json "$base/api/v1/screening/results/$job?limit=10")" | jq -e --arg id "$id" '.results[0].screening_result_id == $id' >/dev/null
expect 200 "$(curl_json "$base/api/v1/feedback/review-queue?job_id=$job")" | jq -e --arg id "$id" '.results[0].screening_result_id == $id' >/dev/null
expect 404 "$(curl_json "$base/api/v1/jobs/job-does-not-exist")" | jq -e '.error.code == "job_not_found"' >/dev/null

expect 200 "$(curl_json -X POST "$base/api/v1/feedback/submit" -H 'content-type: application/json' \
  -d "{\"screening_result_id\":\"$id\",\"human_decision\":\"shortlist\",\"notes\":\"e2e\"}")" >/dev/null
expect 200 "$(curl_json "$base/api/v1/screening/result/$id")" | jq -e '.human_reviewed == true and .human_decision == "shortlist"' >/dev/null
expect 200 "$(curl_json "$base/api/v1/feedback/training-status")" | jq -e '.total_samples >= 1 and .positive_samples >= 1' >/dev/null
echo "e2e passed against $base"
