"""SparkIngestionProperties and CsvColumnMapping from Python values."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from kusto_spark.errors import KustoOptionError
from kusto_spark.ingestion_properties import CsvColumnMapping, SparkIngestionProperties


def test_builder_writes_the_fields_in_canonical_order() -> None:
    sip = (
        SparkIngestionProperties.builder()
        .csv_mapping(
            [CsvColumnMapping.of_ordinal("A", 0).with_data_type("long"), CsvColumnMapping.of_constant("B", "x")]
        )
        .creation_time(datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc))
        .ingest_if_not_exists(("day-1",))
        .drop_by_tags([])
        .flush_immediately(True)
        .build()
    )
    assert sip.to_json() == (
        '{"flushImmediately":true,"dropByTags":[],"ingestIfNotExists":["day-1"],'
        '"creationTime":"2024-01-02T03:04:05.0000000Z",'
        '"csvMapping":"[{\\"Name\\":\\"A\\",\\"DataType\\":\\"long\\",\\"Ordinal\\":0},{\\"Name\\":\\"B\\",\\"ConstValue\\":\\"x\\"}]"}'
    )
    assert sip.drop_by_tags == ()
    assert sip.ingest_by_tags is None
    assert sip.creation_time == "2024-01-02T03:04:05.0000000Z"
    assert sip.csv_mapping_json() == '[{"Name":"A","DataType":"long","Ordinal":0},{"Name":"B","ConstValue":"x"}]'
    assert sip.fields_unsupported_by_streaming() == ["ingestIfNotExists", "creationTime", "csvMapping"]


def test_creation_time_text_keeps_ticks_and_round_trips() -> None:
    sip = SparkIngestionProperties.builder().creation_time("2024-01-02T03:04:05.1234567Z").build()
    assert SparkIngestionProperties.from_json(sip.to_json()) == sip
    assert sip.to_builder().creation_time(None).build() == SparkIngestionProperties.empty()


def test_tags_given_as_a_list_cannot_be_changed_afterwards() -> None:
    tags = ["a"]
    sip = SparkIngestionProperties.builder().ingest_by_tags(tags).build()
    tags.append("b")
    assert sip.ingest_by_tags == ("a",)


@pytest.mark.parametrize(
    ("make", "error", "fragment"),
    [
        (lambda b: b.ingest_by_tags("tag"), TypeError, "ingestByTags must be a list, not a single str"),
        (lambda b: b.additional_tags(["a", None]), KustoOptionError, "additionalTags holds a null tag"),
        (lambda b: b.csv_mapping_name_reference(" "), KustoOptionError, "csvMappingNameReference must not be blank"),
        (lambda b: b.creation_time(datetime(2024, 1, 2)), KustoOptionError, "creationTime is a naive datetime"),
        (lambda b: b.creation_time("yesterday"), KustoOptionError, "creationTime has value 'yesterday'"),
        (lambda b: b.csv_mapping(["A"]), TypeError, "every entry must be a CsvColumnMapping"),
        (
            lambda b: b.csv_mapping([CsvColumnMapping.of_ordinal("A", 0)]).csv_mapping_name_reference("m").build(),
            KustoOptionError,
            "set csvMapping or csvMappingNameReference, not both",
        ),
    ],
)
def test_bad_values_fail_naming_the_field(make: object, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as raised:
        make(SparkIngestionProperties.builder())  # type: ignore[operator]
    assert fragment in str(raised.value)


def test_csv_column_mapping_checks_and_prints() -> None:
    assert repr(CsvColumnMapping.of_constant("C", "v")) == 'CsvColumnMapping({"Name":"C","ConstValue":"v"})'
    assert CsvColumnMapping.of_ordinal("A", 1) == CsvColumnMapping.of_ordinal("A", 1)
    with pytest.raises(KustoOptionError, match="csvMapping column 'A' has Ordinal -1"):
        CsvColumnMapping.of_ordinal("A", -1)
    with pytest.raises(KustoOptionError, match="csvMapping column 'A' has DataType 'date time'"):
        CsvColumnMapping.of_ordinal("A", 1).with_data_type("date time")
    with pytest.raises(KustoOptionError, match="a mapped column name must not be empty"):
        CsvColumnMapping.of_constant("", "v")


def test_csv_column_mapping_constructor_takes_exactly_one_source() -> None:
    assert CsvColumnMapping("A", ordinal=2, data_type="int") == CsvColumnMapping.of_ordinal("A", 2).with_data_type(
        "int"
    )
    assert CsvColumnMapping("B", const_value="x").const_value == "x"
    with pytest.raises(KustoOptionError, match="csvMapping column 'A' needs exactly one of Ordinal and ConstValue"):
        CsvColumnMapping("A", ordinal=1, const_value="x")
    with pytest.raises(KustoOptionError, match="needs exactly one of Ordinal and ConstValue"):
        CsvColumnMapping("A")


def test_to_string_is_the_json_as_on_the_jvm_object() -> None:
    sp = SparkIngestionProperties.builder().ingest_by_tags(["b1"]).build()
    assert sp.toString() == str(sp) == sp.to_json() == '{"ingestByTags":["b1"]}'
