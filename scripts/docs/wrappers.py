"""The fixed rules that turn a Java or C# block of the docs into a compilation unit, the same for every block.

- Java: the block's ``import ...;`` lines stay imports; every other line becomes the body of
  ``public static void main(String[] args) throws Exception`` of a class of its own. A block that
  imports ``dev.kustospark.local`` runs on kusto-local's classpath (kusto-local and the official Java
  SDK); every other block is submitted to Spark with ``spark-submit --jars <the connector's jar>``.
- C#: the block's ``using Namespace;`` directives stay directives; every other line becomes the body
  of ``public static void Main()`` of a class of its own, compiled with Mono against KustoSpark.dll.
"""

from __future__ import annotations

import re

_JAVA_IMPORT = re.compile(r"^\s*import\s+(static\s+)?[\w.]+(\.\*)?\s*;\s*(//.*)?$")
_CSHARP_USING = re.compile(r"^\s*using\s+(static\s+)?[\w.]+\s*;\s*(//.*)?$")
KUSTO_LOCAL_PACKAGE = "dev.kustospark.local"


def _split(text: str, directive: re.Pattern[str]) -> tuple[list[str], list[str]]:
    heads: list[str] = []
    body: list[str] = []
    for line in text.splitlines():
        (heads if directive.match(line) else body).append(line)
    return heads, body


def _wrap(text: str, directive: re.Pattern[str], opening: list[str], closing: list[str]) -> str:
    """The block's directives first, then its other lines, indented, between ``opening`` and ``closing``."""
    heads, body = _split(text, directive)
    return "\n".join([*heads, "", *opening, *("        " + line for line in body), *closing, ""])


def java_source(text: str, class_name: str) -> str:
    return _wrap(text, _JAVA_IMPORT, [f"public final class {class_name} {{",
                                      "    public static void main(String[] args) throws Exception {"],
                 ["    }", "}"])


def java_runs_on_kusto_local(text: str) -> bool:
    imports, _ = _split(text, _JAVA_IMPORT)
    return any(KUSTO_LOCAL_PACKAGE + "." in line for line in imports)


def csharp_source(text: str, class_name: str) -> str:
    return _wrap(text, _CSHARP_USING, [f"public static class {class_name}", "{", "    public static void Main()", "    {"],
                 ["    }", "}"])
