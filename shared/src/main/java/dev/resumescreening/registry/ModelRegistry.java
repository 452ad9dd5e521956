package dev.resumescreening.registry;

import dev.resumescreening.config.Settings;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import dev.resumescreening.logging.JsonLog;
import dev.resumescreening.model.ClassificationMetrics;
import dev.resumescreening.model.Hyperparameters;
import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.model.ModelIntegrityException;
import dev.resumescreening.model.ModelMetadata;
import dev.resumescreening.ports.Embedder;
import dev.resumescreening.ports.ScoringModel;
import dev.resumescreening.screening.SimilarityModel;
import dev.resumescreening.screening.Timestamps;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The model registry: registers verified artifacts, moves the live pointer (champion and optional challenger) and
 * rolls back. Version "0", the similarity model, is implicit and always valid. Every artifact is loaded and its
 * checksum verified before it is registered or made live.
 */
@Singleton
public final class ModelRegistry {
    static final int HISTORY_SHOWN = 20;
    /** How much of the activation history a rollback replays to find what was live before. */
    static final int HISTORY_REPLAYED = 1000;

    static final int DEFAULT_CHALLENGER_WEIGHT = 50;
    static final String SIMILARITY_FRAMEWORK = "similarity";
    /** The code of the refusal to activate a model the evaluation gate rejected, unless forced. */
    public static final String MODEL_REJECTED = "model_rejected";

    private final ModelRegistryStore store;
    private final ModelArtifactStore artifacts;
    private final Embedder embedder;
    private final Settings settings;
    private final Clock clock;

