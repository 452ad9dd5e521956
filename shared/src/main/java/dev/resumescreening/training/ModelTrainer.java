package dev.resumescreening.training;

import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.model.TrainingSample;
import java.util.List;
import java.util.function.Consumer;

/** Trains a candidate model in this process (the trainer image implements it with DJL). */
public interface ModelTrainer {
    TrainedCandidate train(List<TrainingSample> samples, String version, Consumer<String> log);

    /** The verified artifact and the ids of the held-out test samples it was scored on. */
    record TrainedCandidate(ModelArtifact artifact, List<String> testSampleIds) {
    }
}
