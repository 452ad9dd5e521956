#!/bin/sh
# Container entry point shared by both ways the trainer image runs:
#  - SageMaker training jobs start the image with the single argument "train": run the DJL trainer, which reads
#    /opt/ml/input and writes /opt/ml/model (or /opt/ml/output/failure) and exits non-zero on failure.
#  - Lambda (and anything else) gets the base image's own entry point, with the handler from CMD.
set -e
if [ "$1" = "train" ]; then
  shift
  exec "${JAVA_HOME:-/var/lang}/bin/java" ${TRAINER_JAVA_OPTS:-} \
    -cp "${LAMBDA_TASK_ROOT:-/var/task}/lib/*" \
    dev.resumescreening.trainer.SageMakerEntryPoint "$@"
fi
exec /lambda-entrypoint.sh "$@"
