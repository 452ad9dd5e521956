package dev.resumescreening.functions.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.training.TrainingRequest;

/**
 * Reads what invoked the function: an EventBridge scheduled event (train if due) or a direct invoke
 * {@code {"dry_run","force","min_samples","run_id"}} (the trigger API sends the run id it queued).
 */
final class TrainingRequests {
    private TrainingRequests() {}

    static TrainingRequest parse(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new IllegalArgumentException("the event must be a JSON object");
        }
        if (event.has("detail-type") || "aws.events".equals(event.path("source").asText())) {
            return new TrainingRequest(false, false, null, null, TrainingRequest.SCHEDULE);
        }
        String runId = text(event, "run_id");
        return new TrainingRequest(
                flag(event, "dry_run"),
                flag(event, "force"),
                minSamples(event),
                runId,
                runId == null ? TrainingRequest.DIRECT : TrainingRequest.API);
    }

    private static boolean flag(JsonNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false");
        }
        return value.booleanValue();
    }

    private static Integer minSamples(JsonNode event) {
        JsonNode value = event.get("min_samples");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 1) {
            throw new IllegalArgumentException("min_samples must be a whole number >= 1");
        }
        return value.intValue();
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
