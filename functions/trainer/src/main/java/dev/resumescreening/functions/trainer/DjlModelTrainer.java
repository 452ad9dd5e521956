package dev.resumescreening.functions.trainer;

import dev.resumescreening.model.Hyperparameters;
import dev.resumescreening.model.TrainingSample;
import dev.resumescreening.trainer.MlpTrainer;
import dev.resumescreening.trainer.TrainingOutcome;
import dev.resumescreening.training.ModelTrainer;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/** Trains in this process with DJL (libtorch from the image), as the SageMaker entry point does. */
public final class DjlModelTrainer implements ModelTrainer {
    private final Hyperparameters hyperparameters;
    private final Clock clock;

    public DjlModelTrainer(Hyperparameters hyperparameters, Clock clock) {
        this.hyperparameters = hyperparameters;
        this.clock = clock;
    }

    @Override
    public TrainedCandidate train(List<TrainingSample> samples, String version, Consumer<String> log) {
        TrainingOutcome outcome = new MlpTrainer(log).train(samples, hyperparameters);
        return new TrainedCandidate(outcome.toArtifact(version, clock.instant()).verify(), outcome.testSampleIds());
    }
}
