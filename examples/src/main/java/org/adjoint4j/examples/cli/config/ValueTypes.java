package org.adjoint4j.examples.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The value types of configuration keys: integers, numbers, booleans, text, choices, and lists of integers or text. */
public final class ValueTypes {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ValueTypes() {
    }

    /**
     * Integers in {@code [min, max]}; an integer written as a float (10.0) is not accepted.
     *
     * @param min the smallest accepted value
     * @param max the largest accepted value; {@link Integer#MAX_VALUE} for no upper bound
     * @return the value type
     * @throws IllegalArgumentException if {@code min > max}
     */
    public static ValueType<Integer> integer(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("min must be <= max, were min=" + min + ", max=" + max);
        }
        return new IntegerType(min, max);
    }

    /**
     * Finite numbers greater than {@code exclusiveMin}; integers are accepted too.
     *
     * @param exclusiveMin the bound, itself not accepted (0 for positive numbers)
     * @return the value type
     * @throws IllegalArgumentException if {@code exclusiveMin} is not finite
     */
    public static ValueType<Double> numberAbove(double exclusiveMin) {
        if (!Double.isFinite(exclusiveMin)) {
            throw new IllegalArgumentException("exclusiveMin must be finite, was " + exclusiveMin);
        }
        return new NumberType(exclusiveMin);
    }

    /**
     * Any finite number, negative ones included; integers are accepted too.
     *
     * @return the shared value type
     */
    public static ValueType<Double> number() {
        return AnyNumberType.INSTANCE;
    }

    /**
     * Finite numbers {@code >= 0}; integers are accepted too.
     *
     * @return the shared value type
     */
    public static ValueType<Double> nonNegativeNumber() {
        return NonNegativeNumberType.INSTANCE;
    }

    /**
     * {@code true} or {@code false}.
     *
     * @return the shared value type; TOML booleans only, not strings or numbers
     */
    public static ValueType<Boolean> bool() {
        return BooleanType.INSTANCE;
    }

    /**
     * Any non-blank string.
     *
     * @return the shared value type; overrides are taken as plain text
     */
    public static ValueType<String> text() {
        return TextType.INSTANCE;
    }

    /**
     * One of the given strings.
     *
     * @param choices the accepted strings, compared exactly (case-sensitive); copied
     * @return the value type; overrides are taken as plain text
     * @throws IllegalArgumentException if {@code choices} is empty
     */
    public static ValueType<String> oneOf(List<String> choices) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("choices must not be empty");
        }
        return new ChoiceType(List.copyOf(choices));
    }

    /**
     * Lists of integers, each in {@code [min, max]}, without repetitions; the empty list is accepted.
     *
     * @param min the smallest accepted element
     * @param max the largest accepted element; {@link Integer#MAX_VALUE} for no upper bound
     * @return the value type; values are unmodifiable lists in the order written
     * @throws IllegalArgumentException if {@code min > max}
     */
    public static ValueType<List<Integer>> integerList(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("min must be <= max, were min=" + min + ", max=" + max);
        }
        return new IntegerListType(new IntegerType(min, max));
    }

    /**
     * Lists of distinct non-empty strings; the empty list is accepted.
     *
     * @return the shared value type; values are unmodifiable lists in the order written
     */
    public static ValueType<List<String>> textList() {
        return TextListType.INSTANCE;
    }

    private record IntegerType(int min, int max) implements ValueType<Integer> {
        @Override
        public Optional<Integer> read(JsonNode node) {
            if (node.isIntegralNumber() && node.canConvertToInt()) {
                int v = node.intValue();
                if (v >= min && v <= max) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }

        @Override
        public String expected() {
            return "an integer" + range();
        }

        String range() {
            if (min == Integer.MIN_VALUE && max == Integer.MAX_VALUE) {
                return "";
            }
            if (max == Integer.MAX_VALUE) {
                return " >= " + min;
            }
            return " in [" + min + ", " + max + "]";
        }

        @Override
        public JsonNode toJson(Integer value) {
            return JSON.numberNode(value);
        }
    }

    private enum NonNegativeNumberType implements ValueType<Double> {
        INSTANCE;

        @Override
        public Optional<Double> read(JsonNode node) {
            if (node.isNumber()) {
                double v = node.doubleValue();
                if (Double.isFinite(v) && v >= 0) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }

        @Override
        public String expected() {
            return "a number >= 0";
        }

        @Override
        public JsonNode toJson(Double value) {
            return JSON.numberNode(value);
        }
    }

    private enum AnyNumberType implements ValueType<Double> {
        INSTANCE;

        @Override
        public Optional<Double> read(JsonNode node) {
            return node.isNumber() && Double.isFinite(node.doubleValue()) ? Optional.of(node.doubleValue()) : Optional.empty();
        }

        @Override
        public String expected() {
            return "a number";
        }

        @Override
        public JsonNode toJson(Double value) {
            return JSON.numberNode(value);
        }
    }

    private record NumberType(double exclusiveMin) implements ValueType<Double> {
        @Override
        public Optional<Double> read(JsonNode node) {
            if (node.isNumber()) {
                double v = node.doubleValue();
                if (Double.isFinite(v) && v > exclusiveMin) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }

        @Override
        public String expected() {
            return "a number > " + format(exclusiveMin);
        }

        private static String format(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }

        @Override
        public JsonNode toJson(Double value) {
            return JSON.numberNode(value);
        }
    }

    private enum BooleanType implements ValueType<Boolean> {
        INSTANCE;

        @Override
        public Optional<Boolean> read(JsonNode node) {
            return node.isBoolean() ? Optional.of(node.booleanValue()) : Optional.empty();
        }

        @Override
        public String expected() {
            return "true or false";
        }

        @Override
        public JsonNode toJson(Boolean value) {
            return JSON.booleanNode(value);
        }
    }

    private enum TextType implements ValueType<String> {
        INSTANCE;

        @Override
        public Optional<String> read(JsonNode node) {
            return node.isTextual() && !node.textValue().isBlank() ? Optional.of(node.textValue()) : Optional.empty();
        }

        @Override
        public String expected() {
            return "a non-empty string";
        }

        @Override
        public JsonNode toJson(String value) {
            return JSON.textNode(value);
        }

        @Override
        public boolean takesText() {
            return true;
        }
    }

    private record ChoiceType(List<String> choices) implements ValueType<String> {
        @Override
        public Optional<String> read(JsonNode node) {
            return node.isTextual() && choices.contains(node.textValue()) ? Optional.of(node.textValue()) : Optional.empty();
        }

        @Override
        public String expected() {
            String quoted = choices.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
            return choices.size() == 1 ? quoted : "one of " + quoted;
        }

        @Override
        public JsonNode toJson(String value) {
            return JSON.textNode(value);
        }

        @Override
        public boolean takesText() {
            return true;
        }
    }

    private record IntegerListType(IntegerType element) implements ValueType<List<Integer>> {
        @Override
        public Optional<List<Integer>> read(JsonNode node) {
            if (!node.isArray()) {
                return Optional.empty();
            }
            List<Integer> values = new ArrayList<>(node.size());
            for (JsonNode e : node) {
                Optional<Integer> v = element.read(e);
                if (v.isEmpty() || values.contains(v.get())) {
                    return Optional.empty();
                }
                values.add(v.get());
            }
            return Optional.of(List.copyOf(values));
        }

        @Override
        public String expected() {
            return "a list of distinct integers" + element.range();
        }

        @Override
        public JsonNode toJson(List<Integer> value) {
            ArrayNode a = JSON.arrayNode(value.size());
            value.forEach(a::add);
            return a;
        }
    }

    private enum TextListType implements ValueType<List<String>> {
        INSTANCE;

        @Override
        public Optional<List<String>> read(JsonNode node) {
            if (!node.isArray()) {
                return Optional.empty();
            }
            List<String> values = new ArrayList<>(node.size());
            for (JsonNode e : node) {
                Optional<String> v = TextType.INSTANCE.read(e);
                if (v.isEmpty() || values.contains(v.get())) {
                    return Optional.empty();
                }
                values.add(v.get());
            }
            return Optional.of(List.copyOf(values));
        }

        @Override
        public String expected() {
            return "a list of distinct non-empty strings";
        }

        @Override
        public JsonNode toJson(List<String> value) {
            ArrayNode a = JSON.arrayNode(value.size());
            value.forEach(a::add);
            return a;
        }
    }
}
