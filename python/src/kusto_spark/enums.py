"""The connector's modes: the values of the options ``readMode``, ``writeMode``,
``tableCreateOptions`` and ``adjustSchema`` (generated from ``options/kusto-options.json``).

Each is a ``str`` enum whose values are the canonical names the connector prints; text is parsed
ignoring case and surrounding whitespace, as the connector parses option values:

>>> ReadMode.parse_or_none(" forcesinglemode ")
<ReadMode.ForceSingleMode: 'ForceSingleMode'>
>>> WriteMode.allowed_values()
'Transactional, Queued, KustoStreaming'
"""

from __future__ import annotations

from ._registry import ReadMode, SchemaAdjustmentMode, TableCreationMode, WriteMode

__all__ = ["ReadMode", "WriteMode", "TableCreationMode", "SchemaAdjustmentMode"]
