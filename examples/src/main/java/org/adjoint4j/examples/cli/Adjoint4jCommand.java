package org.adjoint4j.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code adjoint4j} command: gradients of time-stepping simulations by discrete adjoints.
 * Exit codes: 0 success, 1 bad usage or configuration, 2 run-time failure.
 */
@Command(name = "adjoint4j", mixinStandardHelpOptions = true, versionProvider = Adjoint4jCommand.Version.class,
        description = "Gradients of time-stepping simulations by discrete adjoints with optimal checkpointing.",
        subcommands = {Heat2dCommand.class, CommandLine.HelpCommand.class})
public final class Adjoint4jCommand implements Runnable {

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

    /** Runs the command line and returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Adjoint4jCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("adjoint4j: " + e.getMessage());
            e.getCommandLine().usage(err);
            return BAD_USAGE;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                err.println("adjoint4j: " + e.getMessage());
                return BAD_USAGE;
            }
            err.println("adjoint4j: " + e);
            return FAILURE;
        });
        return cli.execute(args);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(out, err, args));
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Adjoint4jCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"adjoint4j " + p.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
