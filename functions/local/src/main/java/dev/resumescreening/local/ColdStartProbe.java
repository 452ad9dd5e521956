package dev.resumescreening.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.resumescreening.config.Contract;
import dev.resumescreening.functions.upload.UploadHandler;
import dev.resumescreening.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Run in a fresh JVM by the bench: builds the upload function exactly as Lambda would (no-argument constructor,
 * settings from the environment) and handles one upload event, then prints its status.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {}

    public static void main(String[] args) {
        UploadHandler handler = new UploadHandler();
        String jobId = args[0];
        // a new file each run: the same bytes again would be answered as a duplicate, without screening
        String resumeText = "Experienced engineer with Java, AWS Lambda, DynamoDB and distributed systems skills."
                + " Reference " + UUID.randomUUID();
        String body = Json.write(Map.of(
                "job_id",
                jobId,
                "candidate_name",
                "Cold Start",
                "file_name",
                "probe.txt",
                "content_base64",
                Base64.getEncoder().encodeToString(resumeText.getBytes(StandardCharsets.UTF_8))));
        RouteTable.Match match = RouteTable.fromContract()
                .match("POST", "/api/v1/screening/upload-resume")
                .orElseThrow(
                        () -> new IllegalStateException("upload route missing from " + Contract.class.getSimpleName()));
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.event(
                match,
                "POST",
                "/api/v1/screening/upload-resume",
                "",
                Map.of("content-type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        System.out.println("handled " + response.getStatusCode());
    }
}
