"""Ingestion properties of a write (the option ``sparkIngestionPropertiesJson``) and CSV column mappings."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any

from . import _json
from ._times import format_instant, instant_nanos, java_trim, parse_instant_or_none
from .errors import KustoOptionError

__all__ = ["SparkIngestionProperties", "SparkIngestionPropertiesBuilder", "CsvColumnMapping"]

_TYPE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1


class CsvColumnMapping:
    """One column of a CSV ingestion mapping: the target column, where its value comes from (an
    ordinal of the CSV record, or a constant) and optionally its Kusto data type. Written in Kusto's
    CSV mapping form ``{"Name":"ColA","DataType":"string","Ordinal":0}`` / ``"ConstValue":"x"``.
    Immutable; make one with :meth:`of_ordinal` or :meth:`of_constant`.

    >>> str(CsvColumnMapping.of_ordinal("ColA", 0).with_data_type("string"))
    '{"Name":"ColA","DataType":"string","Ordinal":0}'
    """

    __slots__ = ("_name", "_ordinal", "_data_type", "_const_value")

    def __init__(
        self, name: str, ordinal: int | None = None, const_value: str | None = None, data_type: str | None = None
    ) -> None:
        """Column ``name`` from field ``ordinal`` (0-based) of each record, or set to ``const_value``
        (exactly one of the two), with the Kusto ``data_type`` if given. :meth:`of_ordinal`,
        :meth:`of_constant` and :meth:`with_data_type` say the same step by step."""
        _require_name(name)
        if (ordinal is None) == (const_value is None):
            raise KustoOptionError(
                f"csvMapping column '{name}' needs exactly one of Ordinal and ConstValue", "csvMapping"
            )
        if ordinal is not None:
            _require_ordinal(ordinal, name)
        elif not isinstance(const_value, str):
            raise TypeError(
                f"the constant value of mapped column '{name}' must be a str, not {type(const_value).__name__}"
            )
        if data_type is not None:
            _require_data_type(data_type, name)
        self._name: str = name
        self._ordinal: int | None = ordinal
        self._const_value: str | None = const_value
        self._data_type: str | None = data_type

    @staticmethod
    def of_ordinal(name: str, ordinal: int) -> CsvColumnMapping:
        """Column ``name`` from field ``ordinal`` (0-based) of each CSV record."""
        return CsvColumnMapping(name, ordinal=ordinal)

    @staticmethod
    def of_constant(name: str, const_value: str) -> CsvColumnMapping:
        """Column ``name`` set to ``const_value`` in every row."""
        if const_value is None:
            raise TypeError(f"the constant value of mapped column '{name}' must be a str, not None")
        return CsvColumnMapping(name, const_value=const_value)

    def with_data_type(self, kusto_type: str) -> CsvColumnMapping:
        """This mapping with the column's Kusto data type (``string``, ``long``, ``datetime``...)."""
        return CsvColumnMapping(
            self._name, self._ordinal, self._const_value, _require_data_type(kusto_type, self._name)
        )

    @property
    def name(self) -> str:
        """The target column."""
        return self._name

    @property
    def ordinal(self) -> int | None:
        """The 0-based field of the CSV record, or None for a constant column."""
        return self._ordinal

    @property
    def data_type(self) -> str | None:
        """The column's Kusto data type, if given."""
        return self._data_type

    @property
    def const_value(self) -> str | None:
        """The constant of every row, or None for a column read from the record."""
        return self._const_value

    def _json_object(self) -> dict[str, Any]:
        fields: dict[str, Any] = {"Name": self._name}
        if self._data_type is not None:
            fields["DataType"] = self._data_type
        if self._ordinal is not None:
            fields["Ordinal"] = self._ordinal
        if self._const_value is not None:
            fields["ConstValue"] = self._const_value
        return fields

    def to_json(self) -> str:
        """The mapping in Kusto's CSV form, with the keys that are set."""
        return _json.write(self._json_object())

    @staticmethod
    def _from_node(node: Any, index: int) -> CsvColumnMapping:
        # Kusto's CSV form (Name, DataType, Ordinal, ConstValue) or its newer form
        # (Column, DataType, Properties: {Ordinal, ConstValue}); ordinals may be numeric strings.
        where = f"csvMapping entry {index}"
        if not isinstance(node, dict):
            raise KustoOptionError(f'{where} must be a JSON object such as {{"Name":"ColA","Ordinal":0}}', "csvMapping")
        name: str | None = None
        data_type: str | None = None
        ordinal: Any = None
        const_value: Any = None
        for field, value in node.items():
            if field in ("Name", "Column"):
                name = None if value is None else _json.as_text(value)
            elif field in ("DataType", "datatype"):
                data_type = None if value is None or _json.as_text(value) == "" else _json.as_text(value)
            elif field == "Ordinal":
                ordinal = value
            elif field == "ConstValue":
                const_value = value
            elif field == "Properties":
                if not isinstance(value, dict):
                    raise KustoOptionError(f"{where}: Properties must be a JSON object", "csvMapping")
                for prop, prop_value in value.items():
                    if prop == "Ordinal":
                        ordinal = prop_value
                    elif prop == "ConstValue":
                        const_value = prop_value
                    else:
                        raise KustoOptionError(
                            f"{where} has an unknown property '{prop}'; allowed: Ordinal, ConstValue", "csvMapping"
                        )
            else:
                raise KustoOptionError(
                    f"{where} has an unknown field '{field}'; allowed: Name, DataType, Ordinal, ConstValue"
                    " (or Column, DataType, Properties)",
                    "csvMapping",
                )
        if not name:
            raise KustoOptionError(f"{where} has no Name", "csvMapping")
        if (ordinal is None) == (const_value is None):
            raise KustoOptionError(
                f"{where} (column '{name}') needs exactly one of Ordinal and ConstValue", "csvMapping"
            )
        if ordinal is not None:
            mapping = CsvColumnMapping.of_ordinal(name, _ordinal_value(ordinal, where, name))
        else:
            mapping = CsvColumnMapping.of_constant(name, _json.as_text(const_value))
        return mapping if data_type is None else mapping.with_data_type(data_type)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CsvColumnMapping) and self._json_object() == other._json_object()

    def __hash__(self) -> int:
        return hash((self._name, self._ordinal, self._data_type, self._const_value))

    def __str__(self) -> str:
        return self.to_json()

    def __repr__(self) -> str:
        return f"CsvColumnMapping({self.to_json()})"


