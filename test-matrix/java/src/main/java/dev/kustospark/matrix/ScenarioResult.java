package dev.kustospark.matrix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One entry of the results file: {@code {"scenario","status","checksum","detail"}}. */
record ScenarioResult(String scenario, boolean passed, String checksum, String detail) {
    static ScenarioResult pass(String scenario, String checksum) {
        return new ScenarioResult(scenario, true, checksum, "");
    }

    static ScenarioResult fail(String scenario, String detail) {
        return new ScenarioResult(scenario, false, "", detail);
    }

    /** Writes the results file test-matrix/run.sh reads. */
    static void writeAll(Path file, List<ScenarioResult> results) throws IOException {
        List<Map<String, String>> entries = results.stream().map(r -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("scenario", r.scenario());
            entry.put("status", r.passed() ? "pass" : "fail");
            entry.put("checksum", r.checksum());
            entry.put("detail", r.detail());
            return entry;
        }).toList();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), entries);
    }
}
