package dev.kustospark.local;

import dev.kustospark.local.dm.FaultInjection;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Command line entry point: starts kusto-local and serves until the process is stopped. Prints
 * exactly one line, {@code kusto-local listening on URL}, on standard output once it accepts
 * requests; scripts wait for it.
 */
public final class KustoLocalMain {
    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILURE = 1;

    static final String USAGE = """
            Usage: kusto-local [options]
              --port N                          TCP port (default 8080; 0 picks a free one)
              --bind ADDRESS                    address to listen on (default 127.0.0.1)
              --data DIR                        keep the data in DIR (created if missing)
              --in-memory                       keep the data in memory only (the default)
              --database NAME                   create database NAME at start (repeatable)
              --auth-token-file FILE            require 'Authorization: Bearer <token>' with the token in FILE
              --https-keystore FILE             serve HTTPS with this PKCS12 keystore
              --https-keystore-password-file F  the keystore's password, read from F
              --with-azurite                    serve queued ingestion and export: start Azurite (installed by
                                                scripts/azurite-env.sh) as a child process on free ports
              --azurite-url URL                 use a running Azurite: its blob URL (queue, table on the next
                                                two ports) or a connection string with the three endpoints
              --azurite-home DIR                where Azurite is installed (default: found upwards from here)
              --fault-injection SPEC            for tests: fail=N[+N],drop=N[+N],delay-ms=N on queued ingestion,
                                                fail-move=N[+N] on .move extents (these need Azurite);
                                                halt-after-answer=N:REGEX, halt-before-answer=N:REGEX halt
                                                the process at the Nth management command matching REGEX
              --help                            print this help""";

    private KustoLocalMain() {}

    /** A command line that cannot be used; the message says which argument and why. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** The parsed command line. */
    record Options(boolean help, int port, String bind, Path dataDir, List<String> databases, Path authTokenFile,
            Path keystore, Path keystorePasswordFile, boolean withAzurite, String azuriteUrl, Path azuriteHome,
            FaultInjection faults) {
        KustoLocal.Builder builder() throws UsageException {
            KustoLocal.Builder b = KustoLocal.builder().port(port).bind(bind);
            if (dataDir != null) {
                b.dataDir(dataDir);
            } else {
                b.inMemory();
            }
            databases.forEach(b::database);
            if (authTokenFile != null) {
                b.authTokenFile(authTokenFile);
            }
            if (keystore != null) {
                b.https(keystore, readPassword(keystorePasswordFile));
            }
            if (withAzurite) {
                b.withAzurite();
            }
            if (azuriteUrl != null) {
                b.azuriteUrl(azuriteUrl);
            }
            if (azuriteHome != null) {
                b.azuriteHome(azuriteHome);
            }
            b.faultInjection(faults);
            return b;
        }
    }

    static Options parse(String[] args) throws UsageException {
        boolean help = false;
        int port = 8080;
        String bind = "127.0.0.1";
        Path dataDir = null;
        boolean inMemory = false;
        List<String> databases = new ArrayList<>();
        Path tokenFile = null;
        Path keystore = null;
        Path passwordFile = null;
        boolean withAzurite = false;
        String azuriteUrl = null;
        Path azuriteHome = null;
        FaultInjection faults = FaultInjection.NONE;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--in-memory" -> inMemory = true;
                case "--port" -> port = parsePort(value(args, ++i, arg));
                case "--bind" -> bind = value(args, ++i, arg);
                case "--data" -> dataDir = Path.of(value(args, ++i, arg));
                case "--database" -> databases.add(value(args, ++i, arg));
                case "--auth-token-file" -> tokenFile = existingFile(value(args, ++i, arg), arg);
                case "--https-keystore" -> keystore = existingFile(value(args, ++i, arg), arg);
                case "--https-keystore-password-file" -> passwordFile = existingFile(value(args, ++i, arg), arg);
                case "--with-azurite" -> withAzurite = true;
                case "--azurite-url" -> azuriteUrl = value(args, ++i, arg);
                case "--azurite-home" -> azuriteHome = Path.of(value(args, ++i, arg));
                case "--fault-injection" -> faults = faults(value(args, ++i, arg));
                default -> throw new UsageException("unknown argument '" + arg + "'");
            }
        }
        if (dataDir != null && inMemory) {
            throw new UsageException("--data and --in-memory exclude each other");
        }
        if (passwordFile != null && keystore == null) {
            throw new UsageException("--https-keystore-password-file needs --https-keystore");
        }
        for (String database : databases) {
            if (database.isBlank()) {
                throw new UsageException("--database needs a non-empty name");
            }
        }
        if (faults.needsDataManagement() && !withAzurite && azuriteUrl == null && azuriteHome == null) {
            throw new UsageException("--fault-injection needs --with-azurite or --azurite-url");
        }
        return new Options(help, port, bind, dataDir, List.copyOf(databases), tokenFile, keystore, passwordFile,
                withAzurite, azuriteUrl, azuriteHome, faults);
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Options options;
        KustoLocal kusto;
        try {
            options = parse(args);
            if (options.help()) {
                out.println(USAGE);
                return;
            }
            KustoLocal.Builder builder = options.builder();
            kusto = builder.start();
        } catch (UsageException e) {
            err.println("kusto-local: " + e.getMessage());
            err.println(USAGE);
            System.exit(EXIT_USAGE);
            return;
        } catch (RuntimeException e) {
            err.println("kusto-local: cannot start: " + e.getMessage());
            System.exit(EXIT_FAILURE);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kusto.close();
            stopped.countDown();
        }, "kusto-local-shutdown"));
        out.println("kusto-local listening on " + kusto.url());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static FaultInjection faults(String spec) throws UsageException {
        try {
            return FaultInjection.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--fault-injection: " + e.getMessage());
        }
    }

    private static int parsePort(String text) throws UsageException {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--port must be a number from 0 to 65535, not '" + text + "'");
        }
    }

    private static Path existingFile(String text, String option) throws UsageException {
        Path file = Path.of(text);
        if (!Files.isRegularFile(file)) {
            throw new UsageException(option + ": no such file '" + text + "'");
        }
        return file;
    }

    private static String readPassword(Path file) throws UsageException {
        if (file == null) {
            return "";
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UsageException("cannot read the keystore password file '" + file + "': " + e.getMessage());
        }
    }
}
