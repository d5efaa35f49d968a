"""Typed options and Spark helpers for the Kusto (Azure Data Explorer) Spark connector.

The builders check every value in Python, before Spark is touched, and produce exactly the option
map and JSON the connector reads; the helpers pass them to Spark through public PySpark API only,
so they work on classic PySpark and on Spark Connect.

>>> from pyspark.sql import SparkSession
>>> import kusto_spark
>>> from kusto_spark import KustoReadOptions, ReadMode
>>> spark = kusto_spark.configure(SparkSession.builder).getOrCreate()  # doctest: +SKIP
>>> df = kusto_spark.read(spark, KustoReadOptions()
...                       .kusto_cluster("https://mycluster.westeurope.kusto.windows.net")
...                       .kusto_database("Samples")
...                       .kusto_query("StormEvents | take 10")
...                       .read_mode(ReadMode.ForceSingleMode))  # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

from kusto_spark._errors import KustoSparkError, KustoSparkOptionError, kusto_errors
from kusto_spark._jar import JAR_ENV, SUPPORTED_SPARK_VERSIONS, jar_path
from kusto_spark._spark import FORMAT, await_async_write, await_async_writes, cleanup, configure, read, write
from kusto_spark.client_request_properties import ClientRequestProperties, ClientRequestPropertiesBuilder, OptionValue
from kusto_spark.enums import ReadMode, SchemaAdjustmentMode, TableCreationMode, WriteMode
from kusto_spark.errors import KustoOptionError
from kusto_spark.ingestion_properties import CsvColumnMapping, SparkIngestionProperties, SparkIngestionPropertiesBuilder
from kusto_spark.options import KustoReadOptions, KustoWriteOptions, check_read_options, check_write_options
from kusto_spark.outcomes import AsyncWriteOutcome, CleanupResult

__all__ = [
    "FORMAT",
    "JAR_ENV",
    "SUPPORTED_SPARK_VERSIONS",
    "AsyncWriteOutcome",
    "CleanupResult",
    "ClientRequestProperties",
    "ClientRequestPropertiesBuilder",
    "CsvColumnMapping",
    "KustoOptionError",
    "KustoReadOptions",
    "KustoSparkError",
    "KustoSparkOptionError",
    "KustoWriteOptions",
    "OptionValue",
    "ReadMode",
    "SchemaAdjustmentMode",
    "SparkIngestionProperties",
    "SparkIngestionPropertiesBuilder",
    "TableCreationMode",
    "WriteMode",
    "__version__",
    "await_async_write",
    "await_async_writes",
    "check_read_options",
    "check_write_options",
    "cleanup",
    "configure",
    "jar_path",
    "kusto_errors",
    "read",
    "write",
]
