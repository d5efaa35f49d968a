"""Ingestion properties of a write (the option ``sparkIngestionPropertiesJson``) and CSV column mappings."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from . import _json
from ._registry import INGESTION_FIELDS, SIP_CSV_MAPPING, SIP_CSV_MAPPING_NAME_REFERENCE
from ._registry import _IngestionGetters, _IngestionSetters
from ._registry import FieldSpec
from ._times import format_instant, instant_nanos, parse_instant
from .errors import KustoOptionError

__all__ = ["SparkIngestionProperties", "SparkIngestionPropertiesBuilder", "CsvColumnMapping"]

_TYPE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_ORDINAL_TEXT = re.compile(r"\s*\+?[0-9]+\s*")
_WHERE = "sparkIngestionPropertiesJson"


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
        (exactly one of the two), with the Kusto ``data_type`` if given."""
        if not isinstance(name, str) or not name:
            raise KustoOptionError("a mapped column name must not be empty", "csvMapping")
        if (ordinal is None) == (const_value is None):
            raise KustoOptionError(f"csvMapping column '{name}' needs exactly one of Ordinal and ConstValue", "csvMapping")
        if ordinal is not None:
            if isinstance(ordinal, bool) or not isinstance(ordinal, int):
                raise TypeError(f"the ordinal of mapped column '{name}' must be an int, not {type(ordinal).__name__}")
            if not 0 <= ordinal < 2**31:
                raise KustoOptionError(
                    f"csvMapping column '{name}' has Ordinal {ordinal}; expected a whole number >= 0 and below 2^31",
                    "csvMapping",
                )
        elif not isinstance(const_value, str):
            raise TypeError(f"the constant value of mapped column '{name}' must be a str, not {type(const_value).__name__}")
        if data_type is not None and (not isinstance(data_type, str) or not _TYPE_NAME.fullmatch(data_type)):
            raise KustoOptionError(
                f"csvMapping column '{name}' has DataType '{data_type}'; expected a Kusto type name such as string,"
                " long or datetime",
                "csvMapping",
            )
        self._name, self._ordinal, self._const_value, self._data_type = name, ordinal, const_value, data_type

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
        return CsvColumnMapping(self._name, self._ordinal, self._const_value, kusto_type)

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
        fields = {"Name": self._name, "DataType": self._data_type, "Ordinal": self._ordinal, "ConstValue": self._const_value}
        return {k: v for k, v in fields.items() if v is not None}

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
        fields: dict[str, Any] = {}
        for field, value in node.items():
            if field == "Properties" and isinstance(value, dict):
                unknown = set(value) - {"Ordinal", "ConstValue"}
                if unknown:
                    raise KustoOptionError(
                        f"{where} has an unknown property '{min(unknown)}'; allowed: Ordinal, ConstValue", "csvMapping"
                    )
                fields.update(value)
            elif field in ("Name", "Column", "DataType", "datatype", "Ordinal", "ConstValue"):
                fields[{"Column": "Name", "datatype": "DataType"}.get(str(field), str(field))] = value
            else:
                raise KustoOptionError(
                    f"{where} has an unknown field '{field}'; allowed: Name, DataType, Ordinal, ConstValue"
                    " (or Column, DataType, Properties)",
                    "csvMapping",
                )
        name, ordinal, const_value = fields.get("Name"), fields.get("Ordinal"), fields.get("ConstValue")
        if not isinstance(name, str) or not name:
            raise KustoOptionError(f"{where} has no Name", "csvMapping")
        if isinstance(ordinal, str) and _ORDINAL_TEXT.fullmatch(ordinal):
            ordinal = int(ordinal)
        if ordinal is not None and (isinstance(ordinal, bool) or not isinstance(ordinal, int)):
            raise KustoOptionError(
                f"{where} (column '{name}') has Ordinal '{ordinal}'; expected a whole number >= 0", "csvMapping"
            )
        if const_value is not None and not isinstance(const_value, str):
            const_value = _json.write(const_value)
        return CsvColumnMapping(name, ordinal, const_value, fields.get("DataType") or None)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CsvColumnMapping) and self._json_object() == other._json_object()

    def __hash__(self) -> int:
        return hash((self._name, self._ordinal, self._data_type, self._const_value))

    def __str__(self) -> str:
        return self.to_json()

    def __repr__(self) -> str:
        return f"CsvColumnMapping({self.to_json()})"


