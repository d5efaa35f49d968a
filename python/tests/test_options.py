"""KustoReadOptions / KustoWriteOptions: immutable, checked as the connector checks the options,
secrets never printed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kusto_spark.client_request_properties import ClientRequestProperties
from kusto_spark.enums import ReadMode, SchemaAdjustmentMode, TableCreationMode, WriteMode
from kusto_spark.errors import KustoOptionError
from kusto_spark.ingestion_properties import SparkIngestionProperties
from kusto_spark.options import KustoReadOptions, KustoWriteOptions


def test_setters_return_new_objects_and_leave_the_original() -> None:
    base = KustoReadOptions().kusto_cluster("http://localhost:8080").kusto_database("db")
    with_query = base.kusto_query("T | take 1")
    assert base.to_options() == {"kustoCluster": "http://localhost:8080", "kustoDatabase": "db"}
    assert with_query.to_options()["kustoQuery"] == "T | take 1"
    assert with_query != base
    assert KustoReadOptions.create().kusto_query("T") == KustoReadOptions().kusto_query("T")


def test_options_come_in_registry_order_whatever_the_setter_order() -> None:
    options = (
        KustoWriteOptions()
        .write_mode("queued")
        .kusto_table("T")
        .timeout_limit(timedelta(minutes=5))
        .kusto_cluster("mycluster.westeurope")
        .table_create_options(TableCreationMode.CreateIfNotExist)
        .adjust_schema("generatedynamiccsvmapping")
        .spark_ingestion_properties(SparkIngestionProperties.builder().ingest_by_tags(["t"]).build())
        .client_request_properties(ClientRequestProperties.builder().request_app_name("etl").build())
        .no_write_result_limit()
    )
    assert list(options.to_options().items()) == [
        ("kustoCluster", "https://mycluster.westeurope.kusto.windows.net"),
        ("timeoutLimit", "300"),
        ("clientRequestPropertiesJson", '{"Options":{"request_app_name":"etl"},"Parameters":{}}'),
        ("kustoTable", "T"),
        ("writeMode", "Queued"),
        ("tableCreateOptions", "CreateIfNotExist"),
        ("adjustSchema", "GenerateDynamicCsvMapping"),
        ("sparkIngestionPropertiesJson", '{"ingestByTags":["t"]}'),
        ("writeResultLimit", "none"),
    ]


def test_repr_hides_secrets() -> None:
    options = (
        KustoReadOptions()
        .kusto_aad_app_id("app")
        .kusto_aad_app_secret("s3cret-1")
        .access_token("s3cret-2")
        .aad_app_certificate("/c.pfx", "s3cret-3")
        .transient_storage('{"storageCredentials":[{"sasUrl":"https://a.blob.core.windows.net/c?sig=s3cret-4"}]}')
    )
    text = repr(options)
    assert "kustoAadAppId=app" in text
    assert "kustoAadAppSecret=<hidden>" in text
    assert "s3cret" not in text
    assert "s3cret" not in str(options)


def test_a_bad_secret_value_is_not_shown_in_the_error() -> None:
    with pytest.raises(KustoOptionError) as raised:
        KustoWriteOptions().kusto_ingestion_storage_container('{"storageUrl":"https://a?sig=s3cret"}')
    assert "kustoIngestionStorageContainer must be a non-empty JSON array" in str(raised.value)
    assert "s3cret" not in str(raised.value)


@pytest.mark.parametrize(
    ("make", "error", "fragment"),
    [
        (lambda: KustoReadOptions().read_mode("fast"), KustoOptionError,
         "Option readMode has value 'fast': allowed values: ForceSingleMode, ForceDistributedMode,"
         " ForcePartitionedMode."),
        (lambda: KustoReadOptions().num_partitions(0), KustoOptionError,
         "Option numPartitions has value '0': expected a whole number from 1 to 1000."),
        (lambda: KustoReadOptions().kusto_cluster("https://c.kusto.windows.net/db"), KustoOptionError,
         "a cluster URL has no path ('/db')"),
        (lambda: KustoReadOptions().kusto_database(" "), KustoOptionError, "Option kustoDatabase is empty"),
        (lambda: KustoReadOptions().storage_protocol("s3"), KustoOptionError, "allowed values: wasbs, abfs, abfss"),
        (lambda: KustoReadOptions().kusto_auth_method("magic"), KustoOptionError,
         "allowed values: default, azureCli, none"),
        (lambda: KustoReadOptions().kusto_export_options_json("[1]"), KustoOptionError,
         "kustoExportOptionsJson must be a JSON object, not a array"),
        (lambda: KustoWriteOptions().timeout_limit("00:00:01.5"), KustoOptionError,
         "timeoutLimit is in whole seconds; 00:00:01.5 has a fraction of a second"),
        (lambda: KustoWriteOptions().write_mode(ReadMode.ForceSingleMode), TypeError, "takes a WriteMode"),
        (lambda: KustoWriteOptions().polling_on_driver("true"), TypeError, "pollingOnDriver takes a bool"),  # type: ignore[arg-type]
        (lambda: KustoWriteOptions().client_batching_limit(1.5), TypeError, "clientBatchingLimit takes an int"),  # type: ignore[arg-type]
        (lambda: KustoWriteOptions().kusto_table(None), TypeError, "kustoTable must not be None"),  # type: ignore[arg-type]
    ],
)  # fmt: skip
def test_bad_values_fail_before_spark_naming_option_value_and_allowed(
    make: object, error: type[Exception], fragment: str
) -> None:
    with pytest.raises(error) as raised:
        make()  # type: ignore[operator]
    assert fragment in str(raised.value)


def test_custom_schema_takes_ddl_or_a_struct_type_written_as_the_jvm_writes_it() -> None:
    types = pytest.importorskip("pyspark.sql.types")
    schema = types.StructType(
        [
            types.StructField("a", types.IntegerType()),
            types.StructField("my col", types.StringType(), False, {"comment": "it's"}),
            types.StructField("123", types.DecimalType(10, 2)),
            types.StructField("arr", types.ArrayType(types.TimestampType())),
            types.StructField("m", types.MapType(types.StringType(), types.DoubleType())),
            types.StructField("st", types.StructType([types.StructField("y z", types.BinaryType(), False)])),
            types.StructField("i", types.DayTimeIntervalType()),
        ]
    )
    # The JVM's StructType.toDDL() of the same schema.
    assert KustoReadOptions().custom_schema(schema).to_options() == {
        "customSchema": "a INT,`my col` STRING NOT NULL COMMENT 'it\\'s',`123` DECIMAL(10,2),arr ARRAY<TIMESTAMP>,"
        "m MAP<STRING, DOUBLE>,st STRUCT<`y z`: BINARY NOT NULL>,i INTERVAL DAY TO SECOND"
    }
    assert KustoReadOptions().custom_schema("b STRING").to_options() == {"customSchema": "b STRING"}
    with pytest.raises(TypeError, match="customSchema takes Spark DDL text or a StructType, not int"):
        KustoReadOptions().custom_schema(5)


def test_enums_parse_ignoring_case_and_print_their_names() -> None:
    assert ReadMode("forcepartitionedmode") is ReadMode.ForcePartitionedMode
    assert ReadMode.parse_or_none(" ForceSingleMode ") is ReadMode.ForceSingleMode
    assert WriteMode.parse_or_none("fast") is None
    assert str(WriteMode.KustoStreaming) == "KustoStreaming"
    assert WriteMode.Queued == "Queued"
    assert SchemaAdjustmentMode.allowed_values() == "NoAdjustment, FailIfNotMatch, GenerateDynamicCsvMapping"
    assert [m.value for m in TableCreationMode] == ["FailIfNotExist", "CreateIfNotExist"]
