package dev.resumescreening.local;

import dev.resumescreening.model.Hyperparameters;
import dev.resumescreening.model.MlpWeights;
import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.model.ModelMetadata;
import dev.resumescreening.model.PairFeatures;
import java.util.HashMap;

/** Models written by hand for tests: the given weights, with the metadata of a model that trained on nothing. */
final class HandMadeModels {
    private HandMadeModels() {}

    static ModelArtifact of(String version, MlpWeights weights) {
        return ModelArtifact.of(
                weights,
                new ModelMetadata(
                        version,
                        ModelArtifact.FRAMEWORK,
                        "2026-11-26T00:00:00Z",
                        Hyperparameters.defaults(),
                        new HashMap<>(),
                        new ModelMetadata.SampleCounts(0, 0, 0, 0, 0, 0),
                        PairFeatures.LAYOUT,
                        0,
                        0,
                        0,
                        0,
                        null,
                        0,
                        0,
                        0.0));
    }
}
