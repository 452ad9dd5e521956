package dev.resumescreening.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Stratified k-fold cross-validation of a training procedure: every sample is scored once, by a model trained on the
 * other folds. With a few hundred reviews, one 20% test split holds a few dozen pairs, too few to tell a better model
 * from a lucky split; out-of-fold scores judge the same procedure on every reviewed pair.
 */
public final class CrossValidation {
    /** Folds: each model trains on 80% of the samples, as the served model trains on its train and validation parts. */
    public static final int FOLDS = 5;
    /** Each class needs this many samples so that every fold's training part passes the trainer's own minimums. */
    public static final int MIN_PER_CLASS = 2 * FOLDS;

    private CrossValidation() {}

    /** Whether both classes have at least {@link #MIN_PER_CLASS} samples. */
    public static boolean feasible(List<TrainingSample> samples) {
        long positives = samples.stream().filter(s -> s.label() == 1).count();
        return positives >= MIN_PER_CLASS && samples.size() - positives >= MIN_PER_CLASS;
    }

    /**
     * The fold of each sample: each class is shuffled with {@code seed} (as {@link StratifiedSplit} shuffles) and
     * dealt round-robin, so every fold keeps the class ratio.
     */
    static int[] folds(List<TrainingSample> samples, int folds, long seed) {
        int[] fold = new int[samples.size()];
        int[] labels = samples.stream().mapToInt(TrainingSample::label).toArray();
        for (List<Integer> members : StratifiedSplit.shuffledByLabel(labels, seed)) {
            for (int k = 0; k < members.size(); k++) {
                fold[members.get(k)] = k % folds;
            }
        }
        return fold;
    }

    /**
     * The probability each sample gets from the scorer {@code fit} makes of the folds without it, in the samples'
     * order. {@code onFold} hears, per fold, its number, its training size and its held-out scores and labels.
     *
     * @throws IllegalArgumentException when {@link #feasible} is false
     */
    public static double[] outOfFold(
            List<TrainingSample> samples,
            long seed,
            Function<List<TrainingSample>, ToDoubleFunction<TrainingSample>> fit,
            FoldListener onFold) {
        if (!feasible(samples)) {
            throw new IllegalArgumentException(
                    "cross-validation needs at least " + MIN_PER_CLASS + " samples of each class");
        }
        int[] fold = folds(samples, FOLDS, seed);
        double[] scores = new double[samples.size()];
        for (int f = 0; f < FOLDS; f++) {
            List<TrainingSample> training = new ArrayList<>();
            List<Integer> heldOut = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                if (fold[i] == f) {
                    heldOut.add(i);
                } else {
                    training.add(samples.get(i));
                }
            }
            ToDoubleFunction<TrainingSample> model = fit.apply(training);
            double[] foldScores = new double[heldOut.size()];
            int[] foldLabels = new int[heldOut.size()];
            for (int k = 0; k < heldOut.size(); k++) {
                TrainingSample sample = samples.get(heldOut.get(k));
                foldScores[k] = model.applyAsDouble(sample);
                foldLabels[k] = sample.label();
                scores[heldOut.get(k)] = foldScores[k];
            }
            onFold.fold(f + 1, training.size(), foldScores, foldLabels);
        }
        return scores;
    }

    /** Progress of {@link #outOfFold}, for the training log. */
    @FunctionalInterface
    public interface FoldListener {
        void fold(int number, int trainingSamples, double[] heldOutScores, int[] heldOutLabels);
    }
}