class SparkIngestionProperties(_IngestionGetters):
    """Ingestion properties of a write: extent tags, deduplication tags, the extents' creation time
    and a CSV mapping. Immutable; build one with :meth:`builder` or parse existing JSON with
    :meth:`from_json`.

    :meth:`to_json` writes the fields that are set, in the order of :data:`FIELDS`. An empty tag list
    (``[]``) is kept distinct from an absent one (field omitted); ``flushImmediately`` is written only
    when true; ``creationTime`` prints as ``2024-01-02T03:04:05.1234567Z``; ``csvMapping`` is a
    string holding the mapping array, as the established connector reads it.

    >>> SparkIngestionProperties.builder().ingest_by_tags(["day-1"]).build().to_json()
    '{"ingestByTags":["day-1"]}'
    """

    __slots__ = ("_fields",)

    #: The fields of the JSON, in canonical order.
    FIELDS: tuple[str, ...] = tuple(f.key for f in INGESTION_FIELDS)

    def __init__(self) -> None:
        """No properties set; :meth:`builder` and :meth:`from_json` make the others."""
        self._fields: dict[str, Any] = {}

    def _get(self, field: FieldSpec) -> Any:
        value = self._fields.get(field.key)
        if field.type == "boolean":
            return bool(value)
        return format_instant(value) if field.type == "instant" and value is not None else value

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
        builder = SparkIngestionPropertiesBuilder()
        builder._fields.update(self._fields)
        return builder

    def csv_mapping_json(self) -> str | None:
        """The mapping array's JSON, as the ingestion property ``ingestionMapping`` takes it, or None."""
        mapping = self._fields.get(SIP_CSV_MAPPING.key)
        return None if mapping is None else _json.write([m._json_object() for m in mapping])

    def fields_unsupported_by_streaming(self) -> list[str]:
        """The fields set that streaming ingestion cannot honour (the service takes none of them on a
        streaming request): non-empty tag lists, ``creationTime`` and ``csvMapping``."""
        return [
            f.key
            for f in INGESTION_FIELDS
            if (f.type == "tags" and self._fields.get(f.key)) or (f.type in ("instant", "csvMapping") and f.key in self._fields)
        ]

    def to_json(self) -> str:
        """The JSON (see the class comment)."""
        out: dict[str, Any] = {}
        for f in INGESTION_FIELDS:
            value = self._fields.get(f.key)
            if value is None or value is False:
                continue
            if f.type == "instant":
                value = format_instant(value)
            elif f.type == "csvMapping":
                value = self.csv_mapping_json()
            elif f.type == "tags":
                value = list(value)
            out[f.key] = value
        return _json.write(out)

    @staticmethod
    def from_json(text: str) -> SparkIngestionProperties:
        """Parses the established connector's ``sparkIngestionPropertiesJson``: pretty-printed or not,
        nulls for absent fields, ``creationTime`` as decimal epoch seconds or ISO-8601, ``csvMapping``
        as a string holding the mapping array, or the array itself.

        :raises KustoOptionError: for unknown fields (named, with the allowed ones) and bad values.
        """
        root = _json.parse(text, _WHERE)
        if not isinstance(root, dict):
            raise KustoOptionError(f'{_WHERE} must be a JSON object such as {{"ingestByTags":["tag1"]}}', _WHERE)
        builder = SparkIngestionProperties.builder()
        fields = {f.key: f for f in INGESTION_FIELDS}
        for key, value in root.items():
            field = fields.get(key)
            if field is None:
                raise KustoOptionError(
                    f"{_WHERE} has an unknown field '{key}'; allowed fields: {', '.join(SparkIngestionProperties.FIELDS)}",
                    key,
                )
            if value is not None:
                builder._set(field, _from_json_value(field, value))
        return builder.build()

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


