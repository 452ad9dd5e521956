#!/usr/bin/env python3
"""One invocation through Lambda's Runtime API, for .ci/lambda-zips.sh.

  lambda-runtime-api.py PORT EVENT_FILE OUTCOME_FILE

Serves EVENT_FILE once at GET /2018-06-01/runtime/invocation/next with the headers Lambda sends, then writes what
the runtime posts back ({"outcome": "response" | "error" | "init_error", "body": ...}) to OUTCOME_FILE and exits.
"""
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

PORT, EVENT_FILE, OUTCOME_FILE = int(sys.argv[1]), sys.argv[2], sys.argv[3]
REQUEST_ID = "00000000-0000-4000-8000-00000000ci01"
with open(EVENT_FILE, "rb") as f:
    EVENT = f.read()


class RuntimeApi(BaseHTTPRequestHandler):
    served = False
    finished = False

    def do_GET(self):
        if self.path != "/2018-06-01/runtime/invocation/next" or RuntimeApi.served:
            self.send_error(404)
            return
        RuntimeApi.served = True
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Lambda-Runtime-Aws-Request-Id", REQUEST_ID)
        self.send_header("Lambda-Runtime-Deadline-Ms", str(int(time.time() * 1000) + 300_000))
        self.send_header("Lambda-Runtime-Invoked-Function-Arn",
                         "arn:aws:lambda:eu-central-1:123456789012:function:ci-probe")
        self.send_header("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000001;Sampled=0")
        self.send_header("Content-Length", str(len(EVENT)))
        self.end_headers()
        self.wfile.write(EVENT)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8", "replace")
        outcomes = {
            f"/2018-06-01/runtime/invocation/{REQUEST_ID}/response": "response",
            f"/2018-06-01/runtime/invocation/{REQUEST_ID}/error": "error",
            "/2018-06-01/runtime/init/error": "init_error",
        }
        if self.path not in outcomes:
            self.send_error(404)
            return
        with open(OUTCOME_FILE, "w") as f:
            json.dump({"outcome": outcomes[self.path], "body": body}, f)
        self.send_response(202)
        self.send_header("Content-Length", "0")
        self.end_headers()
        RuntimeApi.finished = True

    def log_message(self, *args):
        pass


server = HTTPServer(("127.0.0.1", PORT), RuntimeApi)
while not RuntimeApi.finished:
    server.handle_request()
