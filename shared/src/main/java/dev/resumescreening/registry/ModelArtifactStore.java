package dev.resumescreening.registry;

import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.model.ModelIntegrityException;
import dev.resumescreening.ports.DocumentStore;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Model files in the bucket: {@code weights.bin} and {@code metadata.json} under a key prefix ending in '/'. */
@Singleton
public final class ModelArtifactStore {
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
        byte[] weights = documents.get(prefix + ModelArtifact.WEIGHTS_FILE)
                .orElseThrow(() -> new ModelIntegrityException("no " + ModelArtifact.WEIGHTS_FILE + " under " + prefix));
        byte[] metadata = documents.get(prefix + ModelArtifact.METADATA_FILE)
                .orElseThrow(() -> new ModelIntegrityException("no " + ModelArtifact.METADATA_FILE + " under " + prefix));
        return ModelArtifact.fromBytes(weights, metadata);
    }

    public boolean exists(String prefix) {
        return documents.get(prefix + ModelArtifact.METADATA_FILE).isPresent();
    }
}
