package dev.resumescreening.functions.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.resumescreening.config.Settings;
import dev.resumescreening.di.AwsModule;
import dev.resumescreening.json.Json;
import dev.resumescreening.model.Hyperparameters;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SageMaker launch against a local HTTP stub that answers CreateTrainingJob as SageMaker does (JSON 1.1
 * protocol); it also proves the SageMaker client runs on the project's SDK core.
 */
class SageMakerTrainingTest {
    private HttpServer stub;
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            requests.add(Json.read(exchange.getRequestBody().readAllBytes()));
            byte[] body = "{\"TrainingJobArn\":\"arn:aws:sagemaker:us-east-1:123456789012:training-job/x\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private SageMakerTraining training(String image, String role) {
        return training(image, role, "");
    }

    private SageMakerTraining training(String image, String role, String kmsKey) {
        Settings settings = Settings.of(Map.of(
                "AWS_ENDPOINT_URL_SAGEMAKER",
                "http://127.0.0.1:" + stub.getAddress().getPort(),
                "TRAINER_IMAGE_URI",
                image,
                "SAGEMAKER_ROLE_ARN",
                role,
                "TRAINING_JOB_PREFIX",
                "resume-screening",
                "SAGEMAKER_VOLUME_KMS_KEY",
                kmsKey,
                "SAGEMAKER_OUTPUT_KMS_KEY",
                kmsKey));
        return SageMakerTraining.create(settings, AwsModule.httpClient(), Hyperparameters.defaults());
    }

    @Test
    void launchesATrainingJobUnderTheSageMakerContract() {
        String jobName = training(
                        "123456789012.dkr.ecr.us-east-1.amazonaws.com/trainer:abc",
                        "arn:aws:iam::123456789012:role/sagemaker")
                .launch(
                        "run-20261126-1",
                        "auto-1",
                        "s3://bucket/training-data/run-20261126-1/",
                        "s3://bucket/training-data/run-20261126-1/output/");

        assertEquals("SageMaker.CreateTrainingJob", targets.get(0));
        JsonNode request = requests.get(0);
        assertEquals(jobName, request.get("TrainingJobName").asText());
        assertTrue(jobName.startsWith("resume-screening"), jobName);
        assertEquals(
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/trainer:abc",
                request.get("AlgorithmSpecification").get("TrainingImage").asText());
        assertEquals(
                "arn:aws:iam::123456789012:role/sagemaker",
                request.get("RoleArn").asText());
        JsonNode channel = request.get("InputDataConfig").get(0);
        assertEquals("train", channel.get("ChannelName").asText());
        assertEquals(
                "s3://bucket/training-data/run-20261126-1/",
                channel.get("DataSource").get("S3DataSource").get("S3Uri").asText());
        assertEquals(
                "s3://bucket/training-data/run-20261126-1/output/",
                request.get("OutputDataConfig").get("S3OutputPath").asText());
        assertEquals(
                "auto-1", request.get("HyperParameters").get("model_version").asText());
        assertEquals("50", request.get("HyperParameters").get("epochs").asText());
        assertTrue(request.get("EnableNetworkIsolation").asBoolean(), "network isolation");
        assertNull(request.get("ResourceConfig").get("VolumeKmsKeyId"), "no volume key configured");
        assertNull(request.get("OutputDataConfig").get("KmsKeyId"), "no output key configured");
    }

    @Test
    void encryptsVolumeAndOutputWithTheConfiguredKeys() {
        training(
                        "123456789012.dkr.ecr.us-east-1.amazonaws.com/trainer:abc",
                        "arn:aws:iam::123456789012:role/sagemaker",
                        KEY)
                .launch(
                        "run-20261126-2",
                        "auto-2",
                        "s3://bucket/training-data/run-20261126-2/",
                        "s3://bucket/training-data/run-20261126-2/output/");

        JsonNode request = requests.get(0);
        assertTrue(request.get("EnableNetworkIsolation").asBoolean(), "network isolation");
        assertEquals(KEY, request.get("ResourceConfig").get("VolumeKmsKeyId").asText());
        assertEquals(KEY, request.get("OutputDataConfig").get("KmsKeyId").asText());
    }

    @Test
    void refusesToLaunchWithoutImageAndRole() {
        assertThrows(
                IllegalStateException.class, () -> training("", "").launch("run-2", "v", "s3://b/d/", "s3://b/o/"));
        assertEquals(0, targets.size());
    }
}
