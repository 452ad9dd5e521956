"""moto_server, one request at a time.

DynamoDB runs each TransactWriteItems atomically (conditions checked and writes applied as one step). moto's
threaded server checks and applies in separate steps, so two concurrent transactions can both pass a condition
that only one of them should. Serving requests one at a time restores DynamoDB's isolation, which the concurrency
tests rely on. Usage: python3 .ci/moto-serial.py PORT
"""
import os
import sys

from moto.server import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple

port = int(sys.argv[1])
os.environ.setdefault("MOTO_PORT", str(port))
run_simple("127.0.0.1", port, DomainDispatcherApplication(create_backend_app), threaded=False)
