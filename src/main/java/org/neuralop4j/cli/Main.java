package org.neuralop4j.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.neuralop4j.tensor.Parallel;

/** The {@code neuralop4j} command. */
public final class Main {
    private Main() {}

    static final String USAGE = """
            usage: neuralop4j <command> [options]

            commands:
              train      train an FNO, TFNO, IFNO or CoDA-NO (with no options: an FNO on a Darcy-flow data set it generates) and write
                         metrics, the model and figures into out/
              eval       relative L2 error of a trained model on test sets
              predict    apply a trained model to the inputs in an .npz file
              generate   make a data set with the library's PDE solvers
              pretrain   pretrain a CoDA-NO by masked reconstruction on multiphysics flow data
              finetune   fine-tune a pretrained CoDA-NO on a system with more variables
              lifelong   one FNO learns a sequence of PDE tasks; stability and plasticity measures
              info       print the version, the Java runtime and the thread count

            neuralop4j <command> --help shows a command's options. Exit status: 0 done, 1 failed, 2 usage error.
            """;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.console() != null));
    }

    /** Runs the command; returns the exit status (0 ok, 1 failure, 2 usage error). */
    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        if (args.length == 0 || List.of("--help", "-h", "help").contains(args[0])) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        String help = switch (command) {
            case "train" -> TrainCommand.USAGE;
            case "eval" -> Commands.EVAL;
            case "predict" -> Commands.PREDICT;
            case "generate" -> Commands.GENERATE;
            case "pretrain" -> CodaCommand.PRETRAIN;
            case "finetune" -> CodaCommand.FINETUNE;
            case "lifelong" -> LifelongCommand.USAGE;
            case "info" -> "usage: neuralop4j info\n";
            default -> null;
        };
        if (help == null) {
            err.println("neuralop4j: unknown command '" + command + "' (commands: train, eval, predict, generate, pretrain, finetune, lifelong, info; see neuralop4j --help)");
            return 2;
        }
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.print(help);
            return 0;
        }
        try {
            return switch (command) {
                case "train" -> isCoda(args) ? CodaCommand.train(args, out, err, terminal) : TrainCommand.run(args, out, err, terminal);
                case "pretrain" -> CodaCommand.pretrain(args, out, err, terminal);
                case "finetune" -> CodaCommand.finetune(args, out, err, terminal);
                case "lifelong" -> LifelongCommand.run(args, out, err, terminal);
                case "eval" -> Commands.eval(args, out);
                case "predict" -> Commands.predict(args, out);
                case "generate" -> Commands.generate(args, out, err, terminal);
                default -> {
                    if (args.length > 1) throw new Args.UsageError("info: takes no options");
                    out.println(info());
                    yield 0;
                }
            };
        } catch (Args.UsageError e) {
            err.println("neuralop4j " + e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            err.println("neuralop4j " + command + ": " + e.getMessage());
            return 1;
        }
    }

    /** train --model codano goes to the CoDA-NO trainer. */
    private static boolean isCoda(String[] args) {
        for (int i = 1; i + 1 < args.length; i++) if (args[i].equals("--model") && args[i + 1].equals("codano")) return true;
        return List.of(args).contains("--model=codano");
    }

    static String info() {
        Package p = Main.class.getPackage();
        String version = p != null && p.getImplementationVersion() != null ? p.getImplementationVersion() : "development build";
        return "neuralop4j " + version + "\n"
                + "java       " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")\n"
                + "threads    " + Parallel.threads() + " (of " + Runtime.getRuntime().availableProcessors() + " processors)\n"
                + "floors     tensor, fft, linalg, autograd, nn, optim, pde, data, train, io, cli";
    }
}
