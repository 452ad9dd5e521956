# Data bucket: resumes/, text/, exports/, models/classifier/, logs/training/,
# training-data/, uploads/ (prefixes from the contract). Encrypted with the stack's
# customer managed KMS key (keys.tf), versioned, private, TLS only, PUTs only
# with that key, server access logs in a separate bucket (access_logs.tf).

resource "aws_s3_bucket" "data" {
  bucket        = local.bucket_name
  force_destroy = var.force_destroy
}

resource "aws_s3_bucket_ownership_controls" "data" {
  bucket = aws_s3_bucket.data.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket = aws_s3_bucket.data.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "data" {
  bucket = aws_s3_bucket.data.id

  # Training exports are re-created on every run.
  rule {
    id     = "expire-exports"
    status = "Enabled"

    filter {
      prefix = local.bucket_prefixes.exports
    }

    expiration {
      days = var.exports_expiration_days
    }
  }

  # The training data a run gathers (ids, labels and term vectors of reviewed resumes): kept long enough to retrain
  # from it or audit a run, not for ever, so an erased or expired candidate leaves these copies too.
  rule {
    id     = "expire-training-data"
    status = "Enabled"

    filter {
      prefix = local.bucket_prefixes.training_data
    }

    expiration {
      days = var.training_data_expiration_days
    }
  }

  # logs/ (training logs live under logs/training/).
  rule {
    id     = "expire-logs"
    status = "Enabled"

    filter {
      prefix = "logs/"
    }

    expiration {
      days = var.logs_expiration_days
    }
  }

  # Files the browser put through presigned URLs (too large for an API
  # request), staged until the upload function screens and removes them;
  # what is never screened (or an old version left by a delete) goes after a day.
  rule {
    id     = "expire-uploads"
    status = "Enabled"

    filter {
      prefix = local.bucket_prefixes.uploads
    }

    expiration {
      days = 1
    }

    noncurrent_version_expiration {
      noncurrent_days = 1
    }
  }

  rule {
    id     = "housekeeping"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_expiration_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  # Lifecycle rules on a versioned bucket need versioning configured first.
  depends_on = [aws_s3_bucket_versioning.data]
}

# The web app (served by the edge distribution, the API's origin too) PUTs
# large files straight to presigned URLs: that origin only, PUT only, with
# the headers signed into the URL.
resource "aws_s3_bucket_cors_configuration" "data" {
  bucket = aws_s3_bucket.data.id

  cors_rule {
    allowed_origins = [trimsuffix(local.app_url, "/")]
    allowed_methods = ["PUT"]
    allowed_headers = [
      "content-type",
      "x-amz-server-side-encryption",
      "x-amz-server-side-encryption-aws-kms-key-id",
    ]
    expose_headers  = ["ETag"]
    max_age_seconds = 3000
  }
}

data "aws_iam_policy_document" "bucket_tls_only" {
  count = var.enforce_tls_bucket_policy ? 1 : 0

  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      local.bucket_arn,
      "${local.bucket_arn}/*",
    ]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  # PUTs (and copies) that name an encryption other than SSE-KMS, or another
  # KMS key, are refused; a PUT naming none gets the default encryption above,
  # i.e. the stack's key. Every object is therefore encrypted with that key.
  statement {
    sid       = "DenyOtherKmsKey"
    effect    = "Deny"
    actions   = ["s3:PutObject"]
    resources = ["${local.bucket_arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "StringNotEqualsIfExists"
      variable = "s3:x-amz-server-side-encryption-aws-kms-key-id"
      values   = [aws_kms_key.data.arn]
    }
  }

  statement {
    sid       = "DenyOtherEncryption"
    effect    = "Deny"
    actions   = ["s3:PutObject"]
    resources = ["${local.bucket_arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "StringNotEqualsIfExists"
      variable = "s3:x-amz-server-side-encryption"
      values   = ["aws:kms"]
    }
  }
}

resource "aws_s3_bucket_policy" "data" {
  count = var.enforce_tls_bucket_policy ? 1 : 0

  bucket = aws_s3_bucket.data.id
  policy = data.aws_iam_policy_document.bucket_tls_only[0].json

  # Putting a policy while the public access block is still being created can fail.
  depends_on = [aws_s3_bucket_public_access_block.data]
}
