package dev.kustospark.spark;

import dev.kustospark.spark.internal.KustoTimes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The cross-language builder vectors of {@code test-matrix/vectors}: every file is one test, run
 * against the Java builders. A vector whose builder, call, argument or expectation this runner
 * cannot handle fails, so a vector added with a new form is never silently skipped. JSON is compared
 * by meaning ({@link #same}), as {@code test-matrix/README.md} says, not byte for byte.
 */
class MatrixVectorsTest {
    private static final Path VECTORS = Path.of("../../test-matrix/vectors");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Pattern ANY_INSTANT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern LITERAL = Pattern.compile("([a-z]+)\\((.*)\\)", Pattern.DOTALL);
    private static final Set<String> BUILDERS = Set.of("ClientRequestProperties", "SparkIngestionProperties",
            "KustoReadOptions", "KustoWriteOptions");
    private static final Set<String> ERROR_KINDS = Set.of("invalid-value", "invalid-json", "unknown-field", "conflict");
    // The neutral argument forms of test-matrix/README.md; stricter than what the builders accept.
    private static final Pattern TIMESPAN = Pattern.compile("-?(\\d+\\.)?\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,7})?");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,7})?Z");

    @TestFactory
    Stream<DynamicTest> vectors() throws IOException {
        return vectorFiles().stream().map(file -> DynamicTest.dynamicTest(VECTORS.relativize(file).toString(),
                () -> run(file)));
    }

    @Test
    void everyBuilderHasVectors() throws IOException {
        List<Path> files = vectorFiles();
        assertTrue(files.size() >= 45, "expected at least 45 vectors, found " + files.size());
        for (String builder : BUILDERS) {
            assertTrue(files.stream().anyMatch(f -> f.getParent().getFileName().toString().equals(builder)),
                    "no vectors for " + builder);
        }
    }

    /**
     * Every public setter of every builder is called by some vector, every value of an enum
     * parameter is passed by some vector, and both fromJson methods are exercised: a setter or enum
     * value added without a vector fails here, so the other languages learn of it.
     */
    @Test
    void vectorsCoverEverySetterAndEnumValue() throws IOException {
        Map<String, Set<String>> calls = new java.util.HashMap<>();
        Map<String, Set<String>> enumArgs = new java.util.HashMap<>();
        Set<String> fromJson = new java.util.HashSet<>();
        for (Path file : vectorFiles()) {
            JsonNode vector = MAPPER.readTree(Files.readString(file));
            String builder = vector.path("builder").asText();
            if (vector.has("fromJson")) {
                fromJson.add(builder);
            }
            for (JsonNode step : vector.path("steps")) {
                String call = step.path("call").asText();
                calls.computeIfAbsent(builder, b -> new java.util.TreeSet<>()).add(call);
                for (JsonNode arg : step.path("args")) {
                    if (arg.isTextual()) {
                        enumArgs.computeIfAbsent(builder + "." + call, c -> new java.util.TreeSet<>()).add(arg.textValue());
                    }
                }
            }
        }
        Map<String, Class<?>> setterClasses = Map.of("ClientRequestProperties", ClientRequestProperties.Builder.class,
                "SparkIngestionProperties", SparkIngestionProperties.Builder.class,
                "KustoReadOptions", KustoReadOptions.class, "KustoWriteOptions", KustoWriteOptions.class);
        List<String> missing = new ArrayList<>();
        setterClasses.forEach((builder, type) -> {
            for (Method m : type.getMethods()) {
                boolean setter = !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class
                        && (m.getReturnType() == type || m.getReturnType() == KustoConnectionOptions.class);
                if (!setter) {
                    continue;
                }
                if (!calls.getOrDefault(builder, Set.of()).contains(m.getName())) {
                    missing.add(builder + "." + m.getName());
                }
                for (Class<?> parameter : m.getParameterTypes()) {
                    if (parameter.isEnum()) {
                        Set<String> passed = enumArgs.getOrDefault(builder + "." + m.getName(), Set.of());
                        for (Object constant : parameter.getEnumConstants()) {
                            if (!passed.contains(((Enum<?>) constant).name())) {
                                missing.add(builder + "." + m.getName() + "(" + ((Enum<?>) constant).name() + ")");
                            }
                        }
                    }
                }
            }
        });
        for (String builder : List.of("ClientRequestProperties", "SparkIngestionProperties")) {
            if (!fromJson.contains(builder)) {
                missing.add(builder + ".fromJson");
            }
        }
        assertEquals(List.of(), missing, "setters or enum values no vector uses");
    }

    private static List<Path> vectorFiles() throws IOException {
        try (Stream<Path> files = Files.walk(VECTORS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted(Comparator.naturalOrder()).toList();
        }
    }

    private static void run(Path file) throws Exception {
        JsonNode vector = MAPPER.readTree(Files.readString(file));
        String builder = vector.path("builder").asText();
        if (!BUILDERS.contains(builder)) {
            fail(file + ": unknown builder '" + builder + "'");
        }
        if (!file.getParent().getFileName().toString().equals(builder)) {
            fail(file + ": lies in the folder of another builder than '" + builder + "'");
        }
        if (vector.path("description").asText().isBlank()) {
            fail(file + ": has no description");
        }
        JsonNode expect = vector.get("expect");
        if (expect == null || !expect.isObject() || expect.size() != 1) {
            fail(file + ": expect must hold exactly one of json, options, error");
        }
        Object result;
        try {
            result = build(file, builder, vector);
        } catch (IllegalArgumentException e) {
            checkError(file, expect, e);
            return;
        }
        if (expect.has("error")) {
            fail(file + ": expected an error but the builder gave " + describe(result));
        } else if (expect.has("json")) {
            String actual = json(file, result);
            assertTrue(same(MAPPER.readTree(expect.get("json").asText()), MAPPER.readTree(actual)),
                    file + ": toJson " + actual + " means other than " + expect.get("json").asText());
            String again = json(file, result instanceof ClientRequestProperties ? ClientRequestProperties.fromJson(actual)
                    : SparkIngestionProperties.fromJson(actual));
            assertTrue(same(MAPPER.readTree(actual), MAPPER.readTree(again)), file + ": fromJson(toJson()) gives " + again);
        } else if (expect.has("options")) {
            if (!(result instanceof KustoConnectionOptions<?> options)) {
                throw new AssertionError(file + ": expect.options needs KustoReadOptions or KustoWriteOptions");
            }
            Map<String, String> actual = options.toOptions();
            JsonNode expected = expect.get("options");
            boolean same = expected.size() == actual.size();
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                same &= actual.containsKey(e.getKey()) && sameText(e.getValue().asText(), actual.get(e.getKey()));
            }
            assertTrue(same, file + ": toOptions " + actual);
        } else {
            fail(file + ": unknown expect form " + expect.fieldNames().next());
        }
    }

    private static void checkError(Path file, JsonNode expect, IllegalArgumentException e) {
        JsonNode error = expect.get("error");
        if (error == null) {
            throw new AssertionError(file + ": unexpected error: " + e.getMessage(), e);
        }
        String kind = error.path("kind").asText();
        if (!ERROR_KINDS.contains(kind)) {
            fail(file + ": unknown error kind '" + kind + "'");
        }
        String message = String.valueOf(e.getMessage());
        JsonNode contains = error.get("contains");
        if (contains == null || !contains.isArray() || contains.isEmpty()) {
            fail(file + ": error.contains must list the option and value the message names");
        }
        for (JsonNode part : contains) {
            assertTrue(message.contains(part.asText()), file + ": message lacks '" + part.asText() + "': " + message);
        }
        for (JsonNode part : error.path("excludes")) {
            assertTrue(!message.contains(part.asText()), file + ": message shows '" + part.asText() + "': " + message);
        }
    }

    private static Object build(Path file, String builder, JsonNode vector) throws Exception {
        if (vector.has("fromJson")) {
            if (vector.has("steps")) {
                fail(file + ": has both steps and fromJson");
            }
            String json = vector.get("fromJson").asText();
            return switch (builder) {
                case "ClientRequestProperties" -> ClientRequestProperties.fromJson(json);
                case "SparkIngestionProperties" -> SparkIngestionProperties.fromJson(json);
                default -> throw new AssertionError(file + ": " + builder + " has no fromJson");
            };
        }
        JsonNode steps = vector.get("steps");
        if (steps == null || !steps.isArray()) {
            fail(file + ": needs steps or fromJson");
        }
        return switch (builder) {
            case "ClientRequestProperties" -> {
                ClientRequestProperties.Builder b = ClientRequestProperties.builder();
                applyMutating(file, b, steps);
                yield b.build();
            }
            case "SparkIngestionProperties" -> {
                SparkIngestionProperties.Builder b = SparkIngestionProperties.builder();
                applyMutating(file, b, steps);
                yield b.build();
            }
            case "KustoReadOptions" -> applyImmutable(file, KustoReadOptions.create(), steps);
            default -> applyImmutable(file, KustoWriteOptions.create(), steps);
        };
    }

    private static void applyMutating(Path file, Object builder, JsonNode steps) throws Exception {
        for (JsonNode step : steps) {
            call(file, builder, step);
        }
    }

    private static Object applyImmutable(Path file, Object options, JsonNode steps) throws Exception {
        Object current = options;
        for (JsonNode step : steps) {
            current = call(file, current, step);
        }
        return current;
    }

    /** Calls the public method the step names, converting its neutral arguments to the parameter types. */
    private static Object call(Path file, Object target, JsonNode step) throws Exception {
        String name = step.path("call").asText();
        JsonNode args = step.path("args");
        if (!args.isMissingNode() && !args.isArray()) {
            fail(file + ": args of " + name + " must be an array");
        }
        List<JsonNode> argList = new ArrayList<>();
        args.forEach(argList::add);
        List<Method> candidates = Arrays.stream(target.getClass().getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == argList.size()
                        && !Modifier.isStatic(m.getModifiers()))
                .toList();
        if (candidates.isEmpty()) {
            fail(file + ": " + target.getClass().getSimpleName() + " has no method " + name + " with "
                    + argList.size() + " arguments");
        }
        for (Method method : candidates) {
            Object[] converted = convertAll(file, method, argList);
            if (converted != null) {
                try {
                    return method.invoke(target, converted);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    throw e;
                }
            }
        }
        throw new AssertionError(file + ": cannot convert the arguments " + args + " of " + name);
    }

    private static Object[] convertAll(Path file, Method method, List<JsonNode> args) {
        Type[] types = method.getGenericParameterTypes();
        Object[] converted = new Object[args.size()];
        for (int i = 0; i < args.size(); i++) {
            NeutralValue value = convert(file, types[i], args.get(i));
            if (value == null) {
                return null;
            }
            converted[i] = value.value();
        }
        return converted;
    }

    private record NeutralValue(Object value) {}

    /** The argument as the parameter's type, or null when the neutral form does not fit that type. */
    private static NeutralValue convert(Path file, Type type, JsonNode arg) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (arg.isNull()) {
            return raw.isPrimitive() ? null : new NeutralValue(null);
        }
        if (raw == String.class) {
            return arg.isTextual() ? new NeutralValue(arg.textValue()) : null;
        }
        if (raw == long.class) {
            return arg.isIntegralNumber() && arg.canConvertToLong() ? new NeutralValue(arg.longValue()) : null;
        }
        if (raw == int.class) {
            return arg.isIntegralNumber() && arg.canConvertToInt() ? new NeutralValue(arg.intValue()) : null;
        }
        if (raw == boolean.class) {
            return arg.isBoolean() ? new NeutralValue(arg.booleanValue()) : null;
        }
        if (raw == double.class) {
            if (arg.isNumber()) {
                return new NeutralValue(arg.doubleValue());
            }
            return switch (arg.asText()) {
                case "NaN" -> new NeutralValue(Double.NaN);
                case "Infinity" -> new NeutralValue(Double.POSITIVE_INFINITY);
                case "-Infinity" -> new NeutralValue(Double.NEGATIVE_INFINITY);
                default -> null;
            };
        }
        if (raw == Duration.class) {
            requireForm(file, arg, TIMESPAN, "timespan");
            return new NeutralValue(KustoTimes.parseTimespanOrNull(arg.textValue()));
        }
        if (raw == Instant.class) {
            requireForm(file, arg, INSTANT, "instant");
            return new NeutralValue(Instant.parse(arg.textValue()));
        }
        if (raw == UUID.class) {
            return arg.isTextual() ? new NeutralValue(UUID.fromString(arg.textValue())) : null;
        }
        if (raw.isEnum()) {
            return arg.isTextual() ? new NeutralValue(enumValue(raw, arg.textValue())) : null;
        }
        if (raw == ClientRequestProperties.class) {
            return arg.isTextual() ? new NeutralValue(ClientRequestProperties.fromJson(arg.textValue())) : null;
        }
        if (raw == SparkIngestionProperties.class) {
            return arg.isTextual() ? new NeutralValue(SparkIngestionProperties.fromJson(arg.textValue())) : null;
        }
        if (raw == List.class && arg.isArray()) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>();
            for (JsonNode e : arg) {
                if (element == String.class && e.isTextual()) {
                    list.add(e.textValue());
                } else if (element == CsvColumnMapping.class && e.isObject()) {
                    list.add(mapping(file, e));
                } else {
                    return null;
                }
            }
            return new NeutralValue(list);
        }
        if (raw == Object.class) {
            if (arg.isTextual()) {
                return new NeutralValue(arg.textValue());
            }
            if (arg.isBoolean()) {
                return new NeutralValue(arg.booleanValue());
            }
            if (arg.isIntegralNumber() && arg.canConvertToLong()) {
                return new NeutralValue(arg.longValue());
            }
            return arg.isNumber() ? new NeutralValue(arg.decimalValue()) : null;
        }
        return null;
    }

    private static void requireForm(Path file, JsonNode arg, Pattern form, String what) {
        if (!arg.isTextual() || !form.matcher(arg.textValue()).matches()) {
            fail(file + ": " + arg + " is not in the neutral " + what + " form");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    private static CsvColumnMapping mapping(Path file, JsonNode entry) {
        for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!Set.of("Name", "Ordinal", "ConstValue", "DataType").contains(field)) {
                fail(file + ": unknown csv mapping field '" + field + "'");
            }
        }
        if (entry.has("Ordinal") == entry.has("ConstValue")) {
            fail(file + ": a csv mapping entry needs exactly one of Ordinal and ConstValue");
        }
        String name = entry.path("Name").asText(null);
        CsvColumnMapping m = entry.has("Ordinal") ? CsvColumnMapping.ofOrdinal(name, entry.get("Ordinal").intValue())
                : CsvColumnMapping.ofConstant(name, entry.get("ConstValue").asText());
        return entry.has("DataType") ? m.withDataType(entry.get("DataType").asText()) : m;
    }

    private static String json(Path file, Object result) {
        if (result instanceof ClientRequestProperties p) {
            return p.toJson();
        }
        if (result instanceof SparkIngestionProperties p) {
            return p.toJson();
        }
        throw new AssertionError(file + ": expect.json needs ClientRequestProperties or SparkIngestionProperties");
    }

    /** Equal as JSON values: objects as maps, numbers by value, instants as instants, literals and JSON strings by what they hold. */
    private static boolean same(JsonNode expected, JsonNode actual) {
        if (expected.isObject() && actual.isObject()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!actual.has(e.getKey()) || !same(e.getValue(), actual.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray() && actual.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                if (i >= actual.size() || !same(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return expected.size() == actual.size();
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isTextual() && actual.isTextual()) {
            return sameText(expected.textValue(), actual.textValue());
        }
        return expected.equals(actual);
    }

    private static boolean sameText(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        if (ANY_INSTANT.matcher(expected).matches() && ANY_INSTANT.matcher(actual).matches()) {
            return java.time.OffsetDateTime.parse(expected).toInstant().equals(java.time.OffsetDateTime.parse(actual).toInstant());
        }
        java.util.regex.Matcher e = LITERAL.matcher(expected);
        java.util.regex.Matcher a = LITERAL.matcher(actual);
        try {
            if (e.matches() && a.matches() && e.group(1).equals(a.group(1))) {
                if (e.group(1).equals("dynamic")) {
                    return same(MAPPER.readTree(e.group(2)), MAPPER.readTree(a.group(2)));
                }
                try {
                    return new java.math.BigDecimal(e.group(2)).compareTo(new java.math.BigDecimal(a.group(2))) == 0;
                } catch (NumberFormatException notNumbers) {
                    return sameText(e.group(2), a.group(2));
                }
            }
            if (!expected.isEmpty() && "[{".indexOf(expected.charAt(0)) >= 0 && !actual.isEmpty() && "[{".indexOf(actual.charAt(0)) >= 0) {
                return same(MAPPER.readTree(expected), MAPPER.readTree(actual));
            }
        } catch (IOException notJson) {
            return false;
        }
        return false;
    }

    private static String describe(Object result) {
        return result instanceof KustoConnectionOptions<?> o ? o.toOptions().toString() : json(null, result);
    }
}
