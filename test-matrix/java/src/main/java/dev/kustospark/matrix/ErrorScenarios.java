package dev.kustospark.matrix;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Scenarios 10, 11 and 12: errors that must name what went wrong. */
final class ErrorScenarios {
    private ErrorScenarios() {}

    static List<Scenario> all() {
        return List.of(new Scenario("10-bad-option", ErrorScenarios::badOption),
                new Scenario("11-unknown-table", ErrorScenarios::unknownTable),
                new Scenario("12-auth-required", ErrorScenarios::authRequired));
    }

    private static void requireAll(String messages, String... parts) {
        for (String part : parts) {
            ScenarioFailure.check(messages.contains(part), "the error does not contain '" + part + "': " + messages);
        }
    }

    private static String badOption(MatrixSession s) {
        // The raw option, not the typed builder: the connector itself must refuse the value.
        Map<String, String> options = new HashMap<>(s.readOptions("MatrixNumbers").toOptions());
        options.put("readMode", "Sometimes");
        String messages = MatrixSession.failureMessages("a read with readMode=Sometimes", () -> s.read(options).collectAsList());
        requireAll(messages, "readMode", "Sometimes", "ForceSingleMode");
        return MatrixSession.errorChecksum("readMode");
    }

    private static String unknownTable(MatrixSession s) {
        String table = s.env.table("NoSuchTable");
        String messages = MatrixSession.failureMessages("a read of " + table,
                () -> s.read(s.readOptions(table + " | take 1")).collectAsList());
        requireAll(messages, table);
        return MatrixSession.errorChecksum("NoSuchTable");
    }

    private static String authRequired(MatrixSession s) {
        String query = "MatrixNumbers | where x <= 3";
        String messages = MatrixSession.failureMessages("a read without a token",
                () -> s.read(s.readOptions(query).kustoCluster(s.env.authUrl())).collectAsList());
        ScenarioFailure.check(messages.contains("401") || messages.contains("Unauthorized"),
                "the error does not say 401 or Unauthorized: " + messages);
        Dataset<Row> result = s.read(s.readOptions(query).kustoCluster(s.env.authUrl()).accessToken(s.env.token()))
                .select("x", "s");
        List<Long> xs = result.collectAsList().stream().map(r -> r.getLong(0)).sorted().toList();
        ScenarioFailure.check(xs.equals(List.of(1L, 2L, 3L)), "with the token, got x = " + xs);
        String wrongToken = s.env.token() + "-wrong";
        String refused = MatrixSession.failureMessages("a read with a wrong token",
                () -> s.read(s.readOptions(query).kustoCluster(s.env.authUrl()).accessToken(wrongToken)).collectAsList());
        ScenarioFailure.check(!refused.contains(s.env.token()), "an error message shows the token");
        return s.checksum(result);
    }
}