    @Inject
    public ModelRegistry(
            ModelRegistryStore store, ModelArtifactStore artifacts, Embedder embedder, Settings settings, Clock clock) {
        this.store = store;
        this.artifacts = artifacts;
        this.embedder = embedder;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every version (the similarity model last), the live pointer and the latest activations. */
    public Overview overview() {
        ActivePointer pointer = store.pointer();
        List<ModelRecord> versions = new ArrayList<>(store.versions());
        versions.add(similarityRecord(pointer));
        return new Overview(versions, pointer, store.history(HISTORY_SHOWN));
    }

    public record Overview(List<ModelRecord> versions, ActivePointer pointer, List<Activation> activations) {}

    public ActivePointer pointer() {
        return store.pointer();
    }

    /** The latest activation, if any model was ever activated. */
    public Optional<Activation> latestActivation() {
        return store.history(1).stream().findFirst();
    }

    public Optional<ModelRecord> find(String version) {
        return store.find(version);
    }

    /**
     * Registers the model under {@code modelPath} (s3://bucket/prefix/ or a key prefix) as {@code version}, after
     * verifying it; files outside models/classifier/{version}/ are copied there, where the serving functions read.
     * With {@code activate} it goes live, as {@link #activate(String, String, Integer, String, String, boolean)} with
     * {@code force}.
     */
    public ModelRecord register(String modelPath, String version, boolean activate, boolean force, String actor) {
        requireNewVersionName(version);
        String prefix = keyPrefix(modelPath);
        ModelArtifact artifact = verified(prefix);
        String servedPrefix = ModelArtifact.keyPrefix(version);
        if (!servedPrefix.equals(prefix)) {
            artifacts.save(servedPrefix, artifact);
        }
        ModelRecord record = registerArtifact(artifact, version, servedPrefix, testMetrics(artifact), null);
        if (activate) {
            activate(version, null, null, actor, "registered by " + actor + " with activate", force);
        }
        return store.find(version).orElse(record);
    }

    /**
     * Records a verified artifact as a CANDIDATE. Registering the same weights again returns the existing record
     * (a redelivered event must not fail); other weights under a taken version are refused.
     */
    public ModelRecord registerArtifact(
            ModelArtifact artifact, String version, String artifactPrefix, Map<String, Object> metrics, String runId) {
        ModelMetadata metadata = artifact.verify().metadata();
        ModelRecord record = new ModelRecord(
                version,
                metadata.framework(),
                ModelStatus.CANDIDATE,
                metric(metrics, "accuracy"),
                metric(metrics, "roc_auc"),
                metric(metrics, "f1"),
                metrics,
                metadata.trainingSamples() == null
                        ? 0
                        : metadata.trainingSamples().total(),
                Timestamps.format(clock.instant()),
                artifactPrefix,
                metadata.weightsSha256(),
                embedder.name(),
                metadata.embeddingDimension(),
                runId);
        if (store.register(record)) {
            JsonLog.info(
                    "model.registered",
                    Map.of("version", version, "sha256", metadata.weightsSha256(), "run_id", String.valueOf(runId)));
            return record;
        }
        ModelRecord existing = store.find(version).orElseThrow();
        if (!Objects.equals(existing.weightsSha256(), metadata.weightsSha256())) {
            throw new ProblemException(
                    ProblemKind.CONFLICT,
                    "version_exists",
                    "model version '" + version + "' is already registered with other weights");
        }
        return existing;
    }

    public void reject(String version) {
        store.updateStatus(version, ModelStatus.REJECTED);
    }

    /** A candidate that passed the gate, left for an admin to activate. */
    public void awaitApproval(String version) {
        store.updateStatus(version, ModelStatus.PENDING_APPROVAL);
    }

    /**
     * Makes {@code champion} live, with {@code challenger} scoring {@code challengerWeight}% of results (default 50
     * when a challenger is named). Both must exist, verify, and come from the configured embedder; a model the gate
     * REJECTED is refused (409 {@code model_rejected}).
     */
    public ActivePointer activate(
            String champion, String challenger, Integer challengerWeight, String actor, String reason) {
        return activate(champion, challenger, challengerWeight, actor, reason, false);
    }

    /**
     * As {@link #activate(String, String, Integer, String, String)}; with {@code force}, a REJECTED model may go live
     * and the activation is recorded as forced.
     */
    public ActivePointer activate(
            String champion, String challenger, Integer challengerWeight, String actor, String reason, boolean force) {
        if (champion == null || champion.isBlank()) {
            throw ProblemException.invalid("missing_champion", "champion is required");
        }
        if (challenger != null && challenger.equals(champion)) {
            throw ProblemException.invalid("invalid_challenger", "challenger must differ from champion");
        }
        int weight = challenger == null ? 0 : challengerWeight == null ? DEFAULT_CHALLENGER_WEIGHT : challengerWeight;
        if (weight < 0 || weight > 100 || (challenger == null && challengerWeight != null && challengerWeight != 0)) {
            throw ProblemException.invalid(
                    "invalid_challenger_weight", "challenger_weight must be 0-100, and needs a challenger");
        }
        boolean rejected = requireServable(champion, force);
        if (challenger != null) {
            rejected |= requireServable(challenger, force);
        }
        return moveTo(
                new ActivePointer(champion, challenger, weight, Timestamps.format(clock.instant())),
                actor,
                rejected ? reason + " (forced over the gate's rejection)" : reason,
                rejected ? Activation.FORCED : Activation.ACTIVATE);
    }

    /**
     * Undoes the latest activation that is still in effect: the activation history is replayed (each activation
     * puts its champion on top, each rollback takes the top off), and the champion under the current one goes live
     * again, the similarity model at the bottom. Rolling back twice therefore goes back two activations instead of
     * returning to the model the first rollback removed.
     */
    public ActivePointer rollback(String actor) {
        return rollback(actor, null);
    }

    /** {@link #rollback(String)}, with why it was done recorded in the activation history. */
    public ActivePointer rollback(String actor, String why) {
        ActivePointer current = store.pointer();
        List<Activation> history = new ArrayList<>(store.history(HISTORY_REPLAYED));
        Collections.reverse(history);
        Deque<String> live = new ArrayDeque<>();
        live.push(SimilarityModel.VERSION);
        for (Activation activation : history) {
            if (activation.isRollback()) {
                if (live.size() > 1) {
                    live.pop();
                }
            } else {
                live.push(activation.championVersion());
            }
        }
        if (!live.peek().equals(current.championVersion())) {
            // the pointer moved without a recorded activation: start from what is live now
            live.push(current.championVersion());
        }
        String top = live.pop();
        String previous = live.isEmpty() ? top : live.peek();
        if (previous.equals(current.championVersion()) && !current.hasChallenger()) {
            throw new ProblemException(
                    ProblemKind.CONFLICT,
                    "nothing_to_roll_back",
                    "model " + previous + " is already the only live model and no earlier activation is in effect");
        }
        requireServable(previous, true);
        return moveTo(
                new ActivePointer(previous, null, 0, Timestamps.format(clock.instant())),
                actor,
                "rollback from " + current.championVersion() + (why == null ? "" : ": " + why),
                Activation.ROLLBACK);
    }

    /** The reviewed pairs a version trained on: none for the similarity model, empty when they were not recorded. */
    public Optional<Set<String>> trainingPairs(String version) {
        if (SimilarityModel.VERSION.equals(version)) {
            return Optional.of(Set.of());
        }
        return store.find(version).flatMap(record -> artifacts.trainingPairs(record.artifactPrefix()));
    }

    /** The hyperparameters a trained version was trained with; empty for the similarity model. */
    public Optional<Hyperparameters> hyperparameters(String version) {
        if (SimilarityModel.VERSION.equals(version)) {
            return Optional.empty();
        }
        return store.find(version)
                .flatMap(record -> artifacts.metadata(record.artifactPrefix()))
                .map(ModelMetadata::hyperparameters);
    }

    /** A servable model of any version, for evaluation; trained ones are verified first. */
    public ScoringModel scoringModel(String version) {
        if (SimilarityModel.VERSION.equals(version)) {
            return SimilarityModel.forEmbedder(embedder.name());
        }
        ModelRecord record = store.find(version).orElseThrow(() -> ProblemException.notFound("model_version", version));
        return new TrainedScoringModel(
                version, artifacts.load(record.artifactPrefix()).verify().classifier());
    }

    private ActivePointer moveTo(ActivePointer next, String actor, String reason, String kind) {
        ActivePointer current = store.pointer();
        Map<String, ModelStatus> statuses = new LinkedHashMap<>();
        for (String live : new String[] {current.championVersion(), current.challengerVersion()}) {
            if (live != null && !SimilarityModel.VERSION.equals(live)) {
                statuses.put(live, ModelStatus.RETIRED);
            }
        }
        if (!SimilarityModel.VERSION.equals(next.championVersion())) {
            statuses.put(next.championVersion(), ModelStatus.ACTIVE);
        }
        if (next.challengerVersion() != null && !SimilarityModel.VERSION.equals(next.challengerVersion())) {
            statuses.put(next.challengerVersion(), ModelStatus.CHALLENGER);
        }
        Activation activation = new Activation(
                next.updatedAt(),
                actor,
                next.championVersion(),
                next.challengerVersion(),
                next.challengerWeight(),
                current.championVersion(),
                reason,
                kind);
        store.activate(next, activation, statuses);
        JsonLog.info(
                "model.activated",
                Map.of(
                        "champion",
                        next.championVersion(),
                        "challenger",
                        String.valueOf(next.challengerVersion()),
                        "challenger_weight",
                        next.challengerWeight(),
                        "previous_champion",
                        current.championVersion(),
                        "actor",
                        actor,
                        "kind",
                        kind));
        return next;
    }

    /** Checks that a version can go live; true when it is a REJECTED model that {@code force} lets through. */
    private boolean requireServable(String version, boolean force) {
        if (SimilarityModel.VERSION.equals(version)) {
            return false;
        }
        ModelRecord record = store.find(version).orElseThrow(() -> ProblemException.notFound("model_version", version));
        if (!embedder.name().equals(record.embedder())) {
            throw new ProblemException(
                    ProblemKind.CONFLICT,
                    "embedder_mismatch",
                    "model " + version + " was trained on " + record.embedder() + " vectors but the embedder is "
                            + embedder.name());
        }
        boolean rejected = record.status() == ModelStatus.REJECTED;
        if (rejected && !force) {
            throw new ProblemException(
                    ProblemKind.CONFLICT,
                    MODEL_REJECTED,
                    "model " + version
                            + " was rejected by the evaluation gate; send \"force\": true to activate it anyway");
        }
        verified(record.artifactPrefix());
        return rejected;
    }

    private ModelArtifact verified(String prefix) {
        if (!artifacts.exists(prefix)) {
            throw new ProblemException(
                    ProblemKind.NOT_FOUND,
                    "model_artifact_not_found",
                    "no model files (" + ModelArtifact.METADATA_FILE + ") under " + prefix);
        }
        try {
            return artifacts.load(prefix).verify();
        } catch (ModelIntegrityException e) {
            JsonLog.warn("model.integrity_failed", Map.of("prefix", prefix));
            throw new ProblemException(ProblemKind.UNPROCESSABLE, "model_integrity", e.getMessage(), e);
        }
    }

    private static void requireNewVersionName(String version) {
        if (SimilarityModel.VERSION.equals(version)) {
            throw ProblemException.invalid("invalid_version", "version 0 is the built-in similarity model");
        }
        try {
            ModelArtifact.requireVersion(version);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("invalid_version", e.getMessage());
        }
    }

    /** s3://bucket/models/classifier/v/, models/classifier/v/ or a path to one of the model files. */
    String keyPrefix(String modelPath) {
        if (modelPath == null || modelPath.isBlank()) {
            throw ProblemException.invalid("missing_model_path", "model_path is required");
        }
        String key = modelPath.strip();
        if (key.startsWith("s3://")) {
            String rest = key.substring("s3://".length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            if (!bucket.equals(settings.bucket())) {
                throw ProblemException.invalid(
                        "invalid_model_path", "model_path must be in bucket " + settings.bucket());
            }
            key = slash < 0 ? "" : rest.substring(slash + 1);
        }
        String lastSegment = key.substring(key.lastIndexOf('/') + 1);
        if (lastSegment.contains(".")) {
            key = key.substring(0, key.length() - lastSegment.length());
        }
        if (key.isEmpty() || key.contains("..")) {
            throw ProblemException.invalid("invalid_model_path", "model_path must name a folder with the model files");
        }
        return key.endsWith("/") ? key : key + "/";
    }

    private ModelRecord similarityRecord(ActivePointer pointer) {
        ModelStatus status = SimilarityModel.VERSION.equals(pointer.championVersion())
                ? ModelStatus.ACTIVE
                : SimilarityModel.VERSION.equals(pointer.challengerVersion())
                        ? ModelStatus.CHALLENGER
                        : ModelStatus.RETIRED;
        return new ModelRecord(
                SimilarityModel.VERSION,
                SIMILARITY_FRAMEWORK,
                status,
                null,
                null,
                null,
                Map.of(),
                0,
                null,
                null,
                null,
                embedder.name(),
                0,
                null);
    }

    static Map<String, Object> testMetrics(ModelArtifact artifact) {
        Map<String, ClassificationMetrics> metrics = artifact.metadata().metrics();
        ClassificationMetrics test = metrics == null ? null : metrics.get(ModelMetadata.METRICS_TEST);
        return test == null ? Map.of() : Map.of("candidate", test.toMap());
    }

    private static Double metric(Map<String, Object> metrics, String name) {
        Object candidate = metrics.get("candidate");
        if (candidate instanceof Map<?, ?> values
                && values.get(name) instanceof Number number
                && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        return null;
    }

    /** Names the new version of a run, e.g. auto-20251018-140000-ab12cd for run-20251018-140000-ab12cd. */
    public static String versionForRun(String runId) {
        return "auto-" + runId.substring(runId.indexOf('-') + 1);
    }
}
