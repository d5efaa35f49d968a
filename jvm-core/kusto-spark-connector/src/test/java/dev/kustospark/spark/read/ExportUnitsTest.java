package dev.kustospark.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pieces of distributed reads that need no server: value conversions, storage parsing, limit detection. */
class ExportUnitsTest {
    @Test
    void timespanTicksPrintAsKustoPrintsThem() {
        assertEquals("00:00:00", ParquetValueConverter.timespan(0));
        assertEquals("1.02:03:04.5000000", ParquetValueConverter.timespan(937_845_000_000L));
        assertEquals("-00:00:01.0000001", ParquetValueConverter.timespan(-10_000_001L));
        assertEquals("00:00:00.0000001", ParquetValueConverter.timespan(1));
        assertEquals("10675199.02:48:05.4775807", ParquetValueConverter.timespan(Long.MAX_VALUE));
        assertEquals("-10675199.02:48:05.4775808", ParquetValueConverter.timespan(Long.MIN_VALUE));
    }

    @Test
    void dynamicTextIsWhatSingleModeGives() {
        assertEquals("text", ParquetValueConverter.dynamicText("\"text\""));
        assertEquals("{\"k\":[1,2]}", ParquetValueConverter.dynamicText("{\"k\": [1, 2]}"));
        assertEquals("12", ParquetValueConverter.dynamicText("12"));
        assertEquals("true", ParquetValueConverter.dynamicText("true"));
    }

    @Test
    void transientStorageJsonGivesContainersWithoutPrintingSecrets() {
        List<ExportLocation> locations = TransientStorage.fromJson("{\"storageCredentials\":["
                + "{\"storageAccountName\":\"acct\",\"blobContainer\":\"c1\",\"sasKey\":\"?sv=1&sig=SECRET\"},"
                + "{\"storageAccountName\":\"acct\",\"blobContainer\":\"c2\",\"storageAccountKey\":\"KEYSECRET\"},"
                + "{\"sasUrl\":\"https://other.blob.core.windows.net/c3?sv=1&sig=SECRET\"}],"
                + "\"endpointSuffix\":\"core.chinacloudapi.cn\"}");
        assertEquals("[https://acct.blob.core.chinacloudapi.cn/c1, https://acct.blob.core.chinacloudapi.cn/c2,"
                + " https://other.blob.core.windows.net/c3]", locations.toString());
        assertEquals("https://acct.blob.core.chinacloudapi.cn/c1?sv=1&sig=SECRET", locations.get(0).exportTarget());
        assertEquals("https://acct.blob.core.chinacloudapi.cn/c2;KEYSECRET", locations.get(1).exportTarget());
        assertFalse(locations.toString().contains("SECRET"));
        var impersonate = assertThrows(IllegalArgumentException.class, () -> TransientStorage.fromJson(
                "{\"storageCredentials\":[{\"sasUrl\":\"https://a.blob.core.windows.net/c;impersonate\"}]}"));
        assertTrue(impersonate.getMessage().contains("impersonate"), impersonate.getMessage());
    }

    @Test
    void resultLimitErrorsAreRecognisedInTheCauseChain() {
        assertTrue(FallbackPartitionReader.hitsResultLimits(new RuntimeException("wrapped",
                new RuntimeException("... (E_QUERY_RESULT_SET_TOO_LARGE, 0x80DA0003) ..."))));
        assertTrue(FallbackPartitionReader.hitsResultLimits(new RuntimeException("LimitsExceeded")));
        assertFalse(FallbackPartitionReader.hitsResultLimits(new RuntimeException("SEM0100: unknown table")));
    }
}
