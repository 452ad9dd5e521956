package dev.resumescreening.local;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Command-line options of the form {@code --name value} and {@code --flag}. */
final class Options {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private Options() {
    }

    static Options parse(List<String> args, Set<String> valued, Set<String> flagNames) {
        Options options = new Options();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            String inlineValue = null;
            if (name != null && name.contains("=")) {
                inlineValue = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            }
            if (name != null && valued.contains(name)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                options.values.put(name, value);
            } else if (name != null && flagNames.contains(name) && inlineValue == null) {
                options.flags.add(name);
            } else {
                throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return options;
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String value(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    int intValue(String name, int defaultValue) {
        String raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + raw + "'");
        }
    }

    boolean flag(String name) {
        return flags.contains(name);
    }
}
