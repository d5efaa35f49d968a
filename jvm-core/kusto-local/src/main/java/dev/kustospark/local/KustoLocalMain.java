package dev.kustospark.local;

import dev.kustospark.local.dm.AzuriteInstall;
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
              --no-storage                      no storage: the commands that need it (.get ingestion resources,
                                                .create tempstorage, .export...) fail at once saying so
              --with-azurite                    storage on, and exit if Azurite cannot be installed or started
              --azurite-url URL                 use a running Azurite: its blob URL (queue, table on the next
                                                two ports) or a connection string with the three endpoints
              --azurite-home DIR                where Azurite is installed (default: KUSTO_LOCAL_AZURITE_HOME, else
                                                .azurite above the working directory or kusto-local's jar)
              --fault-injection SPEC            for tests: fail=N[+N],drop=N[+N],delay-ms=N on queued ingestion,
                                                fail-move=N[+N] on .move extents (these need Azurite);
                                                halt-after-answer=N:REGEX, halt-before-answer=N:REGEX halt
                                                the process at the Nth management command matching REGEX
              --help                            print this help
            Storage (Azurite, for queued ingestion, export and temporary storage) is on by default:
            kusto-local starts Azurite as a child process on free ports, from the install of
            scripts/azurite-env.sh, which the first start runs when kusto-local runs from the project's
            tree. If Azurite is neither installed nor installable, kusto-local starts without storage
            and says so on one line of standard error.""";

    private KustoLocalMain() {}

    /** A command line that cannot be used; the message says which argument and why. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Whether kusto-local serves storage: no flag, {@code --with-azurite} (or its options), {@code --no-storage}. */
    enum Storage {
        /** On if Azurite is installed or can be installed; else off, said on one line. */
        DEFAULT,
        /** On, or kusto-local does not start. */
        REQUIRED,
        OFF
    }

    /** The parsed command line. */
    record Options(boolean help, int port, String bind, Path dataDir, List<String> databases, Path authTokenFile,
            Path keystore, Path keystorePasswordFile, Storage storage, String azuriteUrl, Path azuriteHome,
            FaultInjection faults) {
        /**
         * The server's settings; finds or installs Azurite unless storage is off.
         *
         * @param notices where a default start without storage says so
         * @throws IllegalStateException when storage is required and Azurite cannot be installed
         */
        KustoLocal.Builder builder(PrintStream notices) throws UsageException {
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
            if (azuriteUrl != null) {
                b.azuriteUrl(azuriteUrl);
            } else if (azuriteHome != null) {
                b.azuriteHome(azuriteHome);
            } else if (storage != Storage.OFF) {
                try {
                    b.azuriteHome(AzuriteInstall.findOrInstall(AzuriteInstall.searchStarts()));
                } catch (IllegalStateException e) {
                    if (storage == Storage.REQUIRED) {
                        throw e;
                    }
                    notices.println(storageOffNotice(e.getMessage()));
                }
            }
            b.faultInjection(faults);
            return b;
        }
    }

    /** The one line of a default start that found no Azurite and could not install it. */
    static String storageOffNotice(String why) {
        return "kusto-local: storage is off (" + why + "): queued ingestion and export will fail; to turn it on,"
                + " install Azurite with the project's scripts/azurite-env.sh and pass --azurite-home DIR, or pass"
                + " --azurite-url URL (--no-storage hides this line)";
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
        boolean noStorage = false;
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
                case "--no-storage" -> noStorage = true;
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
        String storageFlag = withAzurite ? "--with-azurite" : azuriteUrl != null ? "--azurite-url"
                : azuriteHome != null ? "--azurite-home" : null;
        if (noStorage && storageFlag != null) {
            throw new UsageException("--no-storage and " + storageFlag + " exclude each other");
        }
        if (noStorage && faults.needsDataManagement()) {
            throw new UsageException("--fault-injection of queued ingestion or .move extents needs storage; drop"
                    + " --no-storage");
        }
        // Faults of queued ingestion are useless without it: storage is then required, not just the default.
        Storage storage = noStorage ? Storage.OFF
                : storageFlag != null || faults.needsDataManagement() ? Storage.REQUIRED : Storage.DEFAULT;
        return new Options(help, port, bind, dataDir, List.copyOf(databases), tokenFile, keystore, passwordFile,
                storage, azuriteUrl, azuriteHome, faults);
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
            KustoLocal.Builder builder = options.builder(err);
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
