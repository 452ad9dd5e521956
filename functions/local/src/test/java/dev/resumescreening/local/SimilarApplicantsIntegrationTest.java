package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.embedding.LexicalEmbedder;
import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.json.Json;
import dev.resumescreening.screening.SimilarityModel;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Once a job has ten earlier scored applicants, an upload's score is the mean of its own score and the mean score of
 * the ten whose resumes are most like it, and the result says so (through the HTTP upload and both emulators).
 */
class SimilarApplicantsIntegrationTest {
    private static final String DESCRIPTION = "Cost accountant for a manufacturing plant: product costing, standard"
            + " costs, variance analysis, month-end close, journals, balance sheet reconciliations and forecasts";
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
    void anUploadIsBlendedWithTheTenEarlierApplicantsMostLikeIt() throws Exception {
        String job = stack.createJob("Cost accountant", DESCRIPTION);
        List<String> earlier = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            earlier.add(
                    stack.uploadText(
                            job,
                            "accountant-" + i + ".txt",
                            "Cost accountant " + "ab".repeat(i + 1)
                                    + ": product costing, variances, month-end close, journals and reconciliations at a plant"));
            earlier.add(stack.uploadText(
                    job,
                    "engineer-" + i + ".txt",
                    "Production engineer " + "cd".repeat(i + 1)
                            + ": machining lines, tooling, lean production, maintenance planning on the plant floor"));
        }
        JsonNode tenth = result(earlier.get(9));
        assertEquals(0, tenth.get("explanation").get("similar_applicants").asInt(), "nine earlier applicants");
        assertEquals(
                tenth.get("score").asDouble(),
                tenth.get("explanation").get("own_score").asDouble(),
                1e-9);
        assertTrue(tenth.get("explanation").get("similar_applicants_score").isNull());
        assertEquals(
                0, tenth.get("explanation").get("similar_applicants_weight").asDouble());

        String text = "Accountant at a metal parts plant: worked beside production managers on the machining lines"
                + " and tooling budgets; kept the general ledger, journals and the month-end close";
        JsonNode uploaded = result(stack.uploadText(job, "plant-accountant.txt", text));

        TermVector resume =
                stack.resumeEmbedding(uploaded.get("screening_result_id").asText());
        TermVector jobVector =
                jobVector(job, uploaded.get("explanation").get("job_scale").asDouble());
        double own = LEXICAL.probabilityOf(resume.dot(jobVector));
        double similarMean = earlier.stream()
                .map(stack::resumeEmbedding)
                .sorted(Comparator.comparingDouble((TermVector applicant) -> -applicant.dot(resume)))
                .limit(10)
                .mapToDouble(applicant -> LEXICAL.probabilityOf(applicant.dot(jobVector)))
                .average()
                .orElseThrow();
        JsonNode explanation = uploaded.get("explanation");
        assertEquals(10, explanation.get("similar_applicants").asInt());
        assertEquals(100 * own, explanation.get("own_score").asDouble(), 0.006);
        assertEquals(
                100 * similarMean, explanation.get("similar_applicants_score").asDouble(), 0.006);
        assertEquals(
                0.7, explanation.get("similar_applicants_weight").asDouble(), "the applicants' share of the score");
        assertEquals(30 * own + 70 * similarMean, uploaded.get("score").asDouble(), 0.006);
        assertTrue(
                Math.abs(own - similarMean) > 0.05,
                "the case must tell a blend from the own score: " + own + " / " + similarMean);
    }

    private static JsonNode result(String resultId) throws Exception {
        HttpResponse<String> response = stack.get("/api/v1/screening/result/" + resultId);
        assertEquals(200, response.statusCode(), response.body());
        return Json.read(response.body());
    }

    private static TermVector jobVector(String jobId, double scale) {
        return stack.environment.app().jobs().find(jobId).embedding().scaled(scale);
    }
}
