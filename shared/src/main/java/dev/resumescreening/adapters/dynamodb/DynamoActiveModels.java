package dev.resumescreening.adapters.dynamodb;

import static dev.resumescreening.adapters.dynamodb.Attributes.s;
import static dev.resumescreening.adapters.dynamodb.Attributes.string;

import dev.resumescreening.ports.ActiveModels;
import dev.resumescreening.screening.SimilarityModel;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Reads the live model pointer from the models table (record pointer/active). */
public final class DynamoActiveModels implements ActiveModels {
    public static final String POINTER_TYPE = "pointer";
    public static final String ACTIVE_ID = "active";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoActiveModels(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public String activeVersion() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("record_type", s(POINTER_TYPE), "record_id", s(ACTIVE_ID)))).item();
        String champion = item == null ? null : string(item, "champion_version");
        return champion == null ? SimilarityModel.VERSION : champion;
    }
}
