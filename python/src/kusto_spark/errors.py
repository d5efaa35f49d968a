"""The exception raised for option and builder values that cannot be used."""

from __future__ import annotations

__all__ = ["KustoOptionError"]


class KustoOptionError(ValueError):
    """A connector option, or a field of one of the typed builders, has a value that cannot be used.

    The message names the option or field, the value (never the value of a secret) and what is
    allowed, so it can be fixed without reading the connector's source. It is raised before any
    Spark or network call.

    :param message: the full explanation.
    :param option: the option or field at fault, when there is a single one.

    >>> from kusto_spark.options import KustoReadOptions
    >>> KustoReadOptions().read_mode("fast")
    Traceback (most recent call last):
    ...
    kusto_spark.errors.KustoOptionError: Option readMode has value 'fast': allowed values: ForceSingleMode, ...
    """

    def __init__(self, message: str, option: str | None = None) -> None:
        super().__init__(message)
        #: The option or field at fault, or None when the message names several.
        self.option = option
