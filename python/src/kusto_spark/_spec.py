"""The base of the connector's mode enums, which ``_registry.py`` generates."""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

_E = TypeVar("_E", bound="KustoEnum")


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
