package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.adapters.dynamodb.DynamoJobRepository;
import dev.resumescreening.adapters.dynamodb.DynamoResultRepository;
import dev.resumescreening.adapters.dynamodb.PageTokens;
import dev.resumescreening.embedding.LexicalEmbedder;
import dev.resumescreening.ports.DocumentStore;
import dev.resumescreening.ports.ResultRepository;
import dev.resumescreening.screening.JobService;
import dev.resumescreening.screening.ResumeUpload;
import dev.resumescreening.screening.ScreeningService;
import dev.resumescreening.screening.SimilarityModel;
import dev.resumescreening.screening.StagedUploads;
import dev.resumescreening.text.DocumentTextExtractor;
import dev.resumescreening.text.PersonalDetailsRedactor;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * When saving the result fails after the files were written (here: its table is missing), the files go too, so no
 * stored file is left that no result points at.
 */
class OrphanCleanupIntegrationTest {
    @Test
    void aFailedResultWriteRemovesTheStoredFiles() throws Exception {
        try (TestStack stack = TestStack.start(Map.of())) {
            String jobId = stack.createJob("Java", "Java engineer on AWS");
            var settings = stack.environment.settings();
            ResultRepository missingTable = new DynamoResultRepository(
                    stack.environment.app().dynamoDb(),
                    "no-such-table-" + jobId,
                    new PageTokens(new byte[32]),
                    settings.tableName("self_identification"),
                    settings.tableName("upload_claims"),
                    settings.tableName("training_counters"));
            LexicalEmbedder embedder = new LexicalEmbedder();
            JobService jobs = new JobService(
                    new DynamoJobRepository(
                            stack.environment.app().dynamoDb(),
                            stack.environment.settings().tableName("jobs")),
                    embedder,
                    Clock.systemUTC());
            DocumentStore s3 = stack.environment.app().documents();
            List<String> stored = new CopyOnWriteArrayList<>();
            DocumentStore recording = new DocumentStore() {
                @Override
                public void put(String key, byte[] content, String contentType) {
                    s3.put(key, content, contentType);
                    // the file really is in the bucket before the result write fails
                    assertTrue(s3.get(key).isPresent(), key);
                    stored.add(key);
                }

                @Override
                public Optional<byte[]> get(String key) {
                    return s3.get(key);
                }

                @Override
                public void delete(String key) {
                    s3.delete(key);
                }

                @Override
                public void deleteEveryVersion(String key) {
                    s3.deleteEveryVersion(key);
                }

                @Override
                public URI temporaryUrl(String key, Duration lifetime) {
                    return s3.temporaryUrl(key, lifetime);
                }

                @Override
                public PresignedUpload temporaryUploadUrl(
                        String key, String contentType, long size, Duration lifetime) {
                    return s3.temporaryUploadUrl(key, contentType, size, lifetime);
                }

                @Override
                public Optional<StoredObject> read(String key, long maxBytes) {
                    return s3.read(key, maxBytes);
                }

                @Override
                public void putStream(String key, InputStream content, String contentType) {
                    s3.putStream(key, content, contentType);
                }
            };
            ScreeningService screening = new ScreeningService(
                    jobs,
                    missingTable,
                    recording,
                    new DocumentTextExtractor(30),
                    new PersonalDetailsRedactor(),
                    embedder,
                    resultId -> SimilarityModel.forEmbedder(embedder.name()),
                    new StagedUploads(jobs, recording, Clock.systemUTC(), 10_000_000),
                    stack.environment.app().similarApplicants(),
                    Clock.systemUTC());

            assertThrows(
                    ResourceNotFoundException.class,
                    () -> screening.screen(new ResumeUpload(
                            jobId, "A", "cv.txt", "text/plain", "Java engineer".getBytes(StandardCharsets.UTF_8))));

            assertEquals(2, stored.size(), stored.toString());
            assertTrue(stored.stream().anyMatch(k -> k.startsWith("resumes/" + jobId + "/")), stored.toString());
            assertTrue(stored.stream().anyMatch(k -> k.startsWith("text/" + jobId + "/")), stored.toString());
            for (String key : stored) {
                assertTrue(s3.get(key).isEmpty(), key + " was left behind");
            }
            assertEquals(0, stack.objectCount("resumes/" + jobId));
            assertEquals(0, stack.objectCount("text/" + jobId));
        }
    }
}