def _ordinal_value(node: Any, where: str, name: str) -> int:
    if isinstance(node, int) and not isinstance(node, bool):
        # Jackson's intValue() of a wider whole number keeps its low 32 bits.
        return (node - _INT_MIN) % 2**32 + _INT_MIN
    number = _json.java_integer(java_trim(_json.as_text(node)), 32)
    if number is not None:
        return number
    raise KustoOptionError(
        f"{where} (column '{name}') has Ordinal '{_json.as_text(node)}'; expected a whole number >= 0", "csvMapping"
    )


def _require_data_type(kusto_type: str, name: str) -> str:
    if not isinstance(kusto_type, str) or not _TYPE_NAME.fullmatch(kusto_type):
        shown = "null" if kusto_type is None else kusto_type
        raise KustoOptionError(
            f"csvMapping column '{name}' has DataType '{shown}'; expected a Kusto type name such as string, long or"
            " datetime",
            "csvMapping",
        )
    return kusto_type


def _require_name(name: str) -> str:
    if not isinstance(name, str) or not name:
        raise KustoOptionError("a mapped column name must not be empty", "csvMapping")
    return name


def _require_ordinal(ordinal: int, name: str) -> int:
    if isinstance(ordinal, bool) or not isinstance(ordinal, int):
        raise TypeError(f"the ordinal of mapped column '{name}' must be an int, not {type(ordinal).__name__}")
    if ordinal < 0:
        raise KustoOptionError(
            f"csvMapping column '{name}' has Ordinal {ordinal}; expected a whole number >= 0", "csvMapping"
        )
    if ordinal > _INT_MAX:
        raise KustoOptionError(
            f"csvMapping column '{name}' has Ordinal {ordinal}; expected a whole number below 2^31", "csvMapping"
        )
    return ordinal


