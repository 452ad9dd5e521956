package dev.resumescreening.logging;

import dev.resumescreening.config.Contract;
import dev.resumescreening.json.Json;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Business metrics in CloudWatch embedded metric format: one JSON line on standard output per event, which Lambda's
 * log delivery turns into CloudWatch metrics with no API call on the request path. Each line names its namespace,
 * dimension set and metric in {@code _aws.CloudWatchMetrics}, holds the dimension and metric values at its root, and
 * carries the request's log context (request id, function, model version) as properties for Logs Insights.
 *
 * <p>Names are listed here and read by Terraform's dashboard and alarms (terraform/observability.tf).
 */
public final class Metrics {
    public static final String UPLOADS = "Uploads";
    public static final String DECISIONS = "Decisions";
    public static final String REVIEWS = "Reviews";
    /** Reviews taken back by their reviewer or an admin (POST /api/v1/feedback/undo). */
    public static final String REVIEW_UNDOS = "ReviewUndos";
    /** 1 when a reviewer's first decision on a result equals the model's, else 0: its average is the agreement rate. */
    public static final String MODEL_AGREEMENT = "ModelAgreement";

    public static final String TRAINING_RUNS = "TrainingRuns";
    public static final String GATE_VERDICTS = "GateVerdicts";
    /** Reviews made since the last training, written by every scheduled-training run. */
    public static final String REVIEWS_AWAITING_TRAINING = "ReviewsAwaitingTraining";

    private static final String NAMESPACE_SETTING = "METRICS_NAMESPACE";
    private static final Metrics STANDARD =
            new Metrics(namespaceFromEnvironment(), Clock.systemUTC(), () -> System.out);

    private final String namespace;
    private final Clock clock;
    private final Supplier<PrintStream> out;

    Metrics(String namespace, Clock clock, Supplier<PrintStream> out) {
        this.namespace = namespace;
        this.clock = clock;
        this.out = out;
    }

    /** Counts one occurrence of {@code metric} under the given dimensions (none for an account-wide figure). */
    public static void count(String metric, Map<String, String> dimensions) {
        STANDARD.write(metric, 1, dimensions);
    }

    /** Records {@code value} (a count, e.g. a gauge of waiting reviews) of {@code metric} under the dimensions. */
    public static void record(String metric, double value, Map<String, String> dimensions) {
        STANDARD.write(metric, value, dimensions);
    }

    void write(String metric, double value, Map<String, String> dimensions) {
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", namespace);
        directive.put("Dimensions", List.of(new ArrayList<>(dimensions.keySet())));
        directive.put("Metrics", List.of(Map.of("Name", metric, "Unit", "Count")));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of("Timestamp", clock.millis(), "CloudWatchMetrics", List.of(directive)));
        line.putAll(JsonLog.context());
        line.putAll(dimensions);
        line.put(metric, value);
        out.get().println(Json.write(line));
    }

    private static String namespaceFromEnvironment() {
        String configured = System.getenv(NAMESPACE_SETTING);
        return configured == null || configured.isBlank()
                ? Contract.get().settingDefaults().get(NAMESPACE_SETTING)
                : configured;
    }
}
