package dev.resumescreening.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.model.ClassificationMetrics;
import dev.resumescreening.model.TrainingSample;
import dev.resumescreening.model.UnreviewedResume;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EvidenceWeightsTest {
    private static final TermVector JOB = TermVector.normalised(Map.of(0, 1.0), 10);

    @Test
    void reviewsSpreadLikeTheJobsResumesWeighAlikeAndAllWeighTheJobsResumes() {
        double[] reviewed = {0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95, 0.02, 0.22, 0.42, 0.62, 0.82};
        double[] population = jobResumes(reviewed, 85);
        double[] weights = EvidenceWeights.jobWeights(reviewed, population);
        double lightest = Arrays.stream(weights).min().orElseThrow();
        double heaviest = Arrays.stream(weights).max().orElseThrow();
        assertTrue(heaviest < 1.5 * lightest, Arrays.toString(weights));
        assertEquals(100.0, Arrays.stream(weights).sum(), 1e-9);
    }

    @Test
    void picksCrowdedNearTheThresholdWeighLessThanTheFewFarFromIt() {
        // sixteen near a threshold at 0.7, four far from it
        double[] reviewed = {
            0.66, 0.67, 0.68, 0.69, 0.70, 0.71, 0.72, 0.73, 0.745, 0.74, 0.70, 0.71, 0.72, 0.73, 0.66, 0.67, 0.10, 0.30,
            0.40, 0.90
        };
        double[] population = jobResumes(reviewed, 180);
        double[] weights = EvidenceWeights.jobWeights(reviewed, population);
        for (int near = 0; near < 16; near++) {
            for (int far = 16; far < 20; far++) {
                assertTrue(weights[far] > 4 * weights[near], Arrays.toString(weights));
            }
        }
        // five bands of 40 resumes; one (0.43-0.65) holds no review, and nothing stands for its resumes
        assertEquals(160.0, Arrays.stream(weights).sum(), 1e-9);
    }

    /** The reviewed similarities and {@code unreviewed} more spread evenly over [0, 1). */
    private static double[] jobResumes(double[] reviewed, int unreviewed) {
        double[] all = Arrays.copyOf(reviewed, reviewed.length + unreviewed);
        for (int i = 0; i < unreviewed; i++) {
            all[reviewed.length + i] = (double) i / unreviewed;
        }
        return all;
    }

    /**
     * The review queue's bias, made small: a candidate that orders the near-threshold picks better and the far ones
     * worse looks better on the picks alone, and worse once each pick weighs the resumes it stands for.
     */
    @Test
    void aCandidateThatIsBetterOnlyNearTheThresholdIsNotBetterOnTheJobsResumes() {
        Random random = new Random(5);
        List<TrainingSample> samples = new ArrayList<>();
        List<Double> candidate = new ArrayList<>();
        List<Double> live = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double similarity = 0.6 + 0.2 * random.nextDouble();
            int label = i % 2;
            samples.add(sample("near-" + i, similarity, label));
            labels.add(label);
            live.add(similarity);
            candidate.add(label == 1 ? similarity + 0.15 : similarity - 0.15);
        }
        for (int i = 0; i < 10; i++) {
            double similarity = i < 5 ? 0.9 + 0.02 * i : 0.05 + 0.02 * i;
            int label = i < 5 ? 1 : 0;
            samples.add(sample("far-" + i, similarity, label));
            labels.add(label);
            live.add(similarity);
            // the candidate puts the far ones in the middle of the near ones: half of them on the wrong side
            candidate.add(0.7 + (label == 1 ? -0.1 : 0.1));
        }
        List<UnreviewedResume> unreviewed = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double similarity = random.nextDouble();
            unreviewed.add(new UnreviewedResume("u-" + i, "job", resume(similarity), JOB));
        }
        int[] labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
        double[] candidateScores =
                candidate.stream().mapToDouble(Double::doubleValue).toArray();
        double[] liveScores = live.stream().mapToDouble(Double::doubleValue).toArray();
        double[] weights = EvidenceWeights.of(samples, unreviewed);

        assertTrue(ClassificationMetrics.rocAuc(candidateScores, labelArray)
                > ClassificationMetrics.rocAuc(liveScores, labelArray));
        assertTrue(ClassificationMetrics.rocAuc(candidateScores, labelArray, weights)
                < ClassificationMetrics.rocAuc(liveScores, labelArray, weights));
        double[] equal = new double[weights.length];
        Arrays.fill(equal, 1);
        assertTrue(CandidateGate.winConfidence(candidateScores, liveScores, labelArray, equal, 0) > 0.9);
        assertTrue(CandidateGate.winConfidence(candidateScores, liveScores, labelArray, weights, 0) < 0.3);
    }

    @Test
    void unreviewedResumesOfOtherJobsDoNotCount() {
        List<TrainingSample> samples = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            samples.add(sample("r-" + i, i / 10.0, i % 2));
        }
        List<UnreviewedResume> otherJob = List.of(new UnreviewedResume("u", "another job", resume(0.05), JOB));
        double[] weights = EvidenceWeights.of(samples, otherJob);
        double[] equal = new double[8];
        Arrays.fill(equal, 1);
        assertArrayEquals(equal, weights, 1e-12);
    }

    private static TrainingSample sample(String id, double similarity, int label) {
        return new TrainingSample(id, "job", resume(similarity), JOB, label);
    }

    /** A unit vector whose cosine with {@link #JOB} is {@code similarity}. */
    private static TermVector resume(double similarity) {
        return TermVector.normalised(Map.of(0, similarity, 1, Math.sqrt(1 - similarity * similarity)), 10);
    }
}