class SparkIngestionProperties:
    """Ingestion properties of a write: extent tags, deduplication tags, the extents' creation time
    and a CSV mapping. Immutable; build one with :meth:`builder` or parse existing JSON with
    :meth:`from_json`.

    Canonical JSON (:meth:`to_json`): the fields that are set, in the order of :data:`FIELDS`, with
    no whitespace. An empty tag list (``[]``) is kept distinct from an absent one (field omitted);
    ``flushImmediately`` is written only when true; ``creationTime`` prints as
    ``2024-01-02T03:04:05.1234567Z``; ``csvMapping`` is a string holding the mapping array, as the
    established connector reads it.

    >>> SparkIngestionProperties.builder().ingest_by_tags(["day-1"]).build().to_json()
    '{"ingestByTags":["day-1"]}'
    """

    __slots__ = (
        "_flush_immediately", "_drop_by_tags", "_ingest_by_tags", "_additional_tags", "_ingest_if_not_exists",
        "_creation_time", "_csv_mapping", "_csv_mapping_name_reference",
    )  # fmt: skip

    #: The fields of the JSON, in canonical order.
    FIELDS: tuple[str, ...] = (
        "flushImmediately", "dropByTags", "ingestByTags", "additionalTags", "ingestIfNotExists", "creationTime",
        "csvMapping", "csvMappingNameReference",
    )  # fmt: skip

    def __init__(self) -> None:
        """No properties set; :meth:`builder` and :meth:`from_json` make the others."""
        self._copy_from(SparkIngestionPropertiesBuilder())

    @classmethod
    def _of(cls, builder: SparkIngestionPropertiesBuilder) -> SparkIngestionProperties:
        # A builder whose fields build() has checked.
        properties = cls.__new__(cls)
        properties._copy_from(builder)
        return properties

    def _copy_from(self, b: SparkIngestionPropertiesBuilder) -> None:
        self._flush_immediately: bool = b._flush_immediately
        self._drop_by_tags: tuple[str, ...] | None = b._drop_by_tags
        self._ingest_by_tags: tuple[str, ...] | None = b._ingest_by_tags
        self._additional_tags: tuple[str, ...] | None = b._additional_tags
        self._ingest_if_not_exists: tuple[str, ...] | None = b._ingest_if_not_exists
        self._creation_time: int | None = b._creation_time
        self._csv_mapping: tuple[CsvColumnMapping, ...] | None = b._csv_mapping
        self._csv_mapping_name_reference: str | None = b._csv_mapping_name_reference

    @staticmethod
    def empty() -> SparkIngestionProperties:
        """No properties set."""
        return SparkIngestionProperties()

    @staticmethod
    def builder() -> SparkIngestionPropertiesBuilder:
        """A builder with nothing set."""
        return SparkIngestionPropertiesBuilder()

    def to_builder(self) -> SparkIngestionPropertiesBuilder:
        """A builder holding this object's fields, to derive a changed copy."""
        b = SparkIngestionPropertiesBuilder()
        b._flush_immediately = self._flush_immediately
        b._drop_by_tags = self._drop_by_tags
        b._ingest_by_tags = self._ingest_by_tags
        b._additional_tags = self._additional_tags
        b._ingest_if_not_exists = self._ingest_if_not_exists
        b._creation_time = self._creation_time
        b._csv_mapping = self._csv_mapping
        b._csv_mapping_name_reference = self._csv_mapping_name_reference
        return b

    @property
    def flush_immediately(self) -> bool:
        """Whether the ingested data is sealed into extents at once."""
        return self._flush_immediately

    @property
    def drop_by_tags(self) -> tuple[str, ...] | None:
        """``drop-by:`` tags of the ingested extents; None when absent (an empty tuple is set, empty)."""
        return self._drop_by_tags

    @property
    def ingest_by_tags(self) -> tuple[str, ...] | None:
        """``ingest-by:`` tags of the ingested extents; None when absent."""
        return self._ingest_by_tags

    @property
    def additional_tags(self) -> tuple[str, ...] | None:
        """Other tags of the ingested extents; None when absent."""
        return self._additional_tags

    @property
    def ingest_if_not_exists(self) -> tuple[str, ...] | None:
        """``ingest-by:`` tags whose presence skips the ingestion; None when absent."""
        return self._ingest_if_not_exists

    @property
    def creation_time(self) -> str | None:
        """The extents' creation time as ``2024-01-02T03:04:05.1234567Z`` (text keeps the 100-ns ticks), or None."""
        return None if self._creation_time is None else format_instant(self._creation_time, "creationTime")

    @property
    def csv_mapping(self) -> tuple[CsvColumnMapping, ...] | None:
        """The CSV mapping, or None."""
        return self._csv_mapping

    @property
    def csv_mapping_name_reference(self) -> str | None:
        """The name of a CSV mapping defined on the table, or None."""
        return self._csv_mapping_name_reference

    def csv_mapping_json(self) -> str | None:
        """The mapping array's JSON, as the ingestion property ``ingestionMapping`` takes it, or None."""
        return None if self._csv_mapping is None else _mapping_json(self._csv_mapping)

    def fields_unsupported_by_streaming(self) -> list[str]:
        """The fields set that streaming ingestion cannot honour (the service takes none of them on a
        streaming request): non-empty tag lists, ``creationTime`` and ``csvMapping``."""
        fields = [name for name, tags in self._tag_fields() if tags]
        if self._creation_time is not None:
            fields.append("creationTime")
        if self._csv_mapping is not None:
            fields.append("csvMapping")
        return fields

    def _tag_fields(self) -> tuple[tuple[str, tuple[str, ...] | None], ...]:
        return (
            ("dropByTags", self._drop_by_tags),
            ("ingestByTags", self._ingest_by_tags),
            ("additionalTags", self._additional_tags),
            ("ingestIfNotExists", self._ingest_if_not_exists),
        )

    def to_json(self) -> str:
        """The canonical JSON (see the class comment)."""
        fields: dict[str, Any] = {}
        if self._flush_immediately:
            fields["flushImmediately"] = True
        for name, tags in self._tag_fields():
            if tags is not None:
                fields[name] = list(tags)
        if self._creation_time is not None:
            fields["creationTime"] = format_instant(self._creation_time, "creationTime")
        if self._csv_mapping is not None:
            fields["csvMapping"] = _mapping_json(self._csv_mapping)
        if self._csv_mapping_name_reference is not None:
            fields["csvMappingNameReference"] = self._csv_mapping_name_reference
        return _json.write(fields)

    @staticmethod
    def from_json(text: str) -> SparkIngestionProperties:
        """Parses the established connector's ``sparkIngestionPropertiesJson``: pretty-printed or not,
        nulls for absent fields, ``creationTime`` as decimal epoch seconds or ISO-8601, ``csvMapping``
        as a string holding the mapping array, or the array itself.

        :raises KustoOptionError: for unknown fields (named, with the allowed ones) and bad values.
        """
        # Exact numbers: a double cannot hold epoch seconds to 100 ns (near 2024 its steps are 238 ns).
        root = _json.parse(text, "sparkIngestionPropertiesJson", exact_numbers=True)
        if not isinstance(root, dict):
            raise KustoOptionError(
                'sparkIngestionPropertiesJson must be a JSON object such as {"ingestByTags":["tag1"]}',
                "sparkIngestionPropertiesJson",
            )
        b = SparkIngestionProperties.builder()
        for field, value in root.items():
            if field not in SparkIngestionProperties.FIELDS:
                raise _unknown_field(field)
            if value is None:
                continue
            if field == "flushImmediately":
                if not isinstance(value, bool):
                    raise KustoOptionError(
                        f"sparkIngestionPropertiesJson field flushImmediately has value {_json.write(value)};"
                        " allowed values: true, false",
                        field,
                    )
                b.flush_immediately(value)
            elif field == "dropByTags":
                b.drop_by_tags(_strings(value, field))
            elif field == "ingestByTags":
                b.ingest_by_tags(_strings(value, field))
            elif field == "additionalTags":
                b.additional_tags(_strings(value, field))
            elif field == "ingestIfNotExists":
                b.ingest_if_not_exists(_strings(value, field))
            elif field == "creationTime":
                nanos = _creation_time_value(value)
                try:
                    b._set_creation_time(nanos)
                except KustoOptionError as too_fine:
                    # Name the value as the JSON holds it, not as the instant it was converted to.
                    raise KustoOptionError(
                        f"sparkIngestionPropertiesJson field creationTime has value {_json.write(value)}: {too_fine}",
                        field,
                    ) from None
            elif field == "csvMapping":
                b.csv_mapping(_mapping_value(value))
            else:
                if not isinstance(value, str):
                    raise KustoOptionError(
                        "sparkIngestionPropertiesJson field csvMappingNameReference must be a string", field
                    )
                b.csv_mapping_name_reference(value)
        return b.build()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SparkIngestionProperties) and self.to_json() == other.to_json()

    def __hash__(self) -> int:
        return hash(self.to_json())

    def __str__(self) -> str:
        return self.to_json()

    def toString(self) -> str:  # noqa: N802 - the JVM object's method name, kept for existing snippets
        """The same as :meth:`to_json`, under the name of the JVM object's method, so that snippets
        written for ``sc._jvm`` objects (``.option("sparkIngestionPropertiesJson", sp.toString())``)
        run unchanged once ``sp`` comes from this builder."""
        return self.to_json()

    def __repr__(self) -> str:
        return f"SparkIngestionProperties({self.to_json()})"


