package dev.resumescreening.registry;

import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.model.ModelIntegrityException;
import dev.resumescreening.model.ModelMetadata;
import dev.resumescreening.ports.DocumentStore;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Model files in the bucket: {@code weights.bin} and {@code metadata.json} under a key prefix ending in '/', and for
 * trained models the ids of the pairs they trained on ({@link #TRAINING_PAIRS_FILE}).
 */
@Singleton
public final class ModelArtifactStore {
    public static final String TRAINING_PAIRS_FILE = "training_pairs.txt";
    private final DocumentStore documents;

    @Inject
    public ModelArtifactStore(DocumentStore documents) {
        this.documents = documents;
    }

    public void save(String prefix, ModelArtifact artifact) {
        documents.put(prefix + ModelArtifact.WEIGHTS_FILE, artifact.weightsBytes(), "application/octet-stream");
        documents.put(prefix + ModelArtifact.METADATA_FILE, artifact.metadataJson(), "application/json");
    }

    /** Reads the two files; not verified. A missing file is an integrity failure: the model cannot be served. */
    public ModelArtifact load(String prefix) {
        byte[] weights = documents
                .get(prefix + ModelArtifact.WEIGHTS_FILE)
                .orElseThrow(
                        () -> new ModelIntegrityException("no " + ModelArtifact.WEIGHTS_FILE + " under " + prefix));
        byte[] metadata = documents
                .get(prefix + ModelArtifact.METADATA_FILE)
                .orElseThrow(
                        () -> new ModelIntegrityException("no " + ModelArtifact.METADATA_FILE + " under " + prefix));
        return ModelArtifact.fromBytes(weights, metadata);
    }

    /** The metadata file alone (no weights read); empty when there is none. */
    public Optional<ModelMetadata> metadata(String prefix) {
        return documents.get(prefix + ModelArtifact.METADATA_FILE).map(ModelArtifact::parseMetadata);
    }

    /**
     * Records which reviewed pairs the model under {@code prefix} trained on (train and validation parts), one id a
     * line: the gate must not judge this model on them once it is live.
     */
    public void saveTrainingPairs(String prefix, Collection<String> ids) {
        documents.put(
                prefix + TRAINING_PAIRS_FILE, String.join("\n", ids).getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    /** The ids {@link #saveTrainingPairs} recorded; empty for a model registered from elsewhere. */
    public Optional<Set<String>> trainingPairs(String prefix) {
        return documents.get(prefix + TRAINING_PAIRS_FILE).map(bytes -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.isEmpty() ? Set.<String>of() : Set.copyOf(Arrays.asList(text.split("\n")));
        });
    }

    public boolean exists(String prefix) {
        return documents.get(prefix + ModelArtifact.METADATA_FILE).isPresent();
    }
}
