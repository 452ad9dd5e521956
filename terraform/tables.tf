# One DynamoDB table per contract table, with its key schema, GSIs and TTL.

resource "aws_dynamodb_table" "this" {
  for_each = local.tables

  name         = local.table_names[each.key]
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = each.value.hash_key
  range_key    = try(each.value.range_key, null)

  deletion_protection_enabled = var.table_deletion_protection

  dynamic "attribute" {
    for_each = each.value.attributes
    content {
      name = attribute.key
      type = attribute.value
    }
  }

  dynamic "global_secondary_index" {
    for_each = { for idx in each.value.indexes : idx.name => idx }
    content {
      name               = global_secondary_index.key
      hash_key           = global_secondary_index.value.hash_key
      range_key          = try(global_secondary_index.value.range_key, null)
      projection_type    = try(global_secondary_index.value.projection, "ALL")
      non_key_attributes = try(global_secondary_index.value.non_key_attributes, null)
    }
  }

  dynamic "ttl" {
    for_each = try(each.value.ttl_attribute, null) == null ? [] : [each.value.ttl_attribute]
    content {
      attribute_name = ttl.value
      enabled        = true
    }
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }

  # Every table holds or points to personal data (resume text, scores,
  # reviews): the stack's customer managed key (keys.tf), whose policy names
  # who may use it.
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.data.arn
  }
}
