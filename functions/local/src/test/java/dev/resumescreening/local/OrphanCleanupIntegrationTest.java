package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resumescreening.adapters.dynamodb.DynamoJobRepository;
import dev.resumescreening.adapters.dynamodb.DynamoResultRepository;
import dev.resumescreening.adapters.s3.S3DocumentStore;
import dev.resumescreening.embedding.LexicalEmbedder;
import dev.resumescreening.ports.ResultRepository;
import dev.resumescreening.screening.JobService;
import dev.resumescreening.screening.ResumeUpload;
import dev.resumescreening.screening.ScreeningService;
import dev.resumescreening.screening.SimilarityModel;
import dev.resumescreening.text.DocumentTextExtractor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When saving the result fails after the files were written (here: its table is missing), the files go too, so no
 * stored file is left that no result points at.
 */
class OrphanCleanupIntegrationTest {
    @Test
    void aFailedResultWriteRemovesTheStoredFiles() throws Exception {
        try (TestStack stack = TestStack.start(Map.of())) {
            String jobId = stack.createJob("Java", "Java engineer on AWS");
            ResultRepository missingTable = new DynamoResultRepository(stack.environment.app().dynamoDb(),
                    "no-such-table-" + jobId);
            LexicalEmbedder embedder = new LexicalEmbedder();
            JobService jobs = new JobService(new DynamoJobRepository(stack.environment.app().dynamoDb(),
                    stack.environment.settings().tableName("jobs")), embedder, Clock.systemUTC());
            ScreeningService screening = new ScreeningService(jobs, missingTable,
                    new S3DocumentStore(stack.environment.app().s3(), stack.environment.settings().bucket()),
                    new DocumentTextExtractor(30), embedder, resultId -> SimilarityModel.forEmbedder(embedder.name()),
                    Clock.systemUTC());

            assertThrows(RuntimeException.class, () -> screening.screen(new ResumeUpload(jobId, "A", "cv.txt",
                    "text/plain", "Java engineer".getBytes(StandardCharsets.UTF_8))));

            assertEquals(0, stack.objectCount("resumes/" + jobId));
            assertEquals(0, stack.objectCount("text/" + jobId));
        }
    }
}
