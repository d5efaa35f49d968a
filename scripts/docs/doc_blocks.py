"""The fenced code blocks of the project's documentation, as scripts/test-docs.sh runs them.

A block's info string is its language and then attributes, e.g. ```` ```bash no-run ```` or
```` ```bash server=8080 ````:

- ``java``, ``python``, ``csharp``, ``bash``, ``kql`` and ``json`` blocks run (see run_docs.py);
- ``mermaid`` and ``text`` blocks are not code;
- ``no-run`` skips a block that cannot run in CI; the skipped blocks are listed and counted, and
  tests/test_doc_blocks.py holds them to a fixed list;
- ``server=PORT`` (bash): the block starts a server; it is awaited on PORT and stopped after the run;
- ``option=NAME`` (json): the block is a value of the connector's option NAME.

Any other language, or a block without one, fails the run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# The pages whose blocks run, relative to the project's root (globs allowed).
DOC_PAGES = ("README.md", "docs/*.md", "python/README.md", "dotnet/README.md", "packaging/README.md",
             "test-matrix/README.md")
RUNNABLE = ("bash", "java", "python", "csharp", "kql", "json")
NOT_CODE = ("mermaid", "text")
ATTRIBUTES = ("no-run", "server", "option")

# The cluster URL the docs show; the only text of a block that the harness replaces (by kusto-local's URL).
PLACEHOLDER_CLUSTER = "https://mycluster.westeurope.kusto.windows.net"

_FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>```+)(?P<info>.*)$")


class DocBlockError(ValueError):
    """A page whose blocks the harness cannot classify: no language, an unknown one, a bad attribute."""


@dataclass(frozen=True)
class Block:
    page: str
    line: int  # 1-based line of the opening fence
    language: str
    attributes: dict[str, str]
    text: str

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"

    @property
    def first_line(self) -> str:
        """The block's first non-blank line: how the list of skipped blocks names a block."""
        return next((line.strip() for line in self.text.splitlines() if line.strip()), "")

    @property
    def skipped(self) -> bool:
        return "no-run" in self.attributes

    @property
    def runs(self) -> bool:
        return self.language in RUNNABLE and not self.skipped

    def with_cluster(self, url: str) -> str:
        """The block's text with the placeholder cluster URL replaced by ``url``."""
        return self.text.replace(PLACEHOLDER_CLUSTER, url)


def pages(root: Path) -> list[Path]:
    found: list[Path] = []
    for pattern in DOC_PAGES:
        found.extend(sorted(root.glob(pattern)))
    return found


def page_blocks(root: Path, page: Path) -> list[Block]:
    """The blocks of one page, in order; raises DocBlockError naming the line of a block it cannot classify."""
    name = page.relative_to(root).as_posix()
    blocks: list[Block] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        start = index + 1
        index += 1
        body: list[str] = []
        while index < len(lines) and not (lines[index].strip().startswith(fence)
                                          and lines[index].strip().strip("`") == ""):
            body.append(lines[index][len(indent):] if lines[index].startswith(indent) else lines[index].lstrip())
            index += 1
        if index == len(lines):
            raise DocBlockError(f"{name}:{start}: the code block is not closed")
        index += 1
        language, attributes = _info(name, start, opening["info"])
        blocks.append(Block(name, start, language, attributes, "\n".join(body) + "\n"))
    return blocks


def all_blocks(root: Path) -> list[Block]:
    return [block for page in pages(root) for block in page_blocks(root, page)]


def _info(page: str, line: int, info: str) -> tuple[str, dict[str, str]]:
    words = info.split()
    known = ", ".join(RUNNABLE + NOT_CODE)
    if not words:
        raise DocBlockError(f"{page}:{line}: the code block has no language; give one of {known}")
    language, rest = words[0], words[1:]
    if language not in RUNNABLE + NOT_CODE:
        raise DocBlockError(f"{page}:{line}: unknown code block language '{language}'; use one of {known}")
    attributes: dict[str, str] = {}
    for word in rest:
        key, _, value = word.partition("=")
        if key not in ATTRIBUTES:
            raise DocBlockError(f"{page}:{line}: unknown attribute '{word}'; known: {', '.join(ATTRIBUTES)}")
        attributes[key] = value
    if "server" in attributes and (language != "bash" or not attributes["server"].isdigit()):
        raise DocBlockError(f"{page}:{line}: 'server=PORT' is for bash blocks, with a port number")
    if "option" in attributes and (language != "json" or not attributes["option"]):
        raise DocBlockError(f"{page}:{line}: 'option=NAME' is for json blocks, with an option name")
    return language, attributes
