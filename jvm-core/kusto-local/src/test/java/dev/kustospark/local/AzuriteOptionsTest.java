package dev.kustospark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.dm.FaultInjection;
import org.junit.jupiter.api.Test;

/** The command line's Azurite and fault-injection options. */
class AzuriteOptionsTest {
    @Test
    void azuriteIsOffByDefaultAndFaultsNeedIt() throws Exception {
        KustoLocalMain.Options none = KustoLocalMain.parse(new String[0]);
        assertFalse(none.withAzurite());
        assertEquals(FaultInjection.NONE, none.faults());

        KustoLocalMain.Options on = KustoLocalMain.parse(new String[] {"--with-azurite", "--fault-injection", "fail=2"});
        assertTrue(on.withAzurite());
        assertEquals(java.util.Set.of(2), on.faults().failIngestions());

        KustoLocalMain.UsageException alone = assertThrows(KustoLocalMain.UsageException.class,
                () -> KustoLocalMain.parse(new String[] {"--fault-injection", "fail=1"}));
        assertTrue(alone.getMessage().contains("needs --with-azurite"), alone.getMessage());
        KustoLocalMain.UsageException bad = assertThrows(KustoLocalMain.UsageException.class,
                () -> KustoLocalMain.parse(new String[] {"--with-azurite", "--fault-injection", "explode=1"}));
        assertTrue(bad.getMessage().contains("unknown fault 'explode'"), bad.getMessage());
    }
}
