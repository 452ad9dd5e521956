package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resumescreening.config.Settings;
import dev.resumescreening.json.Json;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The screening and review path against LocalStack in a container. Runs where a Docker engine is available and is
 * skipped, saying so, where it is not. The image is pinned to a version that runs without an auth token.
 */
class LocalStackIntegrationTest {
    static final DockerImageName LOCALSTACK = DockerImageName.parse("localstack/localstack:3.8.1");

    @Test
    void screensAndReviewsAgainstLocalStack() throws Exception {
        assumeTrue(
                DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine found: the LocalStack profile is skipped (the same tests run on the embedded "
                        + "emulators and, in CI, on moto)");
        try (LocalStackContainer localstack = new LocalStackContainer(LOCALSTACK)
                .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.S3)) {
            localstack.start();
            System.setProperty("aws.accessKeyId", localstack.getAccessKey());
            System.setProperty("aws.secretAccessKey", localstack.getSecretKey());
            try (TestStack stack = TestStack.start(
                    Map.of(Settings.REGION, localstack.getRegion()),
                    localstack.getEndpoint().toString())) {
                String jobId = stack.createJob(
                        "Backend Java Engineer",
                        Files.readString(TestStack.samples().resolve("jobs/backend-java-engineer.txt")));
                HttpResponse<String> upload = stack.uploadFile(
                        jobId,
                        "priya.pdf",
                        Files.readAllBytes(TestStack.samples().resolve("resumes/priya-nair-java.pdf")));
                assertEquals(201, upload.statusCode(), upload.body());
                String resultId =
                        Json.read(upload.body()).get("screening_result_id").asText();
                assertEquals(
                        200,
                        stack.postJson(
                                        "/api/v1/feedback/submit",
                                        Map.of("screening_result_id", resultId, "human_decision", "shortlist"))
                                .statusCode());
                assertEquals(
                        1,
                        Json.read(stack.get("/api/v1/feedback/training-status").body())
                                .get("total_samples")
                                .asInt());
            }
        }
    }
}
