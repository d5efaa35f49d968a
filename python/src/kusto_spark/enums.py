"""The connector's modes: the values of the options ``readMode``, ``writeMode``,
``tableCreateOptions`` and ``adjustSchema``.

Each is a ``str`` enum whose values are the canonical names the connector prints; text is parsed
ignoring case and surrounding whitespace, as the connector parses option values.
"""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

__all__ = ["ReadMode", "WriteMode", "TableCreationMode", "SchemaAdjustmentMode"]

_E = TypeVar("_E", bound="_KustoEnum")


class _KustoEnum(str, Enum):
    """A connector mode: compares equal to its canonical name and prints as it."""

    @classmethod
    def parse_or_none(cls: type[_E], text: str | None) -> _E | None:
        """The member whose name equals ``text`` ignoring case, or None when no member does.

        >>> ReadMode.parse_or_none(" forcesinglemode ")
        <ReadMode.ForceSingleMode: 'ForceSingleMode'>
        """
        if text is None:
            return None
        wanted = text.strip().lower()
        for member in cls:
            if member.value.lower() == wanted:
                return member
        return None

    @classmethod
    def allowed_values(cls) -> str:
        """The canonical names, comma separated, as error messages and the option reference list them."""
        return ", ".join(member.value for member in cls)

    @classmethod
    def _missing_(cls, value: object) -> _KustoEnum | None:
        # Lets ReadMode("forcesinglemode") find the member the way option values are parsed.
        return cls.parse_or_none(value) if isinstance(value, str) else None

    def __str__(self) -> str:
        return str(self.value)


class ReadMode(_KustoEnum):
    """How a read runs: one query on one executor, an export to transient storage, or N hash partitions."""

    ForceSingleMode = "ForceSingleMode"
    ForceDistributedMode = "ForceDistributedMode"
    ForcePartitionedMode = "ForcePartitionedMode"


class WriteMode(_KustoEnum):
    """How a write ingests: through a temporary table moved atomically, queued ingestion, or streaming ingestion."""

    Transactional = "Transactional"
    Queued = "Queued"
    KustoStreaming = "KustoStreaming"


class TableCreationMode(_KustoEnum):
    """What a write does when its table does not exist (option ``tableCreateOptions``)."""

    FailIfNotExist = "FailIfNotExist"
    CreateIfNotExist = "CreateIfNotExist"


class SchemaAdjustmentMode(_KustoEnum):
    """How a write reconciles the DataFrame's columns with an existing table's (option ``adjustSchema``)."""

    NoAdjustment = "NoAdjustment"
    FailIfNotMatch = "FailIfNotMatch"
    GenerateDynamicCsvMapping = "GenerateDynamicCsvMapping"
