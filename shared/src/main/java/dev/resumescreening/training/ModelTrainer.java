package dev.resumescreening.training;

import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.model.TrainingSet;
import java.util.Set;
import java.util.function.Consumer;

/** Trains a candidate model in this process (the trainer image implements it with DJL). */
public interface ModelTrainer {
    TrainedCandidate train(TrainingSet set, String version, Consumer<String> log);

    /**
     * The verified artifact, the held-out scores the gate judges it on, and the ids of the pairs the served model
     * trained on.
     */
    record TrainedCandidate(ModelArtifact artifact, GateEvidence evidence, Set<String> trainedOn) {}
}
