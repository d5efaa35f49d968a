"""The block extractor's rules, and the list of the docs' blocks that do not run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from doc_blocks import PLACEHOLDER_CLUSTER, DocBlockError, all_blocks, page_blocks  # noqa: E402
from run_docs import Results, report  # noqa: E402
from wrappers import csharp_source, java_runs_on_kusto_local, java_source  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

# The only blocks that do not run, by page and first line: the project's two top-level commands, the
# suites and builds that scripts/test.sh runs itself (running them again from the docs would double
# the suite's time), and the established connector's code that the migration page replaces.
EXPECTED_SKIPS = [
    ("README.md", "./scripts/demo.sh     # starts kusto-local and Azurite; Java, Python and C# each write a table and read it back"),
    ("docs/migration.md", "# before: needs the established connector's jar"),
    ("python/README.md", "scripts/test-python-package.sh        # builds the shaded jar, runs python/tests (about 4 minutes)"),
    ("dotnet/README.md", "dotnet/build.sh                    # bin/KustoSpark.dll + bin/KustoSpark.xml, bin/KustoSpark.Tests.dll"),
    ("packaging/README.md", "packaging/build.sh          # everything into dist/ (or name parts: packaging/build.sh jars wheel nupkg)"),
    ("packaging/README.md", "mvn -B -pl jvm-core/kusto-local,jvm-core/kusto-spark-connector,packaging/shaded-spark-4.2 package"),
    ("test-matrix/README.md", "test-matrix/run.sh                          # every column whose directory exists"),
]


def test_only_the_expected_blocks_are_skipped() -> None:
    skipped = [(b.page, b.first_line) for b in all_blocks(ROOT) if b.skipped]
    assert skipped == EXPECTED_SKIPS


def test_every_page_names_the_language_of_every_block() -> None:
    blocks = all_blocks(ROOT)  # raises DocBlockError on a block without a known language
    assert {b.page for b in blocks} >= {"README.md", "docs/read-write.md", "python/README.md"}


def page(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_blocks_keep_language_attributes_and_text(tmp_path: Path) -> None:
    path = page(tmp_path, "intro\n\n```bash server=8080\nrun it\n```\n\n  ```json option=transientStorage\n  {}\n  ```\n")
    first, second = page_blocks(tmp_path, path)
    assert (first.where, first.language, first.attributes, first.text) == ("page.md:3", "bash", {"server": "8080"},
                                                                          "run it\n")
    assert (second.language, second.attributes, second.text) == ("json", {"option": "transientStorage"}, "{}\n")


@pytest.mark.parametrize("fence, message", [
    ("```", "has no language"),
    ("```sh", "unknown code block language 'sh'"),
    ("```bash quickly", "unknown attribute 'quickly'"),
    ("```python server=1", "'server=PORT' is for bash blocks"),
])
def test_a_block_the_harness_cannot_classify_fails_naming_its_line(tmp_path: Path, fence: str, message: str) -> None:
    with pytest.raises(DocBlockError, match=f"page.md:2: .*{message}"):
        page_blocks(tmp_path, page(tmp_path, f"text\n{fence}\ncode\n```\n"))


def test_an_unclosed_block_fails(tmp_path: Path) -> None:
    with pytest.raises(DocBlockError, match="page.md:1: the code block is not closed"):
        page_blocks(tmp_path, page(tmp_path, "```bash\nls\n"))


def test_only_the_placeholder_cluster_is_replaced(tmp_path: Path) -> None:
    (block,) = page_blocks(tmp_path, page(tmp_path, f"```python\nc = '{PLACEHOLDER_CLUSTER}'  # mycluster\n```\n"))
    assert block.with_cluster("http://localhost:1") == "c = 'http://localhost:1'  # mycluster\n"


def test_java_imports_stay_and_the_rest_becomes_main() -> None:
    source = java_source("import java.util.List;   // lists\n\nList<Integer> xs = List.of(1);\n", "DocBlock7")
    assert source.startswith("import java.util.List;   // lists\n\npublic final class DocBlock7 {\n")
    assert "    public static void main(String[] args) throws Exception {\n        \n        List<Integer> xs" in source
    assert not java_runs_on_kusto_local("import java.util.List;\n")
    assert java_runs_on_kusto_local("import dev.kustospark.local.KustoLocal;\n")


def test_csharp_usings_stay_and_the_rest_becomes_main() -> None:
    source = csharp_source("using KustoSpark;\nusing (var s = Make())\n{\n}\n", "DocBlock2")
    assert source.startswith("using KustoSpark;\n\npublic static class DocBlock2\n")
    assert "        using (var s = Make())" in source


def test_a_failing_python_block_is_reported_with_its_page_line_and_the_next_block_still_runs(tmp_path: Path) -> None:
    blocks = [{"where": "page.md:3", "page": "page.md", "line": 3, "text": "x = 1\nprint(undefined_name)\n"},
              {"where": "page.md:9", "page": "page.md", "line": 9, "text": "import os\n"}]
    listing = tmp_path / "blocks.json"
    listing.write_text(json.dumps(blocks), encoding="utf-8")
    done = subprocess.run([sys.executable, str(Path(__file__).with_name("python_blocks.py")), str(listing)],
                          capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["docblock failed page.md:3: NameError: name 'undefined_name' is not defined",
                                        "docblock ok page.md:9"]
    assert 'File "page.md", line 5' in done.stderr


def test_report_counts_runs_and_fails_blocks_the_runner_never_reached(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text("```java\na();\n```\n```java\nb();\n```\n```java\nc();\n```\n", "utf-8")
    first, second, third = page_blocks(tmp_path, tmp_path / "page.md")
    results = Results()
    report({"DocBlock1": first, "DocBlock2": second, "DocBlock3": third},
           "noise\ndocblock ok DocBlock1\ndocblock failed DocBlock2: java.lang.IllegalStateException: no\n",
           tmp_path / "run.log", results)
    assert results.ran == {"java": 1}
    assert [f.splitlines()[0] for f in results.failures] == [
        f"page.md:4 (java): java.lang.IllegalStateException: no (log {tmp_path / 'run.log'}):",
        f"page.md:7 (java): the runner stopped before this block (log {tmp_path / 'run.log'}):"]
