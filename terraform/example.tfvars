# Example production values: cp example.tfvars prod.tfvars (gitignored), edit,
# then terraform apply -var-file=prod.tfvars
region      = "eu-central-1"
name_prefix = "resume-screening"

# Titan Text Embeddings V2 in AWS (the contract default `local` needs no network).
embedder           = "bedrock"
training_threshold = 100

# One tag per build (e.g. the git SHA); tags are immutable.
trainer_image_tag = "0123abc"

# Required outside emulators: the role allowed into the KMS key policies when
# the normal administration path is unavailable (it must exist).
break_glass_role_arn = "arn:aws:iam::123456789012:role/break-glass"

# Required outside emulators: the header CloudFront adds to API requests, without
# which the API answers 403. Keep it out of files: export
# TF_VAR_origin_verify_secret="$(openssl rand -hex 32)" before terraform apply
# (the same value on every apply; a new one rotates it).

# Failure queues and DLQs alarm here.
alarm_actions = ["arn:aws:sns:eu-central-1:123456789012:resume-screening-alerts"]

log_retention_days = 90

function_memory = {
  upload = 3008
}
