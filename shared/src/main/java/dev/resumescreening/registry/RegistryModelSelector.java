package dev.resumescreening.registry;

import dev.resumescreening.logging.JsonLog;
import dev.resumescreening.ports.Embedder;
import dev.resumescreening.ports.ModelSelector;
import dev.resumescreening.ports.ScoringModel;
import dev.resumescreening.screening.SimilarityModel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * Serves the registry's live models on the upload path. The pointer is re-read at most once per {@code cacheFor};
 * each version's artifact is read and verified once per container and kept. A result goes to the challenger when
 * a stable hash of its id, mod 100, is below the challenger weight, so the same id always meets the same model. A
 * version that cannot be served (missing, corrupt, other embedder) is skipped with a log line: the challenger falls
 * back to the champion, the champion to the similarity model; the failure is retried at the next pointer refresh.
 */
public final class RegistryModelSelector implements ModelSelector {
    private final ModelRegistryStore registry;
    private final ModelArtifactStore artifacts;
    private final Embedder embedder;
    private final Clock clock;
    private final Duration cacheFor;
    private final SimilarityModel similarity;
    private final Map<String, ScoringModel> loaded = new ConcurrentHashMap<>();
    private final Map<String, Boolean> unservable = new ConcurrentHashMap<>();
    private volatile Live live;

    public RegistryModelSelector(
            ModelRegistryStore registry,
            ModelArtifactStore artifacts,
            Embedder embedder,
            Clock clock,
            Duration cacheFor) {
        this.registry = registry;
        this.artifacts = artifacts;
        this.embedder = embedder;
        this.clock = clock;
        this.cacheFor = cacheFor;
        this.similarity = SimilarityModel.forEmbedder(embedder.name());
    }

    private record Live(ScoringModel champion, ScoringModel challenger, int challengerWeight, Instant readAt) {}

    @Override
    public ScoringModel forResult(String resultId) {
        Live current = current();
        if (current.challenger() != null && bucket(resultId) < current.challengerWeight()) {
            return current.challenger();
        }
        return current.champion();
    }

    /** 0-99, the same for a result id on every machine and JVM. */
    public static int bucket(String resultId) {
        CRC32 crc = new CRC32();
        crc.update(resultId.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 100);
    }

    private Live current() {
        Live current = live;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.readAt().plus(cacheFor))) {
            return current;
        }
        synchronized (this) {
            if (live != null && live != current) {
                return live;
            }
            unservable.clear();
            ActivePointer pointer = registry.pointer();
            ScoringModel champion = model(pointer.championVersion()).orElse(similarity);
            ScoringModel challenger = pointer.hasChallenger()
                    ? model(pointer.challengerVersion())
                            .filter(m -> m != champion)
                            .orElse(null)
                    : null;
            live = new Live(champion, challenger, pointer.challengerWeight(), now);
            return live;
        }
    }

    private Optional<ScoringModel> model(String version) {
        if (SimilarityModel.VERSION.equals(version)) {
            return Optional.of(similarity);
        }
        ScoringModel cached = loaded.get(version);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (unservable.containsKey(version)) {
            return Optional.empty();
        }
        try {
            ModelRecord record =
                    registry.find(version).orElseThrow(() -> new IllegalStateException("version is not registered"));
            if (!embedder.name().equals(record.embedder())) {
                throw new IllegalStateException(
                        "trained on " + record.embedder() + " vectors, embedder is " + embedder.name());
            }
            var artifact = artifacts.load(record.artifactPrefix()).verify();
            if (artifact.metadata().embeddingDimension() != record.embeddingDimension()) {
                throw new IllegalStateException(
                        "embedding dimension " + artifact.metadata().embeddingDimension()
                                + " differs from the registered " + record.embeddingDimension());
            }
            ScoringModel model = new TrainedScoringModel(version, artifact.classifier());
            loaded.put(version, model);
            JsonLog.info("model.loaded", Map.of("version", version, "sha256", record.weightsSha256()));
            return Optional.of(model);
        } catch (RuntimeException e) {
            unservable.put(version, Boolean.TRUE);
            JsonLog.error("model.unservable", Map.of("version", version, "error", String.valueOf(e.getMessage())));
            return Optional.empty();
        }
    }
}
