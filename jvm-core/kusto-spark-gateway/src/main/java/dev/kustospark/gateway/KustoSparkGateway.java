package dev.kustospark.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import py4j.GatewayServer;

/**
 * The JVM end of the .NET binding, started by {@code spark-submit --class
 * dev.kustospark.gateway.KustoSparkGateway}: a Py4J gateway on loopback whose entry point is a
 * {@link GatewayEntryPoint}. The .NET process builds the SparkSession through it.
 *
 * <p>The auth token comes from {@value #TOKEN_VARIABLE} or, when that is unset, from the first
 * line of stdin, so that it never shows in a process listing. Once listening, the gateway prints
 * {@value #PORT_LINE_PREFIX}{@code <port>} on stdout. It stops Spark and exits when stdin reaches
 * its end or when its parent process exits: the .NET process holds the other end of the pipe, so
 * however that process ends (Dispose, a crash, {@code kill -9}) no driver JVM outlives it.
 */
public final class KustoSparkGateway {
    /** Environment variable that may hold the auth token instead of stdin's first line. */
    public static final String TOKEN_VARIABLE = "KUSTO_SPARK_GATEWAY_TOKEN";
    /** Root log level of the driver, default {@code WARN}; Spark's own default is {@code INFO}. */
    public static final String LOG_LEVEL_VARIABLE = "KUSTO_SPARK_LOG_LEVEL";
    /** What the line announcing the port starts with. */
    public static final String PORT_LINE_PREFIX = "KUSTO_SPARK_GATEWAY_PORT ";

    private static final long STOP_GRACE_SECONDS = 30;

    private KustoSparkGateway() {
    }

    public static void main(String[] args) throws IOException {
        quietLogs();
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String token = System.getenv(TOKEN_VARIABLE);
        if (token == null || token.isEmpty()) {
            token = stdin.readLine();
        }
        if (token == null || token.isBlank()) {
            System.err.println("kusto-spark-gateway: no auth token; set " + TOKEN_VARIABLE
                    + " or write the token as the first line of stdin");
            System.exit(2);
        }

        GatewayEntryPoint entryPoint = new GatewayEntryPoint();
        GatewayServer server = new GatewayServer.GatewayServerBuilder()
                .entryPoint(entryPoint)
                .javaAddress(InetAddress.getLoopbackAddress())
                .javaPort(0)
                .authToken(token)
                .build();
        server.start();
        System.out.println(PORT_LINE_PREFIX + server.getListeningPort());
        System.out.flush();

        ProcessHandle.current().parent().ifPresent(parent ->
                parent.onExit().thenRun(() -> stop(server, entryPoint, "parent process exited")));
        // The read returns -1 once every writer of the pipe is gone.
        while (stdin.read() != -1) {
            // Input after the token has no meaning; the gateway only waits for the end.
        }
        stop(server, entryPoint, "stdin closed");
    }

    /** Stops Spark, then the gateway, then the JVM; halts if Spark does not stop in time. */
    private static synchronized void stop(GatewayServer server, GatewayEntryPoint entryPoint, String reason) {
        Thread watchdog = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(STOP_GRACE_SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(3);
        }, "kusto-spark-gateway-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            entryPoint.stopSessions();
        } finally {
            server.shutdown();
            System.err.println("kusto-spark-gateway: stopped (" + reason + ")");
            System.exit(0);
        }
    }

    /**
     * Spark installs its default log configuration (level INFO) the first time it logs, unless that
     * already happened; initialising it here first lets the level set next stick.
     */
    private static void quietLogs() {
        String level = System.getenv().getOrDefault(LOG_LEVEL_VARIABLE, "WARN");
        new SparkConf(false).initializeLogIfNecessary(false, false);
        Configurator.setRootLevel(Level.toLevel(level, Level.WARN));
    }
}
