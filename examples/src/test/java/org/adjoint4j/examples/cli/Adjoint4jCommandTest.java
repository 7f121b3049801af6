package org.adjoint4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Adjoint4jCommandTest {

    @Test
    void everySubcommandHasHelp() {
        for (String command : new String[] {"run", "verify", "schedule"}) {
            CommandRunner.Result r = CommandRunner.run(command, "--help");
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().startsWith("Usage: adjoint4j " + command), r.out());
        }
        CommandRunner.Result r = CommandRunner.run("--help");
        assertEquals(0, r.code());
        for (String command : new String[] {"run", "verify", "schedule", "help"}) {
            assertTrue(r.out().contains("  " + command + " "), "top-level help lists " + command + ":\n" + r.out());
        }
        assertTrue(r.out().contains("Exit codes: 0 success, 1 bad usage or configuration, 2 run-time failure"), r.out());
    }

    @Test
    void runAndVerifyExplainTheirOptions() {
        String help = CommandRunner.run("help", "run").out();
        assertTrue(help.contains("CONFIG") && help.contains("--set=KEY=VALUE"), help);
        help = CommandRunner.run("schedule", "--help").out();
        for (String option : new String[] {"--steps=L", "--memory=S", "--schedule=NAME", "--state-bytes=B", "--json",
            "--actions"}) {
            assertTrue(help.contains(option), option + " in:\n" + help);
        }
    }

    @Test
    void unknownCommandsAndMissingArgumentsAreUsageErrors() {
        CommandRunner.Result r = CommandRunner.run("optimise");
        assertEquals(1, r.code(), r.toString());
        r = CommandRunner.run("run");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("CONFIG"), r.err());
    }
}
