package org.adjoint4j.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.adjoint4j.examples.cli.model.ModelRegistry;
import picocli.CommandLine;

/** Runs the command line in-process, capturing its output. */
final class CommandRunner {

    /** What one command line printed and returned. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private CommandRunner() {
    }

    /** Runs {@code args} with the standard models. */
    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Adjoint4jCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A picocli factory whose commands know the models of {@code registry}. */
    static CommandLine.IFactory factory(ModelRegistry registry) {
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == ConfigOptions.class ? cls.cast(new ConfigOptions(registry)) : CommandLine.defaultFactory().create(cls);
            }
        };
    }

    /** Runs {@code args} with the models of {@code registry}. */
    static Result run(ModelRegistry registry, String... args) {
        CommandLine.IFactory factory = factory(registry);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Adjoint4jCommand.execute(factory, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