def _from_json_value(field: FieldSpec, value: Any) -> Any:
    """A JSON value as the field's setter takes it, or an error naming the field and the value."""
    shown = f"{_WHERE} field {field.key}"
    if field.type == "boolean" and not isinstance(value, bool):
        raise KustoOptionError(f"{shown} has value {_json.write(value)}; allowed values: true, false", field.key)
    if field.type == "tags":
        if not isinstance(value, list):
            raise KustoOptionError(
                f'{shown} must be a JSON array of strings such as ["tag1"], not {_json.type_name(value)}', field.key
            )
        for tag in value:
            if not isinstance(tag, str):
                raise KustoOptionError(f"{shown} holds {_json.write(tag)}; every element must be a string", field.key)
    if field.type == "instant":
        text = format(value, "f") if isinstance(value, Decimal) else str(value) if type(value) is int else value
        if not isinstance(text, str) or parse_instant(text) is None:
            raise KustoOptionError(
                f"{shown} has value {_json.write(value)}; expected an ISO-8601 instant such as"
                " 2024-01-02T03:04:05.1234567Z or decimal epoch seconds such as 1704164645.123000000",
                field.key,
            )
        return text
    if field.type == "csvMapping":
        array = _json.parse(value, f"{shown}") if isinstance(value, str) else value
        if not isinstance(array, list):
            raise KustoOptionError(f'{shown} must hold a JSON array such as [{{"Name":"ColA","Ordinal":0}}]', field.key)
        return [CsvColumnMapping._from_node(node, i) for i, node in enumerate(array)]
    if field.type == "text" and not isinstance(value, str):
        raise KustoOptionError(f"{shown} must be a string", field.key)
    return value


class SparkIngestionPropertiesBuilder(_IngestionSetters):
    """Setters for each field of :class:`SparkIngestionProperties`; :meth:`build` checks them together.
    Each setter returns the builder; None means absent."""

    __slots__ = ("_fields",)

    def __init__(self) -> None:
        self._fields: dict[str, Any] = {}

    def _set(self, field: FieldSpec, value: Any) -> SparkIngestionPropertiesBuilder:
        self._fields[field.key] = None if value is None else _field_value(field, value)
        return self

    def build(self) -> SparkIngestionProperties:
        """Checks the fields together (a mapping or a mapping's name, each column mapped once) and returns them."""
        mapping = self._fields.get(SIP_CSV_MAPPING.key)
        if mapping is not None and self._fields.get(SIP_CSV_MAPPING_NAME_REFERENCE.key) is not None:
            raise KustoOptionError(
                "sparkIngestionProperties: set csvMapping or csvMappingNameReference, not both", "csvMapping"
            )
        names = [m.name for m in mapping or ()]
        twice = next((name for i, name in enumerate(names) if name in names[:i]), None)
        if twice is not None:
            raise KustoOptionError(f"csvMapping maps column '{twice}' twice", "csvMapping")
        properties = SparkIngestionProperties()
        properties._fields = {k: v for k, v in self._fields.items() if v is not None}
        return properties


def _field_value(field: FieldSpec, value: Any) -> Any:
    """A setter's value, checked against the field's type."""
    if field.type == "boolean":
        if not isinstance(value, bool):
            raise TypeError(f"{field.key} must be a bool, not {type(value).__name__}")
        return value
    if field.type == "instant":
        return instant_nanos(value, field.key)
    if field.type == "text":
        if not isinstance(value, str):
            raise TypeError(f"{field.key} must be a str, not {type(value).__name__}")
        if not value.strip():
            raise KustoOptionError(f"{field.key} must not be blank", field.key)
        return value
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{field.key} must be a list, not a single {type(value).__name__}")
    items = tuple(value)
    wanted = CsvColumnMapping if field.type == "csvMapping" else str
    for item in items:
        if item is None:
            raise KustoOptionError(f"{field.key} holds a null {'entry' if field is SIP_CSV_MAPPING else 'tag'}", field.key)
        if not isinstance(item, wanted):
            raise TypeError(f"{field.key} holds a {type(item).__name__}; every entry must be a {wanted.__name__}")
    return items

