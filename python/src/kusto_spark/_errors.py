"""The connector's failures as exceptions of this package, recognised by their Spark error condition.

PySpark already raises a connector failure as a short exception whose text is the connector's message
(a ``SparkRuntimeException`` with the condition ``KUSTO_CONNECTOR_ERROR``, or an
``IllegalArgumentException`` with ``KUSTO_INVALID_OPTION``), on classic PySpark and on Spark Connect.
:func:`read` and :func:`write` re-raise them as :class:`KustoSparkError` and
:class:`KustoSparkOptionError` so that a refused option is a ``ValueError`` like the builders' errors.
"""

from __future__ import annotations

import contextlib
import re
from typing import Iterator, Optional

from kusto_spark.errors import KustoOptionError

#: The error conditions of the connector's exceptions, and the exceptions' Java classes.
CONNECTOR_CONDITION = "KUSTO_CONNECTOR_ERROR"
OPTION_CONDITION = "KUSTO_INVALID_OPTION"
_JAVA_CLASSES = {
    CONNECTOR_CONDITION: "dev.kustospark.spark.KustoConnectorException",
    OPTION_CONDITION: "dev.kustospark.spark.KustoOptionException",
}
# The connector's option errors start "Option <name> ...".
_OPTION_NAME = re.compile(r"^Option (\S+) ")


class KustoSparkError(RuntimeError):
    """A read or write failed in the connector or in Kusto.

    The message is the connector's: what it was doing (the query or table) and then Kusto's
    message. The PySpark exception it replaces (with ``getCondition()`` and ``getSqlState()``) is its
    ``__context__``.

    :ivar java_class: the connector's exception class, e.g.
        ``dev.kustospark.spark.KustoConnectorException``.
    """

    def __init__(self, message: str, java_class: str) -> None:
        super().__init__(message)
        self.java_class = java_class


class KustoSparkOptionError(KustoOptionError):
    """The connector refused an option when Spark handed it over (for instance an option map
    with a misspelled value); the message names the option, the value and what is allowed."""

    def __init__(self, message: str) -> None:
        named = _OPTION_NAME.match(message)
        super().__init__(message, named.group(1) if named else None)


@contextlib.contextmanager
def kusto_errors() -> Iterator[None]:
    """Re-raises the connector's failures from the Spark calls in its block as this package's exceptions.

    Not needed for a readable message: PySpark's own exception already starts with the connector's
    message. :func:`read` and :func:`write` use it; wrap the actions on a read DataFrame (``collect``,
    ``count``) in it to catch the same exception types from them.

    :raises KustoSparkOptionError: for a refused option (a ``ValueError``).
    :raises KustoSparkError: for any other failure of the connector or of Kusto.

    >>> import kusto_spark
    >>> with kusto_spark.kusto_errors():
    ...     rows = df.collect()  # doctest: +SKIP
    """
    try:
        yield
    except Exception as failure:
        surfaced = _surfaced(failure)
        if surfaced is None:
            raise
        # The PySpark exception stays reachable as __context__, but is not printed a second time.
        raise surfaced from None


def _surfaced(failure: Exception) -> Optional[Exception]:
    """This package's exception for a connector failure, or None for anything else."""
    get_condition = getattr(failure, "getCondition", None)
    condition = get_condition() if callable(get_condition) else None
    if condition not in _JAVA_CLASSES:
        return None
    # With spark.sql.pyspark.jvmStacktrace.enabled, PySpark's text ends with the JVM stack; it stays.
    message = str(failure)
    if condition == OPTION_CONDITION:
        return KustoSparkOptionError(message)
    return KustoSparkError(message, _JAVA_CLASSES[condition])
