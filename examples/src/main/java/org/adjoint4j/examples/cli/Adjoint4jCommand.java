package org.adjoint4j.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.adjoint4j.adjoint.NonFiniteValueException;
import org.adjoint4j.examples.cli.config.ConfigurationException;
import org.adjoint4j.examples.cli.model.ModelRegistry;
import org.adjoint4j.mpi.Communicator;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code adjoint4j} command: gradients of time-stepping simulations by discrete adjoints.
 * Exit codes: 0 success, 1 bad usage or configuration, 2 run-time failure (including a failed verification).
 */
@Command(name = "adjoint4j", mixinStandardHelpOptions = true, versionProvider = Adjoint4jCommand.Version.class,
        description = "Gradients of time-stepping simulations by discrete adjoints with optimal checkpointing.",
        subcommands = {RunCommand.class, VerifyCommand.class, EstimateCommand.class, ScheduleCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 bad usage or configuration, 2 run-time failure or failed verification.",
            "Configuration keys: docs/configuration.md; output files: docs/outputs.md."})
public final class Adjoint4jCommand implements Runnable {
    /** Creates the top-level command, for a picocli {@code CommandLine}. */
    public Adjoint4jCommand() {
    }

    /** Success. */
    public static final int OK = 0;
    /** Bad usage or configuration. */
    public static final int BAD_USAGE = 1;
    /** Run-time failure, including a failed verification. */
    public static final int FAILURE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs the command line with {@code out} and {@code err} as its streams and returns the exit code.
     *
     * @param out  where help, version and results go; not closed
     * @param err  where usage errors and failure messages go, each line prefixed "adjoint4j: "; not closed
     * @param args the command-line arguments, e.g. {@code run heat2d.toml}
     * @return {@link #OK}, {@link #BAD_USAGE} or {@link #FAILURE}
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(CommandLine.defaultFactory(), out, err, args);
    }

    /** As {@link #execute(PrintWriter, PrintWriter, String...)}, with {@code factory} creating the commands and options. */
    static int execute(CommandLine.IFactory factory, PrintWriter out, PrintWriter err, String... args) {
        // The plots draw into images; no display is needed or wanted, also on a desktop.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        CommandLine cli = new CommandLine(new Adjoint4jCommand(), factory);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("adjoint4j: " + e.getMessage());
            e.getCommandLine().usage(err);
            return BAD_USAGE;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            message(e).lines().forEach(line -> err.println("adjoint4j: " + line));
            err.flush();
            return e instanceof ConfigurationException || e instanceof IllegalArgumentException ? BAD_USAGE : FAILURE;
        });
        return cli.execute(args);
    }

    /**
     * Runs the command line as one rank of a job: with {@code comm} as the run's ranks, printing on
     * rank 0 only; failures propagate to the launcher, which names the rank.
     */
    static int executeOnRank(Communicator comm, ModelRegistry registry, PrintWriter out, PrintWriter err, String... args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory onRank = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == ConfigOptions.class ? cls.cast(new ConfigOptions(registry, comm)) : defaults.create(cls);
            }
        };
        CommandLine cli = new CommandLine(new Adjoint4jCommand(), onRank);
        cli.setOut(comm.rank() == 0 ? out : new PrintWriter(Writer.nullWriter()));
        cli.setErr(err);
        Exception[] failure = new Exception[1];
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            failure[0] = e;
            return FAILURE;
        });
        int code = cli.execute(args);
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0].toString(), failure[0]);
        }
        return code;
    }

    private static String message(Exception e) {
        if ((e instanceof ConfigurationException || e instanceof IllegalArgumentException) && e.getMessage() != null) {
            return e.getMessage();
        }
        if (e instanceof NonFiniteValueException) {
            return "the run failed: " + e.getMessage();
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return "cannot write the outputs: " + e.getMessage() + "; the output directory was left untouched";
        }
        return "the run failed: " + e;
    }

    /**
     * Runs the tool and exits with its exit code.
     *
     * @param args the command-line arguments; {@code --help} lists the subcommands
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(out, err, args));
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"adjoint4j " + BuildVersion.adjoint4j(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
