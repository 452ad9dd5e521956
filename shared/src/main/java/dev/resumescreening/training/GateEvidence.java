package dev.resumescreening.training;

import dev.resumescreening.model.CrossValidation;
import dev.resumescreening.model.FeedbackStatistics;
import dev.resumescreening.model.MlpClassifier;
import dev.resumescreening.model.TrainingSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What the gate judges a candidate on: labelled pairs and the candidate's probability for each, every one given by a
 * model that did not train on that pair. {@code method} says how, for the run's metrics and log. {@code unreviewed}
 * are the unreviewed resumes the candidate's job feedback drew on: the live model's is rebuilt with them too, so
 * that both are judged with the feedback they serve with.
 */
public record GateEvidence(
        String method,
        List<TrainingSample> samples,
        double[] candidateScores,
        FeedbackStatistics.Unreviewed unreviewed) {
    public static final String TEST_SPLIT = "held-out test split";
    public static final String CROSS_VALIDATION = "out-of-fold scores of " + CrossValidation.FOLDS
            + "-fold cross-validation, each pair left out of its job feedback";

    public GateEvidence {
        samples = List.copyOf(samples);
        candidateScores = candidateScores.clone();
        if (samples.size() != candidateScores.length) {
            throw new IllegalArgumentException(samples.size() + " samples but " + candidateScores.length + " scores");
        }
    }

    /**
     * The served model's own test split, scored by its network with each pair's review left out of the job feedback
     * (the served feedback holds all {@code samples}, the test pairs among them).
     */
    public static GateEvidence testSplit(
            MlpClassifier candidate,
            List<TrainingSample> samples,
            List<TrainingSample> test,
            FeedbackStatistics.Unreviewed unreviewed) {
        FeedbackStatistics feedback = FeedbackStatistics.of(samples, unreviewed);
        double[] scores = new double[test.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = candidate.probability(feedback.leaveOneOutFeatures(test.get(i)));
        }
        return new GateEvidence(TEST_SPLIT, test, scores, unreviewed);
    }

    /** This evidence without the pairs in {@code seen}; {@code method} says who saw them. */
    public GateEvidence without(Set<String> seen, String seenBy) {
        List<TrainingSample> kept = new ArrayList<>();
        double[] keptScores = new double[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            if (!seen.contains(samples.get(i).id())) {
                keptScores[kept.size()] = candidateScores[i];
                kept.add(samples.get(i));
            }
        }
        if (kept.size() == samples.size()) {
            return this;
        }
        return new GateEvidence(
                method + ", without the " + (samples.size() - kept.size()) + " pairs " + seenBy + " trained on",
                kept,
                Arrays.copyOf(keptScores, kept.size()),
                unreviewed);
    }

    @Override
    public double[] candidateScores() {
        return candidateScores.clone();
    }
}
