package dev.resumescreening.config;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration read once per container from environment variables named in the contract. Every value has a
 * default, so the code runs locally with no environment at all.
 */
public final class Settings {
    public static final String DEFAULT_NAME_PREFIX = "resume-screening";
    public static final String REGION = "AWS_REGION";
    public static final String ENDPOINT = "AWS_ENDPOINT_URL";

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Settings fromEnvironment() {
        return of(System.getenv());
    }

    /** Settings from the given variables, each missing one taking its contract default. */
    public static Settings of(Map<String, String> variables) {
        Contract contract = Contract.get();
        Map<String, String> resolved = new HashMap<>(contract.settingDefaults());
        contract.tables().values().forEach(t -> resolved.put(t.env(), defaultTableName(t.logicalName())));
        resolved.put(contract.bucketEnv(), DEFAULT_NAME_PREFIX + "-data");
        resolved.put(REGION, "us-east-1");
        variables.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                resolved.put(k, v);
            }
        });
        return new Settings(resolved);
    }

    public static String defaultTableName(String logicalName) {
        return DEFAULT_NAME_PREFIX + "-" + logicalName.replace('_', '-');
    }

    public Settings with(String name, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(name, value);
        return new Settings(copy);
    }

    public String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("setting " + name + " is not defined in contract.json");
        }
        return value;
    }

    public String tableName(String logicalName) {
        return get(Contract.get().table(logicalName).env());
    }

    public String bucket() {
        return get(Contract.get().bucketEnv());
    }

    public String region() {
        return get(REGION);
    }

    /**
     * The endpoint override for one service, named as the AWS SDKs name them: AWS_ENDPOINT_URL_DYNAMODB (service id
     * upper-cased) before AWS_ENDPOINT_URL. Empty in AWS, where the SDK finds the regional endpoint itself.
     */
    public Optional<URI> endpoint(String serviceId) {
        return Optional.ofNullable(values.get(ENDPOINT + "_" + serviceId.toUpperCase(Locale.ROOT)))
                .or(() -> Optional.ofNullable(values.get(ENDPOINT)))
                .map(URI::create);
    }

    public long longValue(String name) {
        return parse(name, Long::parseLong);
    }

    public int intValue(String name) {
        return parse(name, Integer::parseInt);
    }

    public double doubleValue(String name) {
        return parse(name, Double::parseDouble);
    }

    private <T> T parse(String name, java.util.function.Function<String, T> parser) {
        String raw = get(name);
        try {
            return parser.apply(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("setting " + name + " must be a number, got '" + raw + "'", e);
        }
    }
}
