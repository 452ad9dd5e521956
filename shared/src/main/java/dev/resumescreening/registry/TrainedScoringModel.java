package dev.resumescreening.registry;

import dev.resumescreening.embedding.TermVector;
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

    /** The network and the job feedback it serves with. */
    public MlpClassifier classifier() {
        return classifier;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public double probability(String jobId, TermVector resume, TermVector job) {
        return classifier.probability(jobId, resume, job);
    }
}
