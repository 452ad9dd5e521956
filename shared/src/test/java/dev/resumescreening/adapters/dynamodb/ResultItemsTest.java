package dev.resumescreening.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.resumescreening.domain.Decision;
import dev.resumescreening.domain.Explanation;
import dev.resumescreening.domain.ScreeningResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A result's explanation keeps how its score was blended, and results stored before it said so still do. */
class ResultItemsTest {
    private static final Explanation BLENDED =
            Explanation.ofTerms(List.of("ledger"), List.of("audit")).scored(1.25, 40.0, 10, 80.0, 0.7);

    @Test
    void keepsTheSimilarApplicantsWeightOfABlendedScore() {
        Explanation read = ResultItems.fromItem(ResultItems.toItem(result(BLENDED, 68.0), 50, null))
                .explanation();

        assertEquals(BLENDED, read);
        assertEquals(68.0, 0.3 * read.ownScore() + 0.7 * read.similarApplicantsScore(), 1e-9);
    }

    @Test
    void readsAScoreBlendedBeforeTheWeightWasRecordedAsAnEvenBlend() {
        Map<String, AttributeValue> item = new HashMap<>(ResultItems.toItem(result(BLENDED, 60.0), 50, null));
        Map<String, AttributeValue> explanation =
                new HashMap<>(item.get("explanation").m());
        explanation.remove("similar_applicants_weight");
        item.put("explanation", AttributeValue.fromM(explanation));

        Explanation read = ResultItems.fromItem(item).explanation();

        assertEquals(0.5, read.similarApplicantsWeight());
        assertEquals(60.0, 0.5 * read.ownScore() + 0.5 * read.similarApplicantsScore(), 1e-9);
    }

    @Test
    void aScoreNotBlendedWeighsNoSimilarApplicants() {
        Explanation alone = Explanation.ofTerms(List.of("ledger"), List.of()).scored(1.0, 40.0, 0, null, 0);

        Explanation read = ResultItems.fromItem(ResultItems.toItem(result(alone, 40.0), 50, null))
                .explanation();

        assertEquals(0, read.similarApplicantsWeight());
        assertEquals(alone, read);
    }

    private static ScreeningResult result(Explanation explanation, double score) {
        return new ScreeningResult(
                "result-1",
                "job-1",
                "Sam Taylor",
                score,
                score >= 50 ? Decision.SHORTLIST : Decision.REJECT,
                0.6,
                "0",
                "2026-11-28T00:00:00.000Z",
                new ScreeningResult.Document(
                        "cv.txt",
                        "text/plain",
                        "resumes/job-1/result-1.txt",
                        "text/job-1/result-1.txt",
                        true,
                        1,
                        1,
                        100),
                null,
                explanation,
                0);
    }
}
