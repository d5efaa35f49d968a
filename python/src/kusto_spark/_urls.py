"""The URL checks of the options ``kustoCluster`` and ``kustoIngestionUri``, accepting what
``java.net.URI`` accepts as a server-based http(s) URL."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import KustoOptionError

__all__ = ["normalize_cluster", "http_url_or_none", "ParsedUrl"]

# name or name.region: letters, digits and hyphens, as Azure names clusters.
_SHORT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*(\.[A-Za-z0-9][A-Za-z0-9-]*)?")
_HOST = re.compile(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:[0-9]+)?")
_LOCAL_HOST = re.compile(r"(localhost|127\.0\.0\.1)(:[0-9]+)?")
_URL = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?", re.DOTALL)
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_SERVER = re.compile(
    rf"(?:[^@]*@)?(?:(?:{_LABEL}\.)*[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.?|[0-9]{{1,3}}(?:\.[0-9]{{1,3}}){{3}}"
    r"|\[[0-9A-Fa-f:.]+\])(?::[0-9]*)?"
)
# Characters java.net.URI refuses anywhere: controls, space and a few ASCII punctuation marks.
_ILLEGAL = re.compile(r'[\x00-\x20"<>\\^`{|}\x7f]|%(?![0-9A-Fa-f]{2})')


@dataclass(frozen=True)
class ParsedUrl:
    """The parts of an absolute URL that the checks look at."""

    scheme: str
    authority: str
    path: str
    query: str | None
    fragment: str | None

    @property
    def has_user_info(self) -> bool:
        """Whether the authority names a user (``user@host``)."""
        return "@" in self.authority


def _parse(url: str) -> ParsedUrl | None:
    m = _URL.fullmatch(url)
    if not m or _ILLEGAL.search(url) or not _SERVER.fullmatch(m.group(2)):
        return None
    return ParsedUrl(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5))


def http_url_or_none(url: str) -> ParsedUrl | None:
    """The parts of ``url`` if it is an absolute http(s) URL with a host, else None."""
    parsed = _parse(url)
    if parsed is None or parsed.scheme.lower() not in ("http", "https"):
        return None
    return parsed


def normalize_cluster(value: str) -> str:
    """The cluster URL of the option ``kustoCluster``: a URL as given (scheme and host in lower case,
    no trailing slash), ``localhost[:port]`` over http, or a cluster name / ``name.region`` on
    ``kusto.windows.net``."""
    v = value.strip()
    if "://" in v:
        url = v
    elif _LOCAL_HOST.fullmatch(v):
        url = "http://" + v
    elif _SHORT_NAME.fullmatch(v):
        url = f"https://{v}.kusto.windows.net"
    elif _HOST.fullmatch(v):
        url = "https://" + v
    else:
        raise _invalid_cluster(value)
    parsed = http_url_or_none(url)
    if parsed is None or parsed.query is not None or parsed.fragment is not None or parsed.has_user_info:
        raise _invalid_cluster(value)
    scheme = parsed.scheme.lower()
    if parsed.path not in ("", "/"):
        raise KustoOptionError(
            f"Option kustoCluster has value '{value}': a cluster URL has no path ('{parsed.path}'); give the cluster"
            f" as {scheme}://{parsed.authority} and the database with the option kustoDatabase.",
            "kustoCluster",
        )
    return f"{scheme}://{parsed.authority.lower()}"


def _invalid_cluster(value: str) -> KustoOptionError:
    return KustoOptionError(
        f"Option kustoCluster has value '{value}': expected a cluster URL such as"
        " https://mycluster.westeurope.kusto.windows.net or http://localhost:8080, or a cluster name such as"
        " mycluster.westeurope.",
        "kustoCluster",
    )
