package dev.resumescreening.trainer;

import dev.resumescreening.logging.JsonLog;
import dev.resumescreening.model.Hyperparameters;
import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.model.TrainingDataCsv;
import dev.resumescreening.model.TrainingSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SageMaker training-container contract (the image is run with the argument {@code train}):
 * <ul>
 *   <li>reads {@code {base}/input/config/hyperparameters.json} (a JSON object, every value a string; missing file =
 *       defaults). Besides the {@link Hyperparameters} keys it accepts {@code model_version}, the version written to
 *       the metadata (default: env {@code TRAINING_JOB_NAME}, else a UTC timestamp);</li>
 *   <li>reads every {@code *.csv} in {@code {base}/input/data/train/} ({@link TrainingDataCsv} format);</li>
 *   <li>writes {@code weights.bin} and {@code metadata.json} to {@code {base}/model/} (SageMaker uploads it as
 *       model.tar.gz) and the held-out test split's sample ids, one per line, to
 *       {@code {base}/output/data/test_sample_ids.txt};</li>
 *   <li>on failure writes the reason to {@code {base}/output/failure} and exits 1.</li>
 * </ul>
 * {@code base} is {@code /opt/ml} unless the system property {@value #BASE_DIR_PROPERTY} says otherwise.
 */
public final class SageMakerEntryPoint {

    public static final String BASE_DIR_PROPERTY = "sagemaker.base.dir";
    public static final String DEFAULT_BASE_DIR = "/opt/ml";
    public static final String MODEL_VERSION_KEY = "model_version";

    private final Path base;
    private final Map<String, String> environment;

    public SageMakerEntryPoint(Path base) {
        this(base, System.getenv());
    }

    SageMakerEntryPoint(Path base, Map<String, String> environment) {
        this.base = base;
        this.environment = environment;
    }

    public static void main(String[] args) {
        DjlRuntime.configure();
        Path base = Path.of(System.getProperty(BASE_DIR_PROPERTY, DEFAULT_BASE_DIR));
        System.exit(new SageMakerEntryPoint(base).run());
    }

    public Path hyperparametersFile() {
        return base.resolve("input/config/hyperparameters.json");
    }

    public Path trainingDataDir() {
        return base.resolve("input/data/train");
    }

    public Path modelDir() {
        return base.resolve("model");
    }

    public Path outputDir() {
        return base.resolve("output");
    }

    public Path failureFile() {
        return outputDir().resolve("failure");
    }

    /** Trains and writes the model; returns the process exit code (0 ok, 1 failed, reason in {@link #failureFile()}). */
    public int run() {
        try {
            Map<String, String> raw = readHyperparameters();
            String version = raw.remove(MODEL_VERSION_KEY);
            Hyperparameters hp = Hyperparameters.parse(raw);
            version = version != null && !version.isBlank() ? version.trim() : defaultVersion();
            ModelArtifact.requireVersion(version);

            TrainingSet samples = TrainingDataCsv.readDirectorySet(trainingDataDir());
            JsonLog.info(
                    "sagemaker.training_data",
                    Map.of(
                            "samples",
                            samples.reviewed().size(),
                            "unreviewed",
                            samples.unreviewed().size(),
                            "directory",
                            trainingDataDir().toString(),
                            "hyperparameters",
                            hp.toMap()));

            TrainingOutcome outcome =
                    new MlpTrainer(line -> JsonLog.info("training.log", Map.of("line", line))).train(samples, hp);
            ModelArtifact artifact = outcome.toArtifact(version, Instant.now()).verify();
            artifact.writeTo(modelDir());
            Path data = outputDir().resolve("data");
            Files.createDirectories(data);
            Files.write(data.resolve("test_sample_ids.txt"), outcome.testSampleIds(), StandardCharsets.UTF_8);
            JsonLog.info(
                    "sagemaker.model_written",
                    Map.of(
                            "version",
                            version,
                            "sha256",
                            artifact.metadata().weightsSha256(),
                            "directory",
                            modelDir().toString()));
            return 0;
        } catch (Exception | OutOfMemoryError e) {
            fail(e);
            return 1;
        }
    }

    private Map<String, String> readHyperparameters() throws IOException {
        Path file = hyperparametersFile();
        if (!Files.exists(file)) {
            return new LinkedHashMap<>();
        }
        return Hyperparameters.wireValues(Files.readString(file), file.toString());
    }

    private String defaultVersion() {
        String job = environment.get("TRAINING_JOB_NAME");
        if (job != null && !job.isBlank()) {
            return job.replaceAll("[^A-Za-z0-9._-]", "-");
        }
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
    }

    private void fail(Throwable e) {
        String reason = e instanceof IllegalArgumentException || e instanceof IllegalStateException
                ? e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        System.err.println("training failed: " + reason);
        System.err.println(trace);
        try {
            Files.createDirectories(outputDir());
            // SageMaker shows the first 1024 characters of this file as the job's FailureReason
            Files.writeString(failureFile(), reason + "\n", StandardCharsets.UTF_8);
        } catch (IOException io) {
            System.err.println("could not write " + failureFile() + ": " + io);
        }
    }
}
