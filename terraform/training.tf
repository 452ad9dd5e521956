# Trainer container image (DJL + libtorch): ECR repository, and the SageMaker
# execution role used by training jobs that run the same image.

resource "aws_ecr_repository" "trainer" {
  name                 = "${var.name_prefix}-trainer"
  image_tag_mutability = var.ecr_image_tag_mutability
  force_delete         = var.force_destroy

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "AES256"
  }
}

resource "aws_ecr_lifecycle_policy" "trainer" {
  repository = aws_ecr_repository.trainer.name

  policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "Keep the newest ${var.ecr_keep_images} images"
        selection = {
          tagStatus   = "any"
          countType   = "imageCountMoreThan"
          countNumber = var.ecr_keep_images
        }
        action = { type = "expire" }
      },
    ]
  })
}

data "aws_iam_policy_document" "sagemaker_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["sagemaker.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "sagemaker" {
  name               = "${var.name_prefix}-sagemaker-training"
  description        = "Execution role of the ${var.name_prefix} SageMaker training jobs"
  assume_role_policy = data.aws_iam_policy_document.sagemaker_assume.json
}

data "aws_iam_policy_document" "sagemaker" {
  statement {
    sid       = "ReadTrainingData"
    actions   = ["s3:GetObject"]
    resources = ["${local.bucket_arn}/${local.bucket_prefixes.training_data}*"]
  }

  statement {
    sid       = "ListTrainingData"
    actions   = ["s3:ListBucket"]
    resources = [local.bucket_arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${local.bucket_prefixes.training_data}*"]
    }
  }

  # Training jobs write model.tar.gz and output.tar.gz under training-data/<run_id>/output/; the registry
  # function verifies and copies the model to models/classifier/<version>/.
  statement {
    sid       = "WriteTrainingOutput"
    actions   = ["s3:PutObject", "s3:AbortMultipartUpload"]
    resources = ["${local.bucket_arn}/${local.bucket_prefixes.training_data}*/output/*"]
  }

  statement {
    sid       = "BucketKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.data.arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.${local.region}.amazonaws.com"]
    }
  }

  # Training volume and output encrypted with the data key (VolumeKmsKeyId,
  # OutputDataConfig.KmsKeyId of the job).
  statement {
    sid       = "TrainingVolumeKey"
    actions   = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.data.arn]
  }

  statement {
    sid       = "TrainingVolumeGrant"
    actions   = ["kms:CreateGrant"]
    resources = [aws_kms_key.data.arn]

    condition {
      test     = "Bool"
      variable = "kms:GrantIsForAWSResource"
      values   = ["true"]
    }
  }

  statement {
    sid = "PullTrainerImage"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer",
    ]
    resources = [aws_ecr_repository.trainer.arn]
  }

  # ecr:GetAuthorizationToken has no resource-level permissions: AWS requires "*".
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "TrainingJobLogs"
    actions = [
      "logs:CreateLogGroup",
      "logs:CreateLogStream",
      "logs:DescribeLogStreams",
      "logs:PutLogEvents",
    ]
    resources = [
      aws_cloudwatch_log_group.sagemaker.arn,
      "${aws_cloudwatch_log_group.sagemaker.arn}:*",
    ]
  }

  # cloudwatch:PutMetricData has no resource-level permissions: AWS requires
  # "*"; narrowed to SageMaker's namespace.
  statement {
    sid       = "TrainingJobMetrics"
    actions   = ["cloudwatch:PutMetricData"]
    resources = ["*"]

    condition {
      test     = "StringLike"
      variable = "cloudwatch:namespace"
      values   = ["/aws/sagemaker/*"]
    }
  }
}

# SageMaker writes training job logs here; managed so that it has a
# retention and the logs key (it would otherwise be created on the first job,
# kept for ever and unencrypted by the stack's key). An account that already
# has it: terraform import aws_cloudwatch_log_group.sagemaker /aws/sagemaker/TrainingJobs
resource "aws_cloudwatch_log_group" "sagemaker" {
  name              = local.sagemaker_log_group_name
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.logs.arn
}

resource "aws_iam_role_policy" "sagemaker" {
  name   = "training-job"
  role   = aws_iam_role.sagemaker.id
  policy = data.aws_iam_policy_document.sagemaker.json
}
