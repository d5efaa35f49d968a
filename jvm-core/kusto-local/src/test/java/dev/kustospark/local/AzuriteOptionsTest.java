package dev.kustospark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.KustoLocalMain.Storage;
import dev.kustospark.local.dm.FaultInjection;
import org.junit.jupiter.api.Test;

/** The command line's storage and fault-injection options. */
class AzuriteOptionsTest {
    private static KustoLocalMain.Options parse(String... args) throws Exception {
        return KustoLocalMain.parse(args);
    }

    private static String usageError(String... args) {
        return assertThrows(KustoLocalMain.UsageException.class, () -> KustoLocalMain.parse(args)).getMessage();
    }

    @Test
    void storageIsOnByDefaultAndEveryStorageFlagRequiresIt() throws Exception {
        assertEquals(Storage.DEFAULT, parse().storage());
        assertEquals(FaultInjection.NONE, parse().faults());
        assertEquals(Storage.REQUIRED, parse("--with-azurite").storage());
        assertEquals(Storage.REQUIRED, parse("--azurite-url", "http://127.0.0.1:10000").storage());
        assertEquals(Storage.REQUIRED, parse("--azurite-home", "/opt/azurite").storage());
        assertEquals(Storage.OFF, parse("--no-storage").storage());
    }

    @Test
    void noStorageExcludesTheStorageFlags() {
        assertEquals("--no-storage and --with-azurite exclude each other", usageError("--no-storage", "--with-azurite"));
        assertEquals("--no-storage and --azurite-url exclude each other",
                usageError("--azurite-url", "http://127.0.0.1:10000", "--no-storage"));
        assertEquals("--no-storage and --azurite-home exclude each other",
                usageError("--no-storage", "--azurite-home", "/opt/azurite"));
    }

    @Test
    void faultsOfQueuedIngestionRequireStorage() throws Exception {
        KustoLocalMain.Options on = parse("--with-azurite", "--fault-injection", "fail=2");
        assertEquals(java.util.Set.of(2), on.faults().failIngestions());
        assertEquals(Storage.REQUIRED, parse("--fault-injection", "fail=1").storage());
        assertTrue(usageError("--no-storage", "--fault-injection", "fail=1").contains("needs storage; drop --no-storage"));
        assertEquals(Storage.OFF, parse("--no-storage", "--fault-injection", "halt-after-answer=1:move").storage());
        assertTrue(usageError("--fault-injection", "explode=1").contains("unknown fault 'explode'"));
    }

    @Test
    void theNoticeOfADefaultStartWithoutStorageIsOneLineNamingHowToInstall() {
        String notice = KustoLocalMain.storageOffNotice("Azurite is not installed");
        assertFalse(notice.contains("\n"));
        assertTrue(notice.startsWith("kusto-local: storage is off (Azurite is not installed): queued ingestion and"
                + " export will fail; to turn it on, install Azurite with the project's scripts/azurite-env.sh"), notice);
    }
}
