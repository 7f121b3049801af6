package org.adjoint4j.examples.cli;

import java.io.PrintWriter;
import org.adjoint4j.examples.cli.model.FaultyHeat2dModelFactory;

/** The command-line tool with the test models too, to run in a child JVM that a test can kill. */
public final class FaultyModelsMain {

    private FaultyModelsMain() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(Adjoint4jCommand.execute(CommandRunner.factory(FaultyHeat2dModelFactory.registryWithFaults()), out, err,
                args));
    }
}
