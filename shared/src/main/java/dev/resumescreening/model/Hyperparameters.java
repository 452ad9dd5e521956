package dev.resumescreening.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Training hyperparameters. Each one is defined once, as a {@link Key}: its snake_case name, type, default and valid
 * values. That one definition drives reading ({@link #parse(Map)}: strings, as SageMaker passes every hyperparameter,
 * and TRAINING_HYPERPARAMETERS), writing ({@link #toMap()}: SageMaker's hyperparameter map) and the JSON object in a
 * model's {@code metadata.json}. Missing keys take the defaults.
 */
public final class Hyperparameters {

    /** {@code features} values: every pair feature, or only the similarity. */
    public static final String FEATURES_ALL = "all";

    public static final String FEATURES_COSINE = "cosine";

    /** Every hyperparameter; its wire name is the constant's name in lower case. */
    public enum Key {
        /** Maximum epochs. */
        EPOCHS(Kind.integer(1, 100_000), 50),
        BATCH_SIZE(Kind.integer(1, 1 << 16), 16),
        /** Adam's learning rate. */
        LEARNING_RATE(Kind.number("in (0, 1]", v -> v > 0 && v <= 1), 1e-4),
        /**
         * ReLU units over the {@code PairFeatures}: room to model how similarity and a job's feedback interact, while
         * early stopping keeps it from memorising the reviews.
         */
        HIDDEN_SIZE(Kind.integer(1, 8192), 64),
        /**
         * Stop after this many epochs without a lower validation loss; 0 disables early stopping (the best epoch's
         * weights are kept either way).
         */
        PATIENCE(Kind.integer(0, 100_000), 8),
        SEED(Kind.integer(Integer.MIN_VALUE, Integer.MAX_VALUE), 42),
        /** Adam weight decay. */
        WEIGHT_DECAY(Kind.number("in [0, 1)", v -> v >= 0 && v < 1), 0.0),
        /**
         * Share of the stratified split held out for validation ({@link #TEST_FRACTION} likewise for the test split;
         * train gets the rest); 0.2 rather than 0.15 because the first trainings have 20-200 reviews, and the
         * candidate gate needs held-out samples of both classes (see {@code CandidateGate.MIN_HELD_OUT_PER_CLASS}).
         */
        VALIDATION_FRACTION(Kind.number("in (0, 1)", v -> v > 0 && v < 1), 0.2),
        TEST_FRACTION(Kind.number("in (0, 1)", v -> v > 0 && v < 1), 0.2),
        /** Weight positive samples by negatives/positives in the loss. */
        BALANCE_CLASSES(Kind.bool(), false),
        /**
         * Which pair features the network may use: "all" ({@code PairFeatures}: the similarity and the job's review
         * feedback) or "cosine" (the similarity only); the served weights keep the full input layout either way.
         */
        FEATURES(Kind.choice(FEATURES_ALL, FEATURES_COSINE), FEATURES_ALL),
        /** See {@link #BASELINE_STEEPNESS}. */
        BASELINE_CENTER(Kind.number("", v -> true), 0.0),
        /**
         * The similarity model's calibration ({@code SimilarityModel.forEmbedder}) with {@link #BASELINE_CENTER}; with
         * a steepness &gt; 0 the network is warm-started to compute exactly
         * {@code steepness * (cosine + feedback - center)} before training, and keeps those weights unless an epoch
         * lowers the validation loss. The scheduled training sets them for its embedder; 0 disables the warm start.
         */
        BASELINE_STEEPNESS(Kind.number(">= 0 (0 disables the warm start)", v -> v >= 0), 0.0);

        private final Kind kind;
        private final Object defaultValue;

        Key(Kind kind, Object defaultValue) {
            this.kind = kind;
            this.defaultValue = defaultValue;
        }

        /** The name in SageMaker's hyperparameter map, hyperparameters.json and metadata.json. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        private static Key named(String wireName) {
            for (Key key : values()) {
                if (key.wireName().equals(wireName)) {
                    return key;
                }
            }
            return null;
        }

        private Object parse(String text) {
            Object value;
            try {
                value = kind.parser().apply(text);
            } catch (RuntimeException e) {
                value = null;
            }
            if (value == null || !kind.valid().test(value)) {
                throw new IllegalArgumentException(problem("'" + text + "'"));
            }
            return value;
        }

        private Object check(Object value) {
            if (!kind.type().isInstance(value) || !kind.valid().test(value)) {
                throw new IllegalArgumentException("invalid hyperparameters: " + problem(String.valueOf(value)));
            }
            return value;
        }

        private String problem(String got) {
            return "hyperparameter '" + wireName() + "' must be " + kind.expected() + ", got " + got;
        }
    }

    /** How a key's values are written as text and which are valid. */
    private record Kind(Class<?> type, String expected, Function<String, Object> parser, Predicate<Object> valid) {

        static Kind integer(int min, int max) {
            return new Kind(
                    Integer.class,
                    "an integer in [" + min + ", " + max + "]",
                    Integer::valueOf,
                    v -> (Integer) v >= min && (Integer) v <= max);
        }

        static Kind number(String range, DoublePredicate valid) {
            return new Kind(
                    Double.class,
                    ("a finite number " + range).trim(),
                    Double::valueOf,
                    v -> Double.isFinite((Double) v) && valid.test((Double) v));
        }

        static Kind bool() {
            return new Kind(
                    Boolean.class,
                    "true or false",
                    text -> "true".equalsIgnoreCase(text)
                            ? Boolean.TRUE
                            : "false".equalsIgnoreCase(text) ? Boolean.FALSE : null,
                    v -> true);
        }

        static Kind choice(String... choices) {
            List<String> allowed = Arrays.asList(choices);
            return new Kind(
                    String.class, "one of " + allowed, text -> text.toLowerCase(Locale.ROOT), allowed::contains);
        }
    }

    private static final Hyperparameters DEFAULTS;

    static {
        EnumMap<Key, Object> values = new EnumMap<>(Key.class);
        for (Key key : Key.values()) {
            values.put(key, key.check(key.defaultValue));
        }
        DEFAULTS = new Hyperparameters(values);
    }

    private final EnumMap<Key, Object> values;

    private Hyperparameters(EnumMap<Key, Object> values) {
        this.values = values;
    }

    public static Hyperparameters defaults() {
        return DEFAULTS;
    }

    /**
     * Parses string values over the defaults. Unknown keys are rejected (a typo must not silently train with a
     * default), except SageMaker's own {@code sagemaker_*} keys. All problems are reported together, each naming the
     * key and the offending value.
     */
    public static Hyperparameters parse(Map<String, String> values) {
        return read(values, true);
    }

    /**
     * A JSON object of hyperparameters (SageMaker's hyperparameters.json, TRAINING_HYPERPARAMETERS) as the string
     * values {@link #parse} reads: strings as they are, numbers and booleans as JSON writes them, since either form
     * arrives. {@code source} names where the JSON came from in the error.
     */
    public static Map<String, String> wireValues(String json, String source) {
        JsonNode root;
        try {
            root = Json.read(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + " must hold a JSON object of hyperparameters");
        }
        Map<String, String> values = new LinkedHashMap<>();
        root.fields()
                .forEachRemaining(field -> values.put(
                        field.getKey(),
                        field.getValue().isTextual()
                                ? field.getValue().asText()
                                : field.getValue().toString()));
        return values;
    }

    /** metadata.json's object; keys a newer writer added are ignored, keys an older one lacked take the defaults. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Hyperparameters fromJson(Map<String, Object> json) {
        return read(json, false);
    }

    private static Hyperparameters read(Map<String, ?> given, boolean rejectUnknown) {
        EnumMap<Key, Object> values = new EnumMap<>(DEFAULTS.values);
        List<String> errors = new ArrayList<>();
        if (given != null) {
            given.forEach((name, value) -> {
                Key key = Key.named(name);
                if (key != null && (value != null || rejectUnknown)) {
                    try {
                        values.put(
                                key,
                                key.parse(
                                        value == null
                                                ? null
                                                : unquote(value.toString().trim())));
                    } catch (IllegalArgumentException e) {
                        errors.add(e.getMessage());
                    }
                } else if (key == null && rejectUnknown && (name == null || !name.startsWith("sagemaker_"))) {
                    errors.add(name == null ? "null hyperparameter name" : unknown(name));
                }
            });
        }
        if (errors.isEmpty()) {
            errors.addAll(crossKeyProblems(values));
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid hyperparameters: " + String.join("; ", errors));
        }
        return new Hyperparameters(values);
    }

    private static String unknown(String name) {
        return "unknown hyperparameter '" + name + "' (known: "
                + String.join(
                        ", ",
                        Arrays.stream(Key.values()).map(Key::wireName).sorted().toList()) + ")";
    }

    private static List<String> crossKeyProblems(Map<Key, Object> values) {
        double validation = (Double) values.get(Key.VALIDATION_FRACTION);
        double test = (Double) values.get(Key.TEST_FRACTION);
        if (validation + test >= 0.9) {
            return List.of("hyperparameters '" + Key.VALIDATION_FRACTION.wireName() + "' + '"
                    + Key.TEST_FRACTION.wireName() + "' must leave at least 10% for training, got " + validation + " + "
                    + test);
        }
        return List.of();
    }

    private static String unquote(String s) {
        // The SageMaker Python SDK JSON-encodes values, so strings may arrive as "\"...\"".
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    /** The same hyperparameters with one changed; the value must have the key's type and be valid for it. */
    public Hyperparameters with(Key key, Object value) {
        EnumMap<Key, Object> changed = new EnumMap<>(values);
        changed.put(key, key.check(value));
        List<String> errors = crossKeyProblems(changed);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid hyperparameters: " + String.join("; ", errors));
        }
        return new Hyperparameters(changed);
    }

    /** Warm start from the similarity model {@code sigmoid(steepness * (cosine - center))}. */
    public Hyperparameters withBaseline(double center, double steepness) {
        return with(Key.BASELINE_CENTER, center).with(Key.BASELINE_STEEPNESS, steepness);
    }

    /** String form with the same keys {@link #parse(Map)} reads. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        values.forEach((key, value) -> map.put(key.wireName(), value.toString()));
        return map;
    }

    /** metadata.json's object: the same keys, numbers and booleans as JSON numbers and booleans. */
    @JsonValue
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        values.forEach((key, value) -> json.put(key.wireName(), value));
        return json;
    }

    public int epochs() {
        return (Integer) values.get(Key.EPOCHS);
    }

    public int batchSize() {
        return (Integer) values.get(Key.BATCH_SIZE);
    }

    public double learningRate() {
        return (Double) values.get(Key.LEARNING_RATE);
    }

    public int hiddenSize() {
        return (Integer) values.get(Key.HIDDEN_SIZE);
    }

    public int patience() {
        return (Integer) values.get(Key.PATIENCE);
    }

    public int seed() {
        return (Integer) values.get(Key.SEED);
    }

    public double weightDecay() {
        return (Double) values.get(Key.WEIGHT_DECAY);
    }

    public double validationFraction() {
        return (Double) values.get(Key.VALIDATION_FRACTION);
    }

    public double testFraction() {
        return (Double) values.get(Key.TEST_FRACTION);
    }

    public double trainFraction() {
        return 1.0 - validationFraction() - testFraction();
    }

    public boolean balanceClasses() {
        return (Boolean) values.get(Key.BALANCE_CLASSES);
    }

    public String features() {
        return (String) values.get(Key.FEATURES);
    }

    public double baselineCenter() {
        return (Double) values.get(Key.BASELINE_CENTER);
    }

    public double baselineSteepness() {
        return (Double) values.get(Key.BASELINE_STEEPNESS);
    }

    /** Whether training starts from the similarity baseline (see {@link Key#BASELINE_STEEPNESS}). */
    public boolean warmStart() {
        return baselineSteepness() > 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hyperparameters that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Hyperparameters" + toMap();
    }
}
