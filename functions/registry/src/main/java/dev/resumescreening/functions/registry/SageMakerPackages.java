package dev.resumescreening.functions.registry;

import dev.resumescreening.config.Settings;
import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.model.ModelIntegrityException;
import dev.resumescreening.ports.DocumentStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads what a SageMaker job left in the bucket: {@code model.tar.gz} (weights.bin, metadata.json from
 * /opt/ml/model) and, beside it, {@code output.tar.gz} (data/test_sample_ids.txt from /opt/ml/output/data).
 */
final class SageMakerPackages {
    static final String TEST_IDS_FILE = "test_sample_ids.txt";
    static final String OUTPUT_PACKAGE = "output.tar.gz";
    private static final long MAX_ENTRY_BYTES = 256L << 20;

    private final DocumentStore documents;
    private final Settings settings;

    SageMakerPackages(DocumentStore documents, Settings settings) {
        this.documents = documents;
        this.settings = settings;
    }

    /** The model in {@code modelUri} (s3://bucket/.../output/model.tar.gz); not verified. */
    ModelArtifact model(String modelUri) {
        Map<String, byte[]> files = unpack(key(modelUri));
        byte[] weights = files.get(ModelArtifact.WEIGHTS_FILE);
        byte[] metadata = files.get(ModelArtifact.METADATA_FILE);
        if (weights == null || metadata == null) {
            throw new ModelIntegrityException(
                    modelUri + " holds no " + ModelArtifact.WEIGHTS_FILE + " and " + ModelArtifact.METADATA_FILE);
        }
        return ModelArtifact.fromBytes(weights, metadata);
    }

    /** The held-out test sample ids written next to the model by the same job. */
    List<String> testSampleIds(String modelUri) {
        String modelKey = key(modelUri);
        String outputKey = modelKey.substring(0, modelKey.lastIndexOf('/') + 1) + OUTPUT_PACKAGE;
        byte[] ids = unpack(outputKey).get(TEST_IDS_FILE);
        if (ids == null) {
            throw new IllegalStateException(outputKey + " holds no " + TEST_IDS_FILE);
        }
        return new String(ids, StandardCharsets.UTF_8)
                .lines()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private String key(String uri) {
        String bucketPrefix = "s3://" + settings.bucket() + "/";
        if (uri == null || !uri.startsWith(bucketPrefix)) {
            throw new IllegalArgumentException("model artifacts must be in " + bucketPrefix + ", got " + uri);
        }
        return uri.substring(bucketPrefix.length());
    }

    /** Regular files of a .tar.gz by file name (folders dropped). */
    private Map<String, byte[]> unpack(String key) {
        byte[] archive = documents.get(key).orElseThrow(() -> new IllegalStateException("no object " + key));
        Map<String, byte[]> files = new HashMap<>();
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isFile()) {
                    continue;
                }
                if (entry.getSize() > MAX_ENTRY_BYTES) {
                    throw new IllegalStateException(key + ": " + entry.getName() + " is too large");
                }
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                files.put(name, tar.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(key + " is not a readable .tar.gz", e);
        }
        return files;
    }
}
