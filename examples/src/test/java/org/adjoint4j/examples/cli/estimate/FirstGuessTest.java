package org.adjoint4j.examples.cli.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FirstGuessTest {

    @Test
    void theThreeFormsAreRead() {
        assertEquals(Optional.of(new FirstGuess("kappa", FirstGuess.Kind.CONSTANT, 1.0)), FirstGuess.parse("kappa = 1.0"));
        assertEquals(Optional.of(new FirstGuess("F", FirstGuess.Kind.SCALED, 0.9)), FirstGuess.parse("F=truth*0.9"));
        assertEquals(Optional.of(new FirstGuess("x0", FirstGuess.Kind.NOISE, 1.5e-1)),
                FirstGuess.parse("  x0 = truth + noise( 1.5e-1 ) "));
        assertEquals(Optional.of(new NamedValue("alpha_2", -3e-4)), NamedValue.parse("alpha_2 = -3e-4"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kappa", "kappa = ", "= 1", "kappa = one", "kappa = truth - noise(1)", "kappa = truth + noise(-1)",
        "2k = 1", "kappa = 1e400", "kappa = truth * 1 extra"})
    void anythingElseIsRejected(String entry) {
        assertTrue(FirstGuess.parse(entry).isEmpty(), entry);
    }
}
