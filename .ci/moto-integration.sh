#!/usr/bin/env bash
# Runs the storage integration tests against moto (one request at a time, see moto-serial.py) instead of the
# embedded emulators. The reactor builds the modules the local runner needs (-am), so nothing has to be installed in
# the local Maven repository first; the moto profile (pom.xml) skips every other module's tests and fails when no
# integration test ran.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v moto_server >/dev/null 2>&1; then
  echo "moto_server is not installed: pip install 'moto[server]'" >&2
  exit 1
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log=$(mktemp)
python3 .ci/moto-serial.py "$port" >"$log" 2>&1 &
moto_pid=$!
finish() {
  local rc=$?
  kill "$moto_pid" 2>/dev/null || true
  if ((rc != 0)); then
    echo "== moto log (the stage failed with exit code $rc)" >&2
    tail -n 200 "$log" >&2
  fi
  rm -f "$log"
  exit "$rc"
}
trap finish EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/moto-api/" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/moto-api/" >/dev/null || { cat "$log"; echo "moto did not start" >&2; exit 1; }

AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1 \
  ./mvnw -B -ntp -Pmoto -pl functions/local -am verify
