package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.adapters.dynamodb.DynamoJobRepository;
import dev.resumescreening.adapters.dynamodb.PageTokens;
import dev.resumescreening.embedding.LexicalEmbedder;
import dev.resumescreening.json.Json;
import dev.resumescreening.ports.JobRepository.StoredJob;
import dev.resumescreening.screening.SimilarityModel;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every scored upload counts in its job's applicant similarity, and uploads are scored with the job scaled by it. */
class ApplicantSimilarityIntegrationTest {
    private static final String DESCRIPTION = "Payroll accountant: payroll runs, general ledger, reconciliations,"
            + " month-end close and audit support for a logistics group";
    private static final double TYPICAL =
            SimilarityModel.forEmbedder(LexicalEmbedder.NAME).typicalApplicantCosine();
    private static final SimilarityModel LEXICAL = SimilarityModel.forEmbedder(LexicalEmbedder.NAME);
    private static TestStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = TestStack.start(Map.of());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void scoredUploadsMoveTheJobsApplicantSimilarityAndUnscoredOnesDoNot() throws Exception {
        String job = stack.createJob("Payroll accountant", DESCRIPTION);
        String[] resumes = {
            "Accountant: payroll and general ledger, month-end close, reconciliations",
            "Barista: espresso, latte art, opening and closing the shop",
            "Warehouse operative: picking, packing, forklift licence"
        };
        double expectedSum = 0;
        StoredJob before = jobs().find(job).orElseThrow();
        List<String> resultIds = new ArrayList<>();
        for (int i = 0; i < resumes.length; i++) {
            resultIds.add(stack.uploadText(job, "resume-" + i + ".txt", resumes[i]));
            expectedSum += stack.resumeEmbedding(resultIds.get(i)).dot(before.embedding());
        }
        JsonNode first = Json.read(
                stack.get("/api/v1/screening/result/" + resultIds.get(0)).body());
        assertEquals(
                1.0, first.get("explanation").get("job_scale").asDouble(), "a job without applicants is as written");
        HttpResponse<String> unscored =
                stack.uploadFile(job, "symbols.txt", "!!! ?? ...".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, unscored.statusCode(), unscored.body());
        assertTrue(Json.read(unscored.body()).get("score").isNull(), unscored.body());

        StoredJob after = jobs().find(job).orElseThrow();
        assertEquals(3, after.applicants().count());
        assertTrue(expectedSum > 0);
        assertEquals(expectedSum, after.applicants().cosineSum(), 1e-6);
    }

    @Test
    void anUploadIsScoredWithItsJobsCosinesScaledByItsApplicants() throws Exception {
        String job = stack.createJob("Payroll accountant", DESCRIPTION);
        // a thousand applicants before this one, at half the typical cosine: the job's cosines are doubled, nearly
        stack.addApplicants(job, 1000, 1000 * TYPICAL / 2);
        // a resume near this job's typical applicant: rejected at the job's own cosine, shortlisted at twice it
        String text = "Office administrator: filing, scheduling, customer calls, data entry, invoices and payroll"
                + " queries, travel bookings, stationery orders, meeting minutes";
        HttpResponse<String> response =
                stack.uploadFile(job, "administrator.txt", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, response.statusCode(), response.body());

        StoredJob stored = jobs().find(job).orElseThrow();
        double cosine = stack.resumeEmbedding(
                        Json.read(response.body()).get("screening_result_id").asText())
                .dot(stored.embedding());
        double scale = TYPICAL / ((1000 * TYPICAL / 2 + 20 * TYPICAL) / 1020);
        double scaled = 100 * LEXICAL.probabilityOf(scale * cosine);
        double unscaled = 100 * LEXICAL.probabilityOf(cosine);
        assertTrue(scaled > 50 && unscaled < 50, "the case must tell the two apart: " + scaled + " / " + unscaled);
        JsonNode result = Json.read(response.body());
        assertEquals(scaled, result.get("score").asDouble(), 0.006);
        assertEquals(scale, result.get("explanation").get("job_scale").asDouble(), 1e-9, "the result says so");
        JsonNode reread = Json.read(stack.get("/api/v1/screening/result/"
                        + result.get("screening_result_id").asText())
                .body());
        assertEquals(scale, reread.get("explanation").get("job_scale").asDouble(), 1e-9);
    }

    /** The job read from its table and counters item as an upload reads it, without the upload path's cache. */
    private static DynamoJobRepository jobs() {
        return new DynamoJobRepository(
                stack.environment.app().dynamoDb(),
                stack.environment.settings().tableName("jobs"),
                PageTokens.fromSetting(null),
                stack.environment.settings().tableName("training_counters"));
    }
}
