"""The shapes of the generated registry (``_registry.py``): an option, a builder field, and the
base of the connector's mode enums."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

_E = TypeVar("_E", bound="KustoEnum")


class Side(Enum):
    """Which configuration an option belongs to; common options belong to reads and writes."""

    COMMON = "connection"
    READ = "read"
    WRITE = "write"


class Kind(Enum):
    """How an option's value is checked (see :mod:`kusto_spark._option_values`)."""

    TEXT = "text"
    CLUSTER = "cluster"
    URL = "url"
    BOOLEAN = "boolean"
    INTEGER = "integer"
    SECONDS = "seconds"
    ENUM = "enum"
    JSON_OBJECT = "jsonObject"
    CLIENT_REQUEST_PROPERTIES = "clientRequestProperties"
    SPARK_INGESTION_PROPERTIES = "sparkIngestionProperties"
    TRANSIENT_STORAGE = "transientStorage"
    INGESTION_STORAGE = "ingestionStorage"


class Disposition(Enum):
    """What the connector does with an option name of the established connector."""

    SUPPORTED = "supported"
    IGNORED = "ignored"
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True)
class OptionSpec:
    """One connector option, as ``options/kusto-options.json`` describes it.

    :param names: other names that mean this option (keys match ignoring case).
    :param default: the default as the option reference documents it, or None.
    :param note: why an ignored option is ignored, or how to do without an unsupported one.
    :param values: the allowed values of an enum option, canonical spelling.
    :param enum: the name of the enum class of an enum option's setter, if it has one.
    :param keywords: words a whole-number option also takes.
    :param expected: what the option takes, in the words of the error messages.
    """

    key: str
    side: Side
    kind: Kind
    description: str
    expected: str
    names: tuple[str, ...] = ()
    default: str | None = None
    secret: bool = False
    disposition: Disposition = Disposition.SUPPORTED
    note: str | None = None
    values: tuple[str, ...] = ()
    enum: str | None = None
    keywords: tuple[str, ...] = ()
    minimum: int = 0
    maximum: int = 0

    @property
    def supported(self) -> bool:
        """False for the established connector's options recognised only to explain their absence."""
        return self.disposition is not Disposition.UNSUPPORTED

    def applies_to(self, side: Side) -> bool:
        """Whether reads or writes of ``side`` take this option (common ones belong to both)."""
        return self.side is Side.COMMON or self.side is side

    def shown(self, value: str) -> str:
        """The value as error messages may show it: ``<hidden>`` for secrets."""
        return "<hidden>" if self.secret else f"'{value}'"


@dataclass(frozen=True)
class FieldSpec:
    """One field of the client request properties or the ingestion properties.

    :param name: the setter's name (Java's spelling); :param key: the name in the JSON.
    """

    name: str
    key: str
    type: str
    doc: str
    values: tuple[str, ...] = ()
    minimum: int | None = None
    exclusive_minimum: int | None = None


class KustoEnum(str, Enum):
    """A connector mode: compares equal to its canonical name and prints as it; text is parsed
    ignoring case and surrounding whitespace, as the connector parses option values."""

    @classmethod
    def parse_or_none(cls: type[_E], text: str | None) -> _E | None:
        """The member whose name equals ``text`` ignoring case, or None when no member does."""
        if text is None:
            return None
        wanted = text.strip().lower()
        return next((member for member in cls if member.value.lower() == wanted), None)

    @classmethod
    def allowed_values(cls) -> str:
        """The canonical names, comma separated, as error messages and the option reference list them."""
        return ", ".join(member.value for member in cls)

    @classmethod
    def _missing_(cls, value: object) -> KustoEnum | None:
        # Lets ReadMode("forcesinglemode") find the member the way option values are parsed.
        return cls.parse_or_none(value) if isinstance(value, str) else None

    def __str__(self) -> str:
        return str(self.value)
