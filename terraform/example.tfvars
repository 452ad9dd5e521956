# Example production values: cp example.tfvars prod.tfvars (gitignored), edit,
# then terraform apply -var-file=prod.tfvars
region      = "eu-central-1"
name_prefix = "resume-screening"

# Titan Text Embeddings V2 in AWS (the contract default `local` needs no network).
embedder           = "bedrock"
training_threshold = 100

# One tag per build (e.g. the git SHA) with immutable tags.
trainer_image_tag        = "0123abc"
ecr_image_tag_mutability = "IMMUTABLE"

table_deletion_protection     = true
user_pool_deletion_protection = "ACTIVE"
log_retention_days            = 90

function_memory = {
  upload = 3008
}
