"""Failures raised in the JVM, re-raised in Python with the connector's message first.

A failed read or write reaches Python as a Py4J error (classic), a captured Spark exception, or a
Spark Connect gRPC error; in each the connector's one-line message (Kusto's own text included) is
buried under "An error occurred while calling o37.load" or a stage failure. The connector's
exceptions are recognised by their class name in the text, which every form carries.
"""

from __future__ import annotations

import contextlib
import re
from typing import Iterator, Optional

from kusto_spark.errors import KustoOptionError

# "dev.kustospark...Exception: message" in Java's toString (classic), "(dev.kustospark...Exception)
# message" in Spark Connect errors.
_CONNECTOR_EXCEPTION = re.compile(r"(?:\(|\b)(dev\.kustospark\.spark\.[\w.$]*(?:Exception|Error))(?:\)|:) ([^\n]*)")
_OPTION_EXCEPTION_SUFFIX = ".KustoOptionException"
# The connector's option errors start "Option <name> ...".
_OPTION_NAME = re.compile(r"^Option (\S+) ")
# Appended by PySpark to captured and Spark Connect errors when JVM stack traces are enabled.
_STACK_TRACE_MARKER = "\n\nJVM stacktrace:"


class KustoSparkError(RuntimeError):
    """A read or write failed in the connector or in Kusto.

    The message is the connector's: what it was doing (the query or table) and then Kusto's
    message. The Spark exception it came from is chained as ``__cause__``.

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
    """Re-raises connector failures from the Spark calls in its block with the connector's message.

    :func:`read` and :func:`write` use it themselves; wrap the actions on a read DataFrame
    (``collect``, ``count``, writes of derived frames) to get the same messages from them.

    :raises KustoSparkOptionError: for a refused option (a ``ValueError``).
    :raises KustoSparkError: for any other failure of the connector or of Kusto.

    >>> import kusto_spark
    >>> with kusto_spark.kusto_errors():
    ...     rows = df.collect()  # doctest: +SKIP
    """
    with _surfacing(options_checked_here=False):
        yield


@contextlib.contextmanager
def _surfacing(options_checked_here: bool) -> Iterator[None]:
    """kusto_errors(); with options_checked_here, also reads a bare IllegalArgumentException as
    the connector refusing an option (read and write, where the connector checks the options)."""
    try:
        yield
    except Exception as failure:
        surfaced = _surfaced(failure, options_checked_here)
        if surfaced is None:
            raise
        raise surfaced from failure


def _surfaced(failure: BaseException, options_checked_here: bool) -> Optional[Exception]:
    """The Python exception for a connector failure, or None for anything else."""
    found = _CONNECTOR_EXCEPTION.search(_text_of(failure))
    if found is not None:
        java_class, message = found.group(1), found.group(2).strip()
        if java_class.endswith(_OPTION_EXCEPTION_SUFFIX):
            return KustoSparkOptionError(message)
        return KustoSparkError(message, java_class)
    if not options_checked_here:
        return None
    # A captured IllegalArgumentException carries only its message (no class name) unless JVM
    # stack traces are enabled; while Spark loads the source it is the connector refusing an option.
    try:
        from pyspark.errors import IllegalArgumentException
    except ImportError:
        return None
    if isinstance(failure, IllegalArgumentException):
        message = str(failure).split(_STACK_TRACE_MARKER, 1)[0].strip()
        return KustoSparkOptionError(message)
    return None


def _text_of(failure: BaseException) -> str:
    """The text of an exception and its causes, where a Java class name and message may appear."""
    parts = []
    seen: set[int] = set()
    current: Optional[BaseException] = failure
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        parts.append(str(current))
        current = current.__cause__ or current.__context__
    return "\n".join(parts)