def _mapping_json(mapping: Iterable[CsvColumnMapping]) -> str:
    return _json.write([m._json_object() for m in mapping])


def _unknown_field(field: str) -> KustoOptionError:
    return KustoOptionError(
        f"sparkIngestionPropertiesJson has an unknown field '{field}'; allowed fields:"
        f" {', '.join(SparkIngestionProperties.FIELDS)}",
        field,
    )


def _strings(value: Any, field: str) -> list[str]:
    if not isinstance(value, list):
        raise KustoOptionError(
            f"sparkIngestionPropertiesJson field {field} must be a JSON array of strings such as"
            f' ["tag1"], not {_json.node_type(value)}',
            field,
        )
    for element in value:
        if not isinstance(element, str):
            raise KustoOptionError(
                f"sparkIngestionPropertiesJson field {field} holds {_json.write(element)};"
                " every element must be a string",
                field,
            )
    return value


def _creation_time_value(value: Any) -> int:
    nanos: int | None = None
    if isinstance(value, bool):
        nanos = None
    elif isinstance(value, int):
        nanos = parse_instant_or_none(str(value))
    elif isinstance(value, Decimal):
        nanos = parse_instant_or_none(_json.plain(value))
    elif isinstance(value, str):
        nanos = parse_instant_or_none(value)
    if nanos is None:
        raise KustoOptionError(
            f"sparkIngestionPropertiesJson field creationTime has value {_json.write(value)}; expected an ISO-8601"
            " instant such as 2024-01-02T03:04:05.1234567Z or decimal epoch seconds such as 1704164645.123000000",
            "creationTime",
        )
    return nanos


