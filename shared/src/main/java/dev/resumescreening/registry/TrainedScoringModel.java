package dev.resumescreening.registry;

import dev.resumescreening.model.MlpClassifier;
import dev.resumescreening.ports.ScoringModel;

/** A trained model served in plain Java from its verified weights. */
public final class TrainedScoringModel implements ScoringModel {
    private final String version;
    private final MlpClassifier classifier;

    public TrainedScoringModel(String version, MlpClassifier classifier) {
        this.version = version;
        this.classifier = classifier;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public double probability(float[] resume, float[] job) {
        return classifier.probability(resume, job);
    }
}
