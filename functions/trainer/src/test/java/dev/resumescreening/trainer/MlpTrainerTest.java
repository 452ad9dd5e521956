package dev.resumescreening.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.model.ClassificationMetrics;
import dev.resumescreening.model.FeedbackStatistics;
import dev.resumescreening.model.Hyperparameters;
import dev.resumescreening.model.Hyperparameters.Key;
import dev.resumescreening.model.MlpClassifier;
import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.model.PairFeatures;
import dev.resumescreening.model.TrainingSample;
import dev.resumescreening.model.TrainingSet;
import dev.resumescreening.screening.SimilarityModel;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MlpTrainerTest {

    private static final Hyperparameters SMALL = Hyperparameters.defaults()
            .with(Key.EPOCHS, 12)
            .with(Key.HIDDEN_SIZE, 16)
            .with(Key.LEARNING_RATE, 1e-3);

    @Test
    void djlForwardPassAndPlainJavaClassifierAgree() {
        List<TrainingSample> samples = SyntheticPairs.generate(160, 48, 0.4, 0.3, 0.8, 0.5, 11);
        float[][] probe = features(samples);
        AtomicReference<double[]> djl = new AtomicReference<>();
        TrainingOutcome outcome = new MlpTrainer().train(samples, SMALL, p -> djl.set(p.probabilities(probe)));
        assertNotNull(djl.get());
        MlpClassifier java = new MlpClassifier(outcome.weights());
        double maxDiff = 0;
        double spread = 0;
        for (int i = 0; i < probe.length; i++) {
            double pj = java.probability(probe[i]);
            maxDiff = Math.max(maxDiff, Math.abs(pj - djl.get()[i]));
            spread = Math.max(spread, Math.abs(pj - 0.5));
        }
        assertTrue(maxDiff <= 1e-4, "max |djl - java| = " + maxDiff);
        assertTrue(spread > 0.05, "model output is trivially constant");
    }

    @Test
    void aWarmStartedNetworksDampedCorrectionIsServedAsDjlComputesIt() {
        List<TrainingSample> samples = SyntheticPairs.generate(160, 48, 0.4, 0.3, 0.8, 0.5, 11);
        float[][] probe = features(samples);
        Hyperparameters hp = SMALL.withBaseline(0.1, 30).with(Key.PATIENCE, 0);
        AtomicReference<double[]> djl = new AtomicReference<>();
        TrainingOutcome outcome = new MlpTrainer().train(samples, hp, p -> djl.set(p.probabilities(probe)));
        MlpClassifier java = new MlpClassifier(outcome.weights());
        boolean[] used = MlpTrainer.usedFeatures(hp.features());
        double maxDiff = 0;
        double correction = 0;
        for (int i = 0; i < probe.length; i++) {
            double pj = java.probability(probe[i]);
            maxDiff = Math.max(maxDiff, Math.abs(pj - djl.get()[i]));
            double fixed = 1 / (1 + Math.exp(-MlpTrainer.fixedLogit(probe[i], hp, used)));
            correction = Math.max(correction, Math.abs(pj - fixed));
        }
        assertTrue(outcome.bestEpoch() > 0, "the network never moved from its warm start");
        assertTrue(correction > 0.01, "the served model is its fixed part alone: " + correction);
        assertTrue(maxDiff <= 1e-4, "max |djl - java| = " + maxDiff);
    }

    @Test
    void learnsSeparablePairsWithDefaultHyperparameters() {
        List<TrainingSample> samples = SyntheticPairs.separable(300, 64, 0.3, 5);
        TrainingOutcome outcome = new MlpTrainer(System.out::println).train(samples, Hyperparameters.defaults());
        ClassificationMetrics test = outcome.testMetrics();
        assertTrue(test.rocAuc() > 0.9, "test auc " + test.rocAuc());
        assertEquals(outcome.testIndices().length, test.total());
        assertEquals(300, outcome.sampleCounts().total());
        assertEquals(90, outcome.sampleCounts().positive());
        assertEquals(outcome.sampleCounts().test(), outcome.testSampleIds().size());
        assertEquals(
                samples.get(outcome.testIndices()[0]).id(),
                outcome.testSampleIds().get(0));
        assertTrue(outcome.bestEpoch() >= 1 && outcome.bestEpoch() <= outcome.epochsRun());
        assertEquals(outcome.epochsRun(), outcome.epochs().size());
        assertTrue(
                outcome.logLines().get(0).contains("val_auc="),
                outcome.logLines().get(0));
        // the test metrics are those of the served classifier on the test rows
        MlpClassifier c = new MlpClassifier(outcome.weights());
        float[][] features = features(samples);
        int[] rows = outcome.testIndices();
        double[] p = new double[rows.length];
        int[] y = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            p[k] = c.probability(features[rows[k]]);
            y[k] = samples.get(rows[k]).label();
        }
        assertEquals(test, ClassificationMetrics.compute(p, y));
        ModelArtifact artifact =
                outcome.toArtifact("t1", Instant.parse("2025-01-01T00:00:00Z")).verify();
        assertEquals(0, artifact.metadata().embeddingDimension(), "term vectors have no fixed dimension");
        assertEquals(
                FeedbackStatistics.of(samples).freeze(),
                artifact.weights().feedback(),
                "the served model carries every job's feedback");
        assertEquals(test, artifact.metadata().metrics().get("test"));
    }

    @Test
    void sameSeedGivesIdenticalWeights() {
        List<TrainingSample> samples = SyntheticPairs.generate(120, 32, 0.5, 0.3, 0.8, 0.5, 3);
        String a = new MlpTrainer().train(samples, SMALL).weights().sha256Hex();
        String b = new MlpTrainer().train(samples, SMALL).weights().sha256Hex();
        assertEquals(a, b);
        String c = new MlpTrainer()
                .train(samples, SMALL.with(Key.SEED, 43))
                .weights()
                .sha256Hex();
        assertNotEquals(a, c);
    }

    @Test
    void earlyStoppingKeepsTheBestEpoch() {
        List<TrainingSample> samples = SyntheticPairs.generate(120, 32, 0.5, 0.2, 0.6, 0.5, 9);
        Hyperparameters hp = Hyperparameters.defaults()
                .with(Key.EPOCHS, 200)
                .with(Key.PATIENCE, 3)
                .with(Key.LEARNING_RATE, 1e-2)
                .with(Key.HIDDEN_SIZE, 32);
        TrainingOutcome outcome = new MlpTrainer().train(samples, hp);
        assertTrue(outcome.epochsRun() < 200, "expected early stop, ran " + outcome.epochsRun());
        assertEquals(outcome.bestEpoch() + 3, outcome.epochsRun());
        double best = outcome.epochs().get(outcome.bestEpoch() - 1).validationLoss();
        for (TrainingOutcome.EpochStats e : outcome.epochs()) {
            assertTrue(e.validationLoss() >= best);
        }
    }

    @Test
    void balancedClassesWeightPositives() {
        List<TrainingSample> samples = SyntheticPairs.generate(100, 16, 0.2, 0.3, 0.8, 0.5, 4);
        TrainingOutcome outcome = new MlpTrainer()
                .train(samples, SMALL.with(Key.BALANCE_CLASSES, true).with(Key.EPOCHS, 3));
        assertEquals(4.0, outcome.positiveWeight(), 0.01);
    }

    @Test
    void refusesTooFewSamplesOrOneClass() {
        MlpTrainer trainer = new MlpTrainer();
        List<TrainingSample> nine = SyntheticPairs.generate(9, 8, 0.5, 0.3, 0.8, 0.5, 1);
        IllegalArgumentException few =
                assertThrows(IllegalArgumentException.class, () -> trainer.train(nine, Hyperparameters.defaults()));
        assertTrue(few.getMessage().contains("at least 10 labelled pairs"), few.getMessage());

        List<TrainingSample> allRejected = SyntheticPairs.generate(40, 8, 0.0, 0.3, 0.8, 0.5, 1);
        IllegalArgumentException one = assertThrows(
                IllegalArgumentException.class, () -> trainer.train(allRejected, Hyperparameters.defaults()));
        assertTrue(one.getMessage().contains("all 40 labelled pairs are rejected"), one.getMessage());

        List<TrainingSample> twoPositives = SyntheticPairs.generate(40, 8, 0.05, 0.3, 0.8, 0.5, 1);
        IllegalArgumentException rare = assertThrows(
                IllegalArgumentException.class, () -> trainer.train(twoPositives, Hyperparameters.defaults()));
        assertTrue(rare.getMessage().contains("got 2 shortlisted"), rare.getMessage());
    }

    @Test
    void anUntrainedWarmStartedNetworkIsTheSimilarityModel() {
        SimilarityModel similarity = SimilarityModel.forEmbedder("lexical-tf-v1");
        List<TrainingSample> samples = SyntheticPairs.generate(200, 1024, 0.3, 0.0, 0.4, 0.5, 17);
        float[][] probe = features(samples);
        for (String features : List.of(Hyperparameters.FEATURES_ALL, Hyperparameters.FEATURES_COSINE)) {
            Hyperparameters hp = Hyperparameters.defaults()
                    .with(Key.FEATURES, features)
                    .withBaseline(similarity.center(), similarity.steepness());
            AtomicReference<double[]> djl = new AtomicReference<>();
            TrainingOutcome outcome = new MlpTrainer()
                    .train(TrainingSet.reviewedOnly(samples), hp, p -> djl.set(p.probabilities(probe)), 0);
            assertEquals(0, outcome.bestEpoch());
            MlpClassifier java = new MlpClassifier(outcome.weights());
            double maxDiff = 0;
            double spread = 0;
            for (int i = 0; i < probe.length; i++) {
                TrainingSample s = samples.get(i);
                double expected = features.equals(Hyperparameters.FEATURES_COSINE)
                        ? similarity.probability(s.jobId(), s.resume(), s.job())
                        : 1
                                / (1
                                        + Math.exp(-similarity.steepness()
                                                * (probe[i][PairFeatures.COSINE]
                                                        + FeedbackStatistics.FEEDBACK_WEIGHT
                                                                * probe[i][PairFeatures.FEEDBACK]
                                                        - similarity.center())));
                maxDiff = Math.max(maxDiff, Math.abs(java.probability(probe[i]) - expected));
                maxDiff = Math.max(maxDiff, Math.abs(djl.get()[i] - expected));
                spread = Math.max(spread, Math.abs(expected - 0.5));
            }
            assertTrue(maxDiff <= 1e-4, features + ": max |network - similarity| = " + maxDiff);
            assertTrue(spread > 0.3, "the probe pairs do not exercise the curve");
        }
    }

    @Test
    void trainingFromTheWarmStartNeverEndsWorseOnValidationThanTheBaseline() {
        List<TrainingSample> samples = SyntheticPairs.generate(60, 64, 0.3, 0.0, 0.4, 0.5, 5);
        Hyperparameters hp = Hyperparameters.defaults().withBaseline(0.1, 30);
        TrainingOutcome outcome = new MlpTrainer().train(samples, hp);
        assertTrue(
                outcome.logLines().get(0).startsWith("epoch   0/50 (warm start"),
                outcome.logLines().get(0));
        double baseline = Double.parseDouble(outcome.logLines().get(0).replaceAll(".*val_loss=([0-9.]+).*", "$1"));
        // the kept epoch has the lowest validation loss of the warm start and every epoch run (0 = the warm start)
        double kept = outcome.bestEpoch() == 0
                ? baseline
                : outcome.epochs().stream()
                        .filter(e -> e.epoch() == outcome.bestEpoch())
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("best epoch " + outcome.bestEpoch() + " was not run"))
                        .validationLoss();
        assertTrue(kept <= baseline + 1e-5, "kept " + kept + " > warm start " + baseline);
        assertFalse(outcome.epochs().isEmpty());
        for (TrainingOutcome.EpochStats e : outcome.epochs()) {
            // the log rounds the warm start's loss; the epochs' losses are exact
            assertTrue(
                    e.validationLoss() >= kept - 1e-5,
                    "epoch " + e.epoch() + " val_loss " + e.validationLoss() + " beats the kept epoch "
                            + outcome.bestEpoch() + " (" + kept + ")");
        }
    }

    @Test
    void unusedFeaturesGetZeroServedWeights() {
        List<TrainingSample> samples = SyntheticPairs.generate(80, 16, 0.4, 0.3, 0.8, 0.5, 2);
        TrainingOutcome outcome =
                new MlpTrainer().train(samples, SMALL.with(Key.FEATURES, Hyperparameters.FEATURES_COSINE));
        float[][] w1 = outcome.weights().w1();
        for (float[] row : w1) {
            for (int i = 1; i < PairFeatures.DIMENSION; i++) {
                assertEquals(0f, row[i], "feedback weight " + i);
            }
        }
    }

    /** The pairs' features as the trainer computes them (each pair's review left out of its job's feedback). */
    private static float[][] features(List<TrainingSample> samples) {
        FeedbackStatistics statistics = FeedbackStatistics.of(samples);
        return samples.stream().map(statistics::leaveOneOutFeatures).toArray(float[][]::new);
    }
}
