import dev.kustospark.spark.ClientRequestProperties;
import dev.kustospark.spark.SparkIngestionProperties;
import dev.kustospark.spark.config.KustoOption;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The Java side of dotnet/compare-with-java.sh: reads cases ("KIND<tab>base64 of the UTF-16LE payload") from stdin
 * and prints, base64-encoded, what the Java builders make of each, in the same form as Harness.cs.
 */
public final class Harness {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] parts = line.split("\t", 2);
            String payload = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_16LE);
            String result;
            try {
                result = "OK " + run(parts[0], payload);
            } catch (IllegalArgumentException e) {
                result = "ERR " + e.getMessage();
            } catch (RuntimeException e) {
                result = "CRASH " + e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            // UTF-16 keeps unpaired surrogates, which UTF-8 would replace.
            out.println(Base64.getEncoder().encodeToString(result.getBytes(StandardCharsets.UTF_16LE)));
        }
    }

    private static String run(String kind, String payload) {
        return switch (kind) {
            case "CRP" -> ClientRequestProperties.fromJson(payload).toJson();
            case "SIP" -> SparkIngestionProperties.fromJson(payload).toJson();
            case "DYN" -> ClientRequestProperties.builder().dynamicParameter("d", payload).build().toJson();
            case "REAL" -> ClientRequestProperties.builder()
                    .realParameter("r", Double.longBitsToDouble(Long.parseLong(payload))).build().toJson();
            default -> KustoOption.forKey(kind.substring("OPT:".length())).orElseThrow().validate(payload);
        };
    }
}