def _mapping_value(value: Any) -> list[CsvColumnMapping]:
    array = _json.parse(value, "sparkIngestionPropertiesJson field csvMapping") if isinstance(value, str) else value
    if not isinstance(array, list):
        raise KustoOptionError(
            "sparkIngestionPropertiesJson field csvMapping must hold a JSON array"
            ' such as [{"Name":"ColA","Ordinal":0}]',
            "csvMapping",
        )
    return [CsvColumnMapping._from_node(node, i) for i, node in enumerate(array)]


class SparkIngestionPropertiesBuilder:
    """Setters for each field of :class:`SparkIngestionProperties`; :meth:`build` checks them together.
    Each setter returns the builder; None means absent."""

    __slots__ = (
        "_flush_immediately", "_drop_by_tags", "_ingest_by_tags", "_additional_tags", "_ingest_if_not_exists",
        "_creation_time", "_csv_mapping", "_csv_mapping_name_reference",
    )  # fmt: skip

    def __init__(self) -> None:
        self._flush_immediately = False
        self._drop_by_tags: tuple[str, ...] | None = None
        self._ingest_by_tags: tuple[str, ...] | None = None
        self._additional_tags: tuple[str, ...] | None = None
        self._ingest_if_not_exists: tuple[str, ...] | None = None
        self._creation_time: int | None = None
        self._csv_mapping: tuple[CsvColumnMapping, ...] | None = None
        self._csv_mapping_name_reference: str | None = None

    def flush_immediately(self, value: bool) -> SparkIngestionPropertiesBuilder:
        """Seal the ingested data into extents at once instead of waiting for the batching policy."""
        if not isinstance(value, bool):
            raise TypeError(f"flushImmediately must be a bool, not {type(value).__name__}")
        self._flush_immediately = value
        return self

    def drop_by_tags(self, tags: Iterable[str] | None) -> SparkIngestionPropertiesBuilder:
        """``drop-by:`` tags on the ingested extents (None for absent, empty for an explicit empty list)."""
        self._drop_by_tags = _tags(tags, "dropByTags")
        return self

    def ingest_by_tags(self, tags: Iterable[str] | None) -> SparkIngestionPropertiesBuilder:
        """``ingest-by:`` tags on the ingested extents."""
        self._ingest_by_tags = _tags(tags, "ingestByTags")
        return self

    def additional_tags(self, tags: Iterable[str] | None) -> SparkIngestionPropertiesBuilder:
        """Other tags on the ingested extents."""
        self._additional_tags = _tags(tags, "additionalTags")
        return self

    def ingest_if_not_exists(self, tags: Iterable[str] | None) -> SparkIngestionPropertiesBuilder:
        """Skip the ingestion if an extent already has one of these ``ingest-by:`` tags."""
        self._ingest_if_not_exists = _tags(tags, "ingestIfNotExists")
        return self

    def creation_time(self, time: datetime | str | None) -> SparkIngestionPropertiesBuilder:
        """The creation time of the ingested extents (for retention of back-filled data): a
        timezone-aware ``datetime`` or ISO-8601 text with up to 7 fractional digits."""
        return self._set_creation_time(None if time is None else instant_nanos(time, "creationTime"))

    def _set_creation_time(self, nanos: int | None) -> SparkIngestionPropertiesBuilder:
        if nanos is not None:
            format_instant(nanos, "creationTime")
        self._creation_time = nanos
        return self

    def csv_mapping(self, mapping: Iterable[CsvColumnMapping] | None) -> SparkIngestionPropertiesBuilder:
        """A CSV mapping from the written columns to the table's (None for none)."""
        if mapping is None:
            self._csv_mapping = None
            return self
        if isinstance(mapping, (str, bytes)):
            raise TypeError("csvMapping must be a list of CsvColumnMapping, not a str")
        entries = tuple(mapping)
        for entry in entries:
            if not isinstance(entry, CsvColumnMapping):
                raise TypeError(f"csvMapping holds a {type(entry).__name__}; every entry must be a CsvColumnMapping")
        self._csv_mapping = entries
        return self

    def csv_mapping_name_reference(self, name: str | None) -> SparkIngestionPropertiesBuilder:
        """The name of a CSV ingestion mapping already defined on the table."""
        if name is not None and not isinstance(name, str):
            raise TypeError(f"csvMappingNameReference must be a str, not {type(name).__name__}")
        if name is not None and not name.strip():
            raise KustoOptionError("csvMappingNameReference must not be blank", "csvMappingNameReference")
        self._csv_mapping_name_reference = name
        return self

    def build(self) -> SparkIngestionProperties:
        """Checks the fields together (a mapping or a mapping's name, each column mapped once) and returns them."""
        if self._csv_mapping is not None and self._csv_mapping_name_reference is not None:
            raise KustoOptionError(
                "sparkIngestionProperties: set csvMapping or csvMappingNameReference, not both", "csvMapping"
            )
        if self._csv_mapping is not None:
            names: set[str] = set()
            for m in self._csv_mapping:
                if m.name in names:
                    raise KustoOptionError(f"csvMapping maps column '{m.name}' twice", "csvMapping")
                names.add(m.name)
        return SparkIngestionProperties._of(self)


def _tags(tags: Iterable[str] | None, field: str) -> tuple[str, ...] | None:
    if tags is None:
        return None
    if isinstance(tags, (str, bytes)):
        raise TypeError(f"{field} must be a list of str, not a single str")
    values = tuple(tags)
    for tag in values:
        if tag is None:
            raise KustoOptionError(f"{field} holds a null tag", field)
        if not isinstance(tag, str):
            raise TypeError(f"{field} holds a {type(tag).__name__}; every tag must be a str")
    return values
