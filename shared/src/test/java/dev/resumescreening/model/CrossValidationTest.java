package dev.resumescreening.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.embedding.TermVector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    @Test
    void everyFoldKeepsTheClassRatio() {
        List<TrainingSample> samples = samples(20, 80);
        int[] fold = CrossValidation.folds(samples, CrossValidation.FOLDS, 7);
        for (int f = 0; f < CrossValidation.FOLDS; f++) {
            int positives = 0;
            int negatives = 0;
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] == f) {
                    positives += samples.get(i).label();
                    negatives += 1 - samples.get(i).label();
                }
            }
            assertEquals(4, positives, "fold " + f);
            assertEquals(16, negatives, "fold " + f);
        }
        assertArrayEquals(fold, CrossValidation.folds(samples, CrossValidation.FOLDS, 7), "same seed, same folds");
    }

    @Test
    void eachSampleIsScoredByTheModelThatDidNotTrainOnIt() {
        List<TrainingSample> samples = samples(12, 30);
        List<Set<String>> trainedOn = new ArrayList<>();
        int[] folds = new int[1];
        // the "model" of fold k answers k for every pair, so a score names the fold that scored the pair
        double[] scores = CrossValidation.outOfFold(
                samples,
                3,
                training -> {
                    trainedOn.add(ids(training));
                    return constant(trainedOn.size());
                },
                (number, trainingSize, heldOut, labels) -> {
                    folds[0]++;
                    assertEquals(samples.size() - heldOut.length, trainingSize);
                    assertEquals(heldOut.length, labels.length);
                });
        assertEquals(CrossValidation.FOLDS, trainedOn.size());
        assertEquals(CrossValidation.FOLDS, folds[0]);
        for (int i = 0; i < samples.size(); i++) {
            int scoredBy = (int) Math.round(scores[i]);
            assertFalse(
                    trainedOn.get(scoredBy - 1).contains(samples.get(i).id()),
                    samples.get(i).id() + " was scored by a model trained on it");
            for (int other = 1; other <= CrossValidation.FOLDS; other++) {
                if (other != scoredBy) {
                    assertTrue(trainedOn.get(other - 1).contains(samples.get(i).id()));
                }
            }
        }
    }

    @Test
    void tooFewOfAClassIsNotCrossValidated() {
        assertFalse(CrossValidation.feasible(samples(CrossValidation.MIN_PER_CLASS - 1, 100)));
        assertFalse(CrossValidation.feasible(samples(100, CrossValidation.MIN_PER_CLASS - 1)));
        assertTrue(CrossValidation.feasible(samples(CrossValidation.MIN_PER_CLASS, CrossValidation.MIN_PER_CLASS)));
        assertThrows(
                IllegalArgumentException.class,
                () -> CrossValidation.outOfFold(
                        samples(3, 50), 1, training -> constant(1), (number, size, heldOut, labels) -> {}));
    }

    private static List<TrainingSample> samples(int positives, int negatives) {
        List<TrainingSample> samples = new ArrayList<>();
        for (int i = 0; i < positives + negatives; i++) {
            TermVector vector = TermVector.normalised(Map.of(0, 1.0, 1, (double) i + 1), 2);
            samples.add(new TrainingSample("pair-" + i, "job-1", vector, vector, i < positives ? 1 : 0));
        }
        return samples;
    }

    private static Set<String> ids(List<TrainingSample> samples) {
        Set<String> ids = new HashSet<>();
        samples.forEach(s -> ids.add(s.id()));
        return ids;
    }

    /** A scorer that gives every pair {@code value}. */
    private static ToDoubleFunction<TrainingSample> constant(int value) {
        return sample -> value;
    }
}
