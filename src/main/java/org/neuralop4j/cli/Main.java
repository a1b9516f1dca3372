package org.neuralop4j.cli;

import java.io.PrintStream;
import org.neuralop4j.tensor.Parallel;

/** The {@code neuralop4j} command. */
public final class Main {
    private Main() {}

    static final String USAGE = """
            usage: neuralop4j <command> [options]

            commands:
              info      print the version, the Java runtime and the thread count
              --help    print this message

            options for every command:
              -Dneuralop4j.threads=N   (a JVM option) number of worker threads; results do not depend on it
            """;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the process exit code (0 ok, 2 usage error). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        switch (args[0]) {
            case "info" -> {
                out.println(info());
                return 0;
            }
            default -> {
                err.println("neuralop4j: unknown command '" + args[0] + "'");
                err.print(USAGE);
                return 2;
            }
        }
    }

    static String info() {
        Package p = Main.class.getPackage();
        String version = p != null && p.getImplementationVersion() != null ? p.getImplementationVersion() : "development build";
        return "neuralop4j " + version + "\n"
                + "java       " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")\n"
                + "threads    " + Parallel.threads() + " (of " + Runtime.getRuntime().availableProcessors() + " processors)\n"
                + "floors     tensor, fft, linalg, autograd, nn, optim, pde, data, train";
    }
}
