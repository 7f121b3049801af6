package org.adjoint4j.examples.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    private static final TomlMapper TOML = new TomlMapper();

    /** The value of {@code v = TEXT} as the TOML parser gives it. */
    private static JsonNode toml(String text) throws Exception {
        return TOML.readTree("v = " + text).get("v");
    }

    @Test
    void integersAcceptOnlyWholeNumbersInTheirRange() throws Exception {
        ValueType<Integer> t = ValueTypes.integer(1, 10);
        assertEquals(Optional.of(1), t.read(toml("1")));
        assertEquals(Optional.of(10), t.read(toml("10")));
        assertTrue(t.read(toml("0")).isEmpty());
        assertTrue(t.read(toml("11")).isEmpty());
        assertTrue(t.read(toml("5.0")).isEmpty(), "a float is not an integer");
        assertTrue(t.read(toml("\"5\"")).isEmpty(), "a string is not an integer");
        assertTrue(ValueTypes.integer(0, Integer.MAX_VALUE).read(toml("99999999999")).isEmpty(), "beyond int");
        assertEquals("an integer in [1, 10]", t.expected());
        assertEquals("an integer >= 1", ValueTypes.integer(1, Integer.MAX_VALUE).expected());
    }

    @Test
    void numbersAcceptIntegersAndFloatsAboveTheBound() throws Exception {
        ValueType<Double> t = ValueTypes.numberAbove(0);
        assertEquals(Optional.of(2.0), t.read(toml("2")));
        assertEquals(Optional.of(0.5), t.read(toml("0.5")));
        assertTrue(t.read(toml("0")).isEmpty());
        assertTrue(t.read(toml("inf")).isEmpty());
        assertTrue(t.read(toml("nan")).isEmpty());
        assertTrue(t.read(toml("1e400")).isEmpty(), "overflows a double");
        assertEquals("a number > 0", t.expected());
    }

    @Test
    void plainNumbersAcceptNegativeValuesButNotInfinity() throws Exception {
        ValueType<Double> t = ValueTypes.number();
        assertEquals(Optional.of(-1.5e-4), t.read(toml("-1.5e-4")));
        assertEquals(Optional.of(3.0), t.read(toml("3")));
        assertTrue(t.read(toml("-inf")).isEmpty());
        assertTrue(t.read(toml("\"1\"")).isEmpty());
        assertEquals("a number", t.expected());
    }

    @Test
    void choicesListTheirValuesAndTakeOverridesAsText() throws Exception {
        ValueType<String> t = ValueTypes.oneOf(List.of("binomial", "store-all"));
        assertEquals(Optional.of("store-all"), t.read(toml("\"store-all\"")));
        assertTrue(t.read(toml("\"revolve\"")).isEmpty());
        assertEquals("one of \"binomial\", \"store-all\"", t.expected());
        assertTrue(t.takesText());
        assertTrue(ValueTypes.text().takesText());
        assertTrue(!ValueTypes.integer(0, 1).takesText());
    }

    @Test
    void integerListsRejectRepetitionsAndBadElements() throws Exception {
        ValueType<List<Integer>> t = ValueTypes.integerList(0, 100);
        assertEquals(Optional.of(List.of(3, 1, 2)), t.read(toml("[3, 1, 2]")));
        assertEquals(Optional.of(List.of()), t.read(toml("[]")));
        assertTrue(t.read(toml("[1, 1]")).isEmpty());
        assertTrue(t.read(toml("[1, -1]")).isEmpty());
        assertTrue(t.read(toml("[1, \"x\"]")).isEmpty());
        assertTrue(t.read(toml("1")).isEmpty());
        assertEquals("a list of distinct integers in [0, 100]", t.expected());
    }

    @Test
    void textListsRejectRepetitionsBlanksAndNonText() throws Exception {
        ValueType<List<String>> t = ValueTypes.textList();
        assertEquals(Optional.of(List.of("kappa = 1", "u0 = truth")), t.read(toml("[\"kappa = 1\", \"u0 = truth\"]")));
        assertEquals(Optional.of(List.of()), t.read(toml("[]")));
        assertTrue(t.read(toml("[\"a\", \"a\"]")).isEmpty());
        assertTrue(t.read(toml("[\" \"]")).isEmpty());
        assertTrue(t.read(toml("[1]")).isEmpty());
        assertTrue(t.read(toml("\"a\"")).isEmpty());
        assertEquals(Optional.of(List.of("x")), t.read(t.toJson(List.of("x"))));
        assertTrue(!t.takesText(), "an override is a TOML list");
    }

    @Test
    void valuesRoundTripThroughJson() {
        ValueType<List<Integer>> t = ValueTypes.integerList(0, 100);
        assertEquals(Optional.of(List.of(4, 5)), t.read(t.toJson(List.of(4, 5))));
        assertEquals(Optional.of(true), ValueTypes.bool().read(ValueTypes.bool().toJson(true)));
    }

    @Test
    void badTypeDefinitionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ValueTypes.integer(2, 1));
        assertThrows(IllegalArgumentException.class, () -> ValueTypes.oneOf(List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigKey.optional("a.b", ValueTypes.integer(1, 5), 9, "x"));
        assertTrue(e.getMessage().contains("default 9"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.optional("noSection", ValueTypes.bool(), true, "x"));
    }
}
