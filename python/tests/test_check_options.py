"""check_read_options / check_write_options: a plain options map checked before Spark is touched,
as the connector's JVM side checks it."""

from __future__ import annotations

import pytest

from kusto_spark.errors import KustoOptionError
from kusto_spark.options import check_read_options, check_write_options


def test_keys_ignore_case_values_become_canonical_and_spark_keys_are_left_out() -> None:
    checked = check_write_options(
        {
            "path": "/ignored",
            "checkpointLocation": "/tmp/cp",
            "WRITEMODE": "kustostreaming",
            "kustoCluster": "http://LOCALHOST:8080/",
            "pollingOnDriver": True,
            "clientBatchingLimit": 50,
            "kustoAadAppSecret": "s",
        }
    )
    assert list(checked.items()) == [
        ("kustoCluster", "http://localhost:8080"),
        ("kustoAadAppSecret", "s"),
        ("writeMode", "KustoStreaming"),
        ("clientBatchingLimit", "50"),
        ("pollingOnDriver", "true"),
    ]


@pytest.mark.parametrize(
    ("check", "options", "message"),
    [
        (check_read_options, {"kustoQuerry": "T"},
         "Unknown option 'kustoQuerry' for a Kusto read. Did you mean kustoQuery?"),
        (check_read_options, {"kustoTabel": "T"},
         "Unknown option 'kustoTabel' for a Kusto read. Did you mean kustoTable (a write option)?"),
        (check_write_options, {"zzz": "1"},
         "Unknown option 'zzz' for a Kusto write. Valid write options: kustoCluster,"),
        (check_write_options, {"readMode": "ForceSingleMode"},
         "Option readMode is a read option and does not apply to a write; remove it."),
        (check_read_options, {"kustoDatabase": "a", "KUSTODATABASE": "b"},
         "Option kustoDatabase is given twice with different values (as 'kustoDatabase' and 'KUSTODATABASE')"),
        (check_read_options, {"kustoDatabase": None}, "Option kustoDatabase has no value"),
        (check_read_options, {"keyVaultUri": "https://v"},
         "Option keyVaultUri is not available in this connector; remove it. Read the secret from Key Vault in the job"),
        (check_write_options, {"keyVaultUri": "https://v", "keyVaultPemFileKey": "S3CRET"},
         "Options keyVaultUri, keyVaultPemFileKey are not available in this connector; remove them."),
        (check_write_options, {"addSourceLocationTransform": "TRUE"},
         "Option addSourceLocationTransform is not available in this connector; remove it."),
        (check_write_options, {"writeMode": "KustoStreaming", "streamingIngestSizeInMB": 100},
         "Option streamingIngestSizeInMB has value '100': expected a whole number from 1 to 4."),
        (check_read_options, {"timeoutLimit": "2592001"},
         "Option timeoutLimit has value '2592001': expected a whole number of seconds from 1 to 2592000."),
        (check_write_options, {"accessToken": " "}, "Option accessToken is empty"),
    ],
)  # fmt: skip
def test_bad_options_fail_with_a_message_that_says_how_to_fix_them(
    check: object, options: dict[str, object], message: str
) -> None:
    with pytest.raises(KustoOptionError) as raised:
        check(options)  # type: ignore[operator]
    assert message in str(raised.value)
    assert "S3CRET" not in str(raised.value)


def test_the_established_connectors_other_options_are_accepted() -> None:
    # Ignored options pass (the JVM side logs why they have no effect), mapped and debug ones too.
    assert check_read_options(
        {"partitionMode": "hash", "blobStorageEndpointSuffix": "core.chinacloudapi.cn", "dbgBlobCompressOnExport": False}
    ) == {"blobStorageEndpointSuffix": "core.chinacloudapi.cn", "dbgBlobCompressOnExport": "false", "partitionMode": "hash"}
    assert check_write_options(
        {
            "ensureNoDuplicatedBlobs": True,
            "disableFlushImmediately": "TRUE",
            "addSourceLocationTransform": "false",
            "maxRetriesOnMoveExtents": 0,
            "maximalExtentsCountForSplitMergePerNode": "40",
        }
    ) == {
        "disableFlushImmediately": "true",
        "ensureNoDuplicatedBlobs": "true",
        "addSourceLocationTransform": "false",
        "maxRetriesOnMoveExtents": "0",
        "maximalExtentsCountForSplitMergePerNode": "40",
    }
