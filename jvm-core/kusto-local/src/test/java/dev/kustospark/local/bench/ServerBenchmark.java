package dev.kustospark.local.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints the throughput of kusto-local's two hot paths, measured over HTTP against a server in its
 * own JVM (heap capped, so that a result held whole in memory would show):
 * <ul>
 *   <li>reading a 10-column table through {@code /v2/rest/query} into a client that discards the
 *       bytes, at two result sizes, with the server's peak used heap for each;</li>
 *   <li>streaming-ingesting CSV rows through {@code /v1/rest/ingest}.</li>
 * </ul>
 * Not a test: run it with {@code scripts/bench.sh}. Arguments: {@code [readRows] [ingestRows]}. The server's
 * CPU time is printed next to each figure; {@code -Dbench.serverOptions="..."} adds JVM options to the
 * server (a flight recording, say).
 */
public final class ServerBenchmark {
    private static final String DATABASE = "bench";
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;

    private ServerBenchmark(String url) {
        this.url = url;
    }

    public static void main(String[] args) throws Exception {
        long readRows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        long ingestRows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        String heap = System.getProperty("bench.serverHeap", "512m");

        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx" + heap));
        // e.g. -Dbench.serverOptions="-XX:StartFlightRecording=filename=server.jfr" to profile the server
        String serverOptions = System.getProperty("bench.serverOptions", "").trim();
        if (!serverOptions.isEmpty()) {
            command.addAll(List.of(serverOptions.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "dev.kustospark.local.KustoLocalMain", "--port", "0", "--in-memory", "--database", DATABASE));
        // e.g. -Dbench.serverArgs=--no-storage to measure the server without its Azurite (on by default)
        String serverArgs = System.getProperty("bench.serverArgs", "").trim();
        if (!serverArgs.isEmpty()) {
            command.addAll(List.of(serverArgs.split("\\s+")));
        }
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String url = awaitListening(server);
            System.out.printf("kusto-local %s (server heap limit %s, %d cores)%n", url, heap,
                    Runtime.getRuntime().availableProcessors());
            ServerBenchmark bench = new ServerBenchmark(url);
            bench.read(server, readRows);
            bench.ingest(server, ingestRows);
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void read(Process server, long rows) throws Exception {
        String table = "ReadBench";
        long started = System.nanoTime();
        mgmt(".set-or-append " + table + " <| range Id from 1 to " + rows + " step 1"
                + " | extend Bucket = toint(Id % 1000), Ratio = Id * 0.25, Label = strcat('row-', Id),"
                + " Stamp = datetime(2024-01-01) + Id * 1s, Elapsed = Id * 1ms, Even = Id % 2 == 0,"
                + " Amount = todecimal(Id) / 100, Scaled = Id * 7, Code = tostring(Id % 97)");
        System.out.printf("loaded %,d rows x 10 columns in %.1f s%n", rows, seconds(started));

        for (long size : sizes(rows)) {
            HeapSampler heap = new HeapSampler(server.pid());
            double cpu0 = cpuSeconds(server.toHandle());
            double clientCpu0 = cpuSeconds(ProcessHandle.current());
            long t0 = System.nanoTime();
            long bytes = query(table + " | take " + size);
            double secs = seconds(t0);
            double cpu = cpuSeconds(server.toHandle()) - cpu0;
            double clientCpu = cpuSeconds(ProcessHandle.current()) - clientCpu0;
            long peakHeapMb = heap.stop() / 1024;
            System.out.printf("read %,d rows: %.2f s, %,.0f rows/s, %.1f MB/s (%,d bytes), server peak heap used %d MB,"
                    + " server CPU %.2f s, client CPU %.2f s%n", size, secs, size / secs, bytes / secs / 1e6, bytes,
                    peakHeapMb, cpu, clientCpu);
        }
    }

    private void ingest(Process server, long rows) throws Exception {
        String table = "IngestBench";
        mgmt(".create table " + table + " (Id:long, Name:string, Value:real, Stamp:datetime, Flag:bool)");
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/rest/ingest/" + DATABASE + "/" + table
                        + "?streamFormat=csv"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new CsvRows(rows)))
                .build();
        double cpu0 = cpuSeconds(server.toHandle());
        long t0 = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double secs = seconds(t0);
        double cpu = cpuSeconds(server.toHandle()) - cpu0;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("ingestion failed: " + response.statusCode() + " " + response.body());
        }
        System.out.printf("streaming-ingested %,d CSV rows: %.2f s, %,.0f rows/s, server CPU %.2f s%n", rows, secs,
                rows / secs, cpu);
        long bytes = query(table + " | count");
        if (bytes <= 0) {
            throw new IllegalStateException("count query returned nothing");
        }
    }

    private static long[] sizes(long rows) {
        return rows >= 10_000_000L ? new long[] {rows / 10, rows} : new long[] {rows};
    }

    private void mgmt(String csl) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(post("/v1/rest/mgmt", csl, null), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(csl + " failed: " + response.statusCode() + " " + response.body());
        }
    }

    /** Runs a query and returns the bytes received, reading and discarding them as they arrive. */
    private long query(String csl) throws IOException, InterruptedException {
        String properties = "{\"Options\":{\"notruncation\":true}}";
        HttpResponse<InputStream> response = http.send(post("/v2/rest/query", csl, properties),
                HttpResponse.BodyHandlers.ofInputStream());
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
            }
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(csl + " failed: " + response.statusCode());
        }
        return total;
    }

    private HttpRequest post(String path, String csl, String properties) {
        StringBuilder body = new StringBuilder("{\"db\":\"").append(DATABASE).append("\",\"csl\":")
                .append(jsonString(csl));
        if (properties != null) {
            body.append(",\"properties\":").append(jsonString(properties));
        }
        body.append('}');
        return HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private static String jsonString(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String awaitListening(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("kusto-local listening on ")) {
                return line.substring("kusto-local listening on ".length()).trim();
            }
        }
        throw new IllegalStateException("kusto-local exited before listening");
    }

    private static String javaBin() {
        return System.getProperty("java.home") + "/bin/java";
    }

    /**
     * CPU time a process has used so far (all its threads, JIT and GC included): steadier than wall
     * time on a machine shared with other work. The client's share shows when it, not the server,
     * limits a figure.
     */
    private static double cpuSeconds(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Samples the server's used heap with jcmd while a measurement runs; reports the peak in KB. */
    private static final class HeapSampler {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong peakKb = new AtomicLong();

        HeapSampler(long pid) {
            String jcmd = System.getProperty("java.home") + "/bin/jcmd";
            timer.scheduleWithFixedDelay(() -> sample(jcmd, pid), 0, 250, TimeUnit.MILLISECONDS);
        }

        private void sample(String jcmd, long pid) {
            try {
                Process p = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
                String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                Matcher m = HEAP_USED.matcher(text);
                if (m.find()) {
                    peakKb.accumulateAndGet(Long.parseLong(m.group(1)), Math::max);
                }
            } catch (IOException e) {
                // a missed sample only lowers the resolution of the figure
            }
        }

        long stop() throws InterruptedException {
            timer.shutdownNow();
            timer.awaitTermination(5, TimeUnit.SECONDS);
            return peakKb.get();
        }
    }

    /** CSV text of n rows, produced as it is read so the client holds none of it. */
    private static final class CsvRows extends InputStream {
        private final long rows;
        private long next;
        private byte[] line = new byte[0];
        private int pos;

        CsvRows(long rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            if (pos == line.length && !advance()) {
                return -1;
            }
            return line[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int written = 0;
            while (written < len) {
                if (pos == line.length && !advance()) {
                    break;
                }
                int n = Math.min(len - written, line.length - pos);
                System.arraycopy(line, pos, b, off + written, n);
                pos += n;
                written += n;
            }
            return written == 0 ? -1 : written;
        }

        private boolean advance() {
            if (next >= rows) {
                return false;
            }
            long i = next++;
            line = (i + ",name-" + i + "," + (i * 0.5) + ",2024-01-01T00:00:" + String.format("%02d", i % 60)
                    + "Z," + (i % 2 == 0) + "\n").getBytes(StandardCharsets.US_ASCII);
            pos = 0;
            return true;
        }
    }
}
