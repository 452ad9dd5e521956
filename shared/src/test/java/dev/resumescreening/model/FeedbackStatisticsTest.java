package dev.resumescreening.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.embedding.LexicalEmbedder;
import dev.resumescreening.embedding.TermVector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackStatisticsTest {
    private static final LexicalEmbedder EMBEDDER = new LexicalEmbedder();
    static final TermVector JOB = EMBEDDER.embed("Backend Java engineer: Spring, SQL, AWS, microservices");
    private static final double STEEPNESS = 77;
    private static final TermVector CLEAR_MATCH =
            EMBEDDER.embed("Java Spring engineer: SQL, AWS, microservices and Kotlin");
    private static final TermVector CLEAR_MISMATCH = EMBEDDER.embed("Barista: espresso, latte art, pastry");
    private static final TermVector DOUBTFUL = EMBEDDER.embed("Python developer, some Java, Django and Flask");

    @Test
    void unreviewedResumesTheReviewsLeaveNoDoubtAboutJoinTheirSideAndTheOthersDoNot() {
        List<TrainingSample> reviewed = reviewed();
        FeedbackStatistics reviewedOnly = FeedbackStatistics.of(reviewed);
        // the scale's center at the doubtful resume's fixed score: its logit is 0, the others' beyond +-2
        double center = fixedScore(reviewedOnly, DOUBTFUL);
        assertTrue(STEEPNESS * (fixedScore(reviewedOnly, CLEAR_MATCH) - center) > FeedbackStatistics.CLEAR_LOGIT);
        assertTrue(STEEPNESS * (fixedScore(reviewedOnly, CLEAR_MISMATCH) - center) < -FeedbackStatistics.CLEAR_LOGIT);
        List<UnreviewedResume> unreviewed = List.of(
                new UnreviewedResume("u1", "job-1", CLEAR_MATCH, JOB),
                new UnreviewedResume("u2", "job-1", CLEAR_MISMATCH, JOB),
                new UnreviewedResume("u3", "job-1", DOUBTFUL, JOB),
                new UnreviewedResume("u4", "job-2", CLEAR_MATCH, JOB));

        FeedbackStatistics withUnreviewed =
                FeedbackStatistics.of(reviewed, new FeedbackStatistics.Unreviewed(unreviewed, center, STEEPNESS));

        assertArrayEquals(
                new int[] {1, 1},
                withUnreviewed.clearUnreviewed(),
                "the clear match and the clear mismatch; not the doubtful one, nor any of job-2, which has no"
                        + " rejected review to judge by");
        JobFeedback.Prototypes before = reviewedOnly.freeze().forJob("job-1").orElseThrow();
        JobFeedback.Prototypes after = withUnreviewed.freeze().forJob("job-1").orElseThrow();
        TermVector kotlin = EMBEDDER.embed("Kotlin");
        TermVector pastry = EMBEDDER.embed("pastry");
        TermVector django = EMBEDDER.embed("Django");
        assertEquals(0, before.shortlist().dot(kotlin), 1e-9);
        assertTrue(after.shortlist().dot(kotlin) > 0, "the clear match's words join the shortlisted prototype");
        assertTrue(after.reject().dot(pastry) > 0, "the clear mismatch's words join the rejected prototype");
        assertEquals(0, after.shortlist().dot(django) + after.reject().dot(django), 1e-9, "the doubtful one stays out");
        assertEquals(3, after.shortlisted(), "trust still counts reviews only");
        assertEquals(3, after.rejected(), "trust still counts reviews only");
        assertEquals(
                reviewedOnly.freeze().forJob("job-2"),
                withUnreviewed.freeze().forJob("job-2"),
                "a job with one kind of review only is left as it was");
    }

    @Test
    void withoutTheDayOneScaleNoUnreviewedResumeJoins() {
        List<TrainingSample> reviewed = reviewed();
        List<UnreviewedResume> unreviewed = List.of(
                new UnreviewedResume("u1", "job-1", CLEAR_MATCH, JOB),
                new UnreviewedResume("u2", "job-1", CLEAR_MISMATCH, JOB));
        Hyperparameters noWarmStart = Hyperparameters.defaults().withBaseline(0.09, 0);

        FeedbackStatistics statistics =
                FeedbackStatistics.of(reviewed, FeedbackStatistics.Unreviewed.judgedBy(unreviewed, noWarmStart));

        assertArrayEquals(new int[] {0, 0}, statistics.clearUnreviewed());
        assertEquals(FeedbackStatistics.of(reviewed).freeze(), statistics.freeze());
    }

    /** The trained model's fixed part, in cosine units: {@code cosine + FEEDBACK_WEIGHT * feedback}. */
    private static double fixedScore(FeedbackStatistics statistics, TermVector resume) {
        float[] features = statistics.outsideFeatures(new TrainingSample("probe", "job-1", resume, JOB, 0));
        return features[PairFeatures.COSINE] + FeedbackStatistics.FEEDBACK_WEIGHT * features[PairFeatures.FEEDBACK];
    }

    /** Three shortlisted and three rejected reviews of job-1 (whose description is {@link #JOB}), one of job-2. */
    static List<TrainingSample> reviewed() {
        List<TrainingSample> samples = new ArrayList<>();
        String[] shortlisted = {"Java Spring microservices", "Java SQL AWS engineer", "Spring Boot Java REST"};
        String[] rejected = {"Barista espresso latte", "Nurse patient care", "Accountant ledger audit"};
        for (int i = 0; i < 3; i++) {
            samples.add(new TrainingSample("p" + i, "job-1", EMBEDDER.embed(shortlisted[i]), JOB, 1));
            samples.add(new TrainingSample("n" + i, "job-1", EMBEDDER.embed(rejected[i]), JOB, 0));
        }
        samples.add(new TrainingSample("other", "job-2", EMBEDDER.embed("Java Spring"), JOB, 1));
        return samples;
    }
}
