package org.neuralop4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of one command: {@code --name value} pairs (repeatable ones collect every
 * value) and {@code --flag}s, checked against the names the command declares. Every mistake is a
 * {@link UsageError} whose message is one line.
 */
final class Args {
    /** A wrong flag or value: the command prints the message and exits with status 2. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    private final String command;
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    /**
     * @param valued names taking a value; {@code flags} names taking none (both without the dashes)
     */
    Args(String command, String[] args, int from, Set<String> valued, Set<String> flags) {
        this.command = command;
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) throw new UsageError(command + ": unexpected argument '" + a + "' (options start with --)");
            String name = a.substring(2), value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) throw new UsageError(command + ": --" + name + " takes no value");
                values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) throw new UsageError(command + ": --" + name + " needs a value");
                    value = args[++i];
                }
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new UsageError(command + ": unknown option --" + name + " (see neuralop4j " + command + " --help)");
            }
        }
    }

    /** Options from a saved map (a resumed run's); checked as if typed. */
    static Args of(String command, Map<String, List<String>> saved, Set<String> valued, Set<String> flags) {
        List<String> argv = new ArrayList<>();
        saved.forEach((k, vs) -> {
            for (String v : vs) {
                argv.add("--" + k);
                if (!flags.contains(k)) argv.add(v);
            }
        });
        return new Args(command, argv.toArray(new String[0]), 0, valued, flags);
    }

    String command() {
        return command;
    }

    /** The option names given. */
    Set<String> names() {
        return values.keySet();
    }

    /** Every option and its values, as given. */
    Map<String, List<String>> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** Every value given for a repeatable option. */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The value, or the default; given twice is an error. */
    String string(String name, String dflt) {
        List<String> v = values.get(name);
        if (v == null) return dflt;
        if (v.size() > 1) throw new UsageError(command + ": --" + name + " given " + v.size() + " times");
        return v.get(0);
    }

    String required(String name) {
        String v = string(name, null);
        if (v == null) throw new UsageError(command + ": --" + name + " is required");
        return v;
    }

    int integer(String name, int dflt, int min, int max) {
        String v = string(name, null);
        if (v == null) return dflt;
        try {
            int x = Integer.parseInt(v);
            if (x < min || x > max) throw new NumberFormatException();
            return x;
        } catch (NumberFormatException e) {
            throw new UsageError(command + ": --" + name + " must be an integer in [" + min + ", " + max + "], got '" + v + "'");
        }
    }

    double number(String name, double dflt, double min, double max) {
        String v = string(name, null);
        if (v == null) return dflt;
        try {
            double x = Double.parseDouble(v);
            if (!(x >= min && x <= max)) throw new NumberFormatException();
            return x;
        } catch (NumberFormatException e) {
            throw new UsageError(command + ": --" + name + " must be a number in [" + min + ", " + max + "], got '" + v + "'");
        }
    }

    String choice(String name, String dflt, String... options) {
        String v = string(name, dflt);
        if (v != null && !List.of(options).contains(v)) {
            throw new UsageError(command + ": --" + name + " must be one of " + String.join(", ", options) + ", got '" + v + "'");
        }
        return v;
    }
}
