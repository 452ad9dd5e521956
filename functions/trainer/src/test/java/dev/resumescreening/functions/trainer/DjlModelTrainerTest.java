package dev.resumescreening.functions.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.model.ClassificationMetrics;
import dev.resumescreening.model.CrossValidation;
import dev.resumescreening.model.Hyperparameters;
import dev.resumescreening.model.Hyperparameters.Key;
import dev.resumescreening.model.TrainingSample;
import dev.resumescreening.model.TrainingSet;
import dev.resumescreening.trainer.SyntheticPairs;
import dev.resumescreening.training.GateEvidence;
import dev.resumescreening.training.ModelTrainer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DjlModelTrainerTest {
    private static final Hyperparameters SMALL = Hyperparameters.defaults()
            .with(Key.EPOCHS, 12)
            .with(Key.HIDDEN_SIZE, 16)
            .with(Key.LEARNING_RATE, 1e-3);

    @Test
    void theGateJudgesEveryPairByItsOutOfFoldScore() {
        List<TrainingSample> samples = SyntheticPairs.separable(200, 64, 0.3, 5);
        List<String> log = new ArrayList<>();
        ModelTrainer.TrainedCandidate trained =
                new DjlModelTrainer(SMALL, Clock.systemUTC()).train(TrainingSet.reviewedOnly(samples), "v1", log::add);
        GateEvidence evidence = trained.evidence();
        assertEquals(GateEvidence.CROSS_VALIDATION, evidence.method());
        assertEquals(samples, evidence.samples());
        int[] labels = samples.stream().mapToInt(TrainingSample::label).toArray();
        assertTrue(
                ClassificationMetrics.rocAuc(evidence.candidateScores(), labels) > 0.75,
                "out-of-fold ROC AUC " + ClassificationMetrics.rocAuc(evidence.candidateScores(), labels));
        assertEquals(
                CrossValidation.FOLDS,
                log.stream().filter(l -> l.startsWith("cross-validation fold")).count());
    }

    @Test
    void tooFewOfAClassFallsBackToTheModelsOwnTestSplit() {
        List<TrainingSample> samples = SyntheticPairs.separable(30, 16, 0.25, 5);
        long positives = samples.stream().filter(s -> s.label() == 1).count();
        assertTrue(positives < CrossValidation.MIN_PER_CLASS, "the fixture has " + positives + " positives");
        ModelTrainer.TrainedCandidate trained = new DjlModelTrainer(SMALL, Clock.systemUTC())
                .train(TrainingSet.reviewedOnly(samples), "v1", line -> {});
        assertEquals(GateEvidence.TEST_SPLIT, trained.evidence().method());
        assertEquals(
                trained.artifact().metadata().trainingSamples().test(),
                trained.evidence().samples().size());
    }
}
