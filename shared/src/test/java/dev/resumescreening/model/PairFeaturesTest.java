package dev.resumescreening.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.embedding.LexicalEmbedder;
import dev.resumescreening.embedding.TermVector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairFeaturesTest {
    private static final LexicalEmbedder EMBEDDER = new LexicalEmbedder();
    private static final TermVector JOB = FeedbackStatisticsTest.JOB;

    @Test
    void withoutFeedbackOnlyTheSimilarityCounts() {
        TermVector resume = EMBEDDER.embed("Java and Spring developer, SQL");
        float[] features = PairFeatures.of(resume, JOB, null);
        assertArrayEquals(new float[] {(float) resume.dot(JOB), 0f, 0f}, features);
        assertTrue(features[PairFeatures.COSINE] > 0.1);
    }

    @Test
    void feedbackIsTrustedAsBothKindsOfReviewAccumulate() {
        float[] one = PairFeatures.of(0.2, 1, 40, 0.5, 0.1);
        float[] ten = PairFeatures.of(0.2, 10, 40, 0.5, 0.1);
        assertEquals(1f / 6, one[2], 1e-6);
        assertEquals(10f / 15, ten[2], 1e-6);
        assertEquals(0.4f * 10 / 15, ten[PairFeatures.FEEDBACK], 1e-6);
        assertArrayEquals(
                new float[] {0.2f, 0f, 0f},
                PairFeatures.of(0.2, 0, 40, 0.5, 0.1),
                "no shortlisted review: nothing to compare with");
    }

    @Test
    void aPairsOwnReviewIsLeftOutOfItsJobsPrototypes() {
        List<TrainingSample> samples = FeedbackStatisticsTest.reviewed();
        FeedbackStatistics all = FeedbackStatistics.of(samples);
        for (TrainingSample sample : samples.subList(0, 6)) {
            List<TrainingSample> others =
                    samples.stream().filter(s -> s != sample).toList();
            JobFeedback.Prototypes prototypes =
                    FeedbackStatistics.of(others).freeze().forJob("job-1").orElseThrow();
            assertArrayEquals(
                    PairFeatures.of(sample.resume(), JOB, prototypes),
                    all.leaveOneOutFeatures(sample),
                    1e-5f,
                    sample.id());
        }
        assertArrayEquals(
                new float[] {(float) samples.get(6).resume().dot(JOB), 0f, 0f},
                all.leaveOneOutFeatures(samples.get(6)),
                "a job with one review has nothing left to compare with");
    }

    @Test
    void prototypesPullShortlistedResumesUpAndRejectedOnesDown() {
        List<TrainingSample> samples = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            samples.add(new TrainingSample("p" + i, "job-1", EMBEDDER.embed("Kubernetes Terraform AWS " + i), JOB, 1));
            samples.add(new TrainingSample("n" + i, "job-1", EMBEDDER.embed("Java Spring SQL " + i), JOB, 0));
        }
        JobFeedback.Prototypes prototypes =
                FeedbackStatistics.of(samples).freeze().forJob("job-1").orElseThrow();
        float[] devOps = PairFeatures.of(EMBEDDER.embed("AWS Kubernetes Terraform engineer"), JOB, prototypes);
        float[] javaOnly = PairFeatures.of(EMBEDDER.embed("Java Spring SQL developer"), JOB, prototypes);
        assertTrue(devOps[PairFeatures.FEEDBACK] > 0, "like the shortlisted resumes");
        assertTrue(javaOnly[PairFeatures.FEEDBACK] < 0, "like the rejected ones, although it matches the text");
    }
}
