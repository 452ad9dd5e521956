package dev.resumescreening.functions.compliance;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.compliance.ErasureService;
import dev.resumescreening.di.AppComponent;
import dev.resumescreening.json.Json;
import dev.resumescreening.lambda.HttpApiAdapter;
import dev.resumescreening.maintenance.IndexKeyBackfill;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compliance function. API Gateway requests (they carry a {@code routeKey}) for its admin routes (erasure,
 * adverse-impact report, audit export); the daily EventBridge schedule ({@code "source": "aws.events"}) runs the
 * retention sweep and, until it has completed once, the backfill of the index keys of records from older releases.
 */
public final class ComplianceHandler implements RequestStreamHandler {
    public static final String FUNCTION = "compliance";

    private final HttpApiAdapter api;
    private final ErasureService erasure;
    private final IndexKeyBackfill indexKeyBackfill;

    public ComplianceHandler() {
        this(AppComponent.fromEnvironment());
    }

    public ComplianceHandler(AppComponent app) {
        this.api = new HttpApiAdapter(FUNCTION, app.complianceApi().routes());
        this.erasure = app.erasure();
        this.indexKeyBackfill = app.indexKeyBackfill();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        if (api.answerIfRequest(event, output, context == null ? null : context.getAwsRequestId())) {
            return;
        }
        if (event == null || !"aws.events".equals(event.path("source").asText())) {
            throw new IllegalArgumentException("expected an API Gateway request or a scheduled EventBridge event");
        }
        output.write(Json.writeBytes(scheduledRun()));
    }

    public APIGatewayV2HTTPResponse handleApi(APIGatewayV2HTTPEvent event) {
        return api.handle(event);
    }

    /** The daily run: the retention sweep, then the index-key backfill unless it was recorded as done. */
    public Map<String, Object> scheduledRun() {
        Map<String, Object> outcome = sweep();
        outcome.put("index_keys_backfilled", indexKeyBackfill.backfillOnce().orElse(null));
        return outcome;
    }

    /** The retention sweep: erases results older than RETENTION_DAYS (none when it is 0). */
    public Map<String, Object> sweep() {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("retention_days", erasure.retentionDays());
        outcome.put("erased", erasure.sweepRetention());
        return outcome;
    }
}
