"""Runs every code block of the docs (doc_blocks.DOC_PAGES) against kusto-local, as written, with only
the placeholder cluster URL replaced by the URL of a kusto-local (with Azurite) that this run starts.

Before any block runs, that kusto-local gets the data the docs use (SETUP below), and the Python
blocks' working directory gets ``events/`` (EVENTS below). Then, by language:

- bash: each block in page order, from the project's root, with ``bash -euo pipefail``; ``python``
  and ``pip`` are those of a fresh virtualenv that sees the project's PySpark (build/docs/venv), so
  the README's install block installs the wheel into it. A ``server=PORT`` block runs in the
  background; the run waits until PORT accepts connections and stops it at the end.
- java: wrapped by wrappers.py; compiled against Spark's jars and dist/'s shaded connector jar, run
  with ``spark-submit --master local[2] --jars <that jar>`` in one JVM (blocks importing kusto-local
  run in a JVM of their own on kusto-local's classpath).
- python: in build/docs/venv (the wheel the README's install block installed, not python/src), one
  interpreter for the classic blocks and one for the Spark Connect blocks (those that call
  ``.remote(``), each block in a namespace of its own.
- csharp: wrapped by wrappers.py, compiled with mcs against the KustoSpark.dll of dist/'s NuGet
  package, run with mono (Spark through the package's gateway jar, with dist/'s connector jar).
- kql: through the official Python SDK, in database Samples.
- json: parsed; a block marked ``option=NAME`` must be a value the connector's option NAME accepts.

Prints how many blocks of each language ran and which were skipped; exits 1 if any block failed.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Iterator

from azure.kusto.data import KustoClient, KustoConnectionStringBuilder
from doc_blocks import NOT_CODE, RUNNABLE, Block, DocBlockError, all_blocks
from wrappers import csharp_source, java_runs_on_kusto_local, java_source

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "build" / "docs"
sys.path.insert(0, str(ROOT / "scripts" / "python"))
from server_process import running_process  # noqa: E402  (the project's shared test helper)

# The data the docs' blocks read: the databases the docs name, and their tables.
DATABASES = ("Samples", "db")
SETUP = (
    ("Samples", """.set StormEvents <| datatable(StartTime:datetime, EndTime:datetime, State:string,
        EventType:string, DamageProperty:long) [
        datetime(2024-01-03 10:00), datetime(2024-01-03 11:30), 'TEXAS', 'Hail', 2000,
        datetime(2024-01-05 08:15), datetime(2024-01-05 09:00), 'TEXAS', 'Flood', 150000,
        datetime(2024-02-11 17:40), datetime(2024-02-11 18:05), 'TEXAS', 'Tornado', 900000,
        datetime(2024-03-02 12:00), datetime(2024-03-02 13:10), 'TEXAS', 'Hail', 0,
        datetime(2023-12-30 22:00), datetime(2023-12-31 01:00), 'TEXAS', 'Flood', 5000,
        datetime(2024-01-20 14:30), datetime(2024-01-20 15:00), 'KANSAS', 'Tornado', 40000,
        datetime(2024-02-02 06:00), datetime(2024-02-02 06:45), 'FLORIDA', 'Flood', 12000,
        datetime(2023-11-18 19:20), datetime(2023-11-18 20:00), 'IOWA', 'Hail', 700]"""),
    ("db", """.set Orders <| datatable(OrderId:int, Region:string, Amount:decimal) [
        1, 'north', decimal(120.50), 2, 'south', decimal(80.00), 3, 'north', decimal(99.99),
        4, 'east', decimal(310.25), 5, 'north', decimal(45.10)]"""),
)
# JSON files of the streaming sink's example, in the Python blocks' working directory.
EVENTS = {"events/part-0.json": '{"EventId": 1, "EventType": "Hail"}\n{"EventId": 2, "EventType": "Flood"}\n'}
# What the blocks' writes leave in the tables once every block has run: (database, table, rows, the writes).
# A Queued write lands later, so each count is awaited.
WRITTEN = (
    ("Samples", "TexasStorms", 10, "README.md: the Java and the C# example, 5 TEXAS storms each"),
    ("Samples", "StormCopy", 5, "docs/read-write.md: the Java example (KustoStreaming)"),
    ("db", "Events", 2, "docs/read-write.md: the streaming sink's example, events/part-0.json"),
    ("Samples", "EventCounts", 3, "python/README.md: the classic example, one row per event type"),
    ("Samples", "Events", 6, "dotnet/README.md: the Queued write of the storms since 2024-01-01"),
    ("db", "OrdersByRegion", 3, "dotnet/README.md: Spark from C#, one row per region"),
)
WRITTEN_WAIT_SECONDS = 300

SERVER_START_SECONDS = 300


class Results:
    def __init__(self) -> None:
        self.failures: list[str] = []
        self.ran: dict[str, int] = {}

    def ok(self, block: Block) -> None:
        self.ran[block.language] = self.ran.get(block.language, 0) + 1
        print(f"  ok      {block.where} ({block.language})", flush=True)

    def failed(self, block: Block, why: str) -> None:
        self.failures.append(f"{block.where} ({block.language}): {why}")
        print(f"  FAILED  {block.where} ({block.language}): {why}", flush=True)


def tail(path: Path, lines: int = 40) -> str:
    text = path.read_text(encoding="utf-8", errors="replace").splitlines() if path.exists() else []
    return "\n".join("      " + line for line in text[-lines:])


def connector_jar() -> Path:
    return only(ROOT / "dist", "kusto-spark_4.2_2.13-*.jar")


def only(folder: Path, pattern: str) -> Path:
    matches = sorted(folder.glob(pattern))
    if len(matches) != 1:
        raise RuntimeError(f"expected one {pattern} in {folder} (the README's install block builds it), found "
                           f"{[m.name for m in matches]}")
    return matches[0]


def block_env(venv: Path) -> dict[str, str]:
    """The environment of a user with PySpark installed: the run's virtualenv first on PATH, and SPARK_HOME."""
    env = {k: v for k, v in os.environ.items() if k not in ("KUSTO_SPARK_JAR", "PYTHONPATH", "SPARK_REMOTE")}
    import pyspark

    # The Spark distribution inside the project's PySpark: bin/spark-submit and jars/.
    env.setdefault("SPARK_HOME", str(Path(pyspark.__file__).resolve().parent))
    env["VIRTUAL_ENV"] = str(venv)
    env["PATH"] = f"{venv / 'bin'}:{Path(sys.executable).parent}:{env['PATH']}"
    return env


def make_venv(venv: Path) -> None:
    """A fresh virtualenv that sees the project's virtualenv's packages (PySpark and its Connect extras)."""
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
    site = next((venv / "lib").glob("python*/site-packages"))
    project_site = next(Path(p) for p in sys.path if p.endswith("site-packages") and Path(p).is_dir())
    (site / "project_venv.pth").write_text(str(project_site) + "\n", encoding="utf-8")


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def run_bash(blocks: list[Block], results: Results, env: dict[str, str], servers: contextlib.ExitStack,
             url: str) -> None:
    logs = WORK / "bash"
    logs.mkdir(parents=True)
    for number, block in enumerate(blocks, 1):
        log = logs / f"block{number}.log"
        command = ["bash", "-c", "set -euo pipefail\n" + block.with_cluster(url)]
        with log.open("wb") as out:
            if "server" in block.attributes:
                port = int(block.attributes["server"])
                if port_open(port):
                    results.failed(block, f"port {port} is already in use; stop what listens there and run again")
                    continue
                process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                           start_new_session=True)
                servers.callback(stop, process)
                deadline = time.monotonic() + SERVER_START_SECONDS
                while not port_open(port) and process.poll() is None and time.monotonic() < deadline:
                    time.sleep(0.2)  # awaiting the port, bounded by the deadline
                if port_open(port):
                    results.ok(block)
                else:
                    results.failed(block, f"the server did not listen on port {port} (log {log}):\n{tail(log)}")
                continue
            done = subprocess.run(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        if done.returncode == 0:
            results.ok(block)
        else:
            results.failed(block, f"exit status {done.returncode} (log {log}):\n{tail(log)}")


def report(blocks: dict[str, Block], output: str, log: Path, results: Results) -> None:
    """Reads the ``docblock ok|failed <name>`` lines of a runner (DocBlocks.java, DocBlocks.cs, python_blocks.py)."""
    seen = set()
    for line in output.splitlines():
        parts = line.split(" ", 2)
        if len(parts) < 3 or parts[0] != "docblock":
            continue
        name, _, why = parts[2].partition(": ") if parts[1] == "failed" else (parts[2], "", "")
        if name not in blocks:
            continue
        seen.add(name)
        if parts[1] == "ok":
            results.ok(blocks[name])
        else:
            results.failed(blocks[name], f"{why} (log {log}):\n{tail(log)}")
    for name, block in blocks.items():
        if name not in seen:
            results.failed(block, f"the runner stopped before this block (log {log}):\n{tail(log)}")


def run_batch(blocks: dict[str, Block], command: list[str], cwd: Path, env: dict[str, str], log: Path,
              results: Results) -> None:
    with log.open("wb") as out:
        done = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=out)
    output = done.stdout.decode("utf-8", errors="replace")
    with log.open("a", encoding="utf-8") as out:
        out.write(output)
    report(blocks, output, log, results)


def compile_or_fail(blocks: dict[str, Block], command: list[str], log: Path, results: Results) -> bool:
    with log.open("wb") as out:
        done = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        for block in blocks.values():
            results.failed(block, f"compilation failed (log {log}):\n{tail(log)}")
    return done.returncode == 0


def run_java(blocks: list[Block], results: Results, env: dict[str, str], url: str) -> None:
    work = WORK / "java"
    spark_home = Path(env["SPARK_HOME"])
    jar = connector_jar()
    groups: dict[bool, dict[str, Block]] = {False: {}, True: {}}
    for number, block in enumerate(blocks, 1):
        groups[java_runs_on_kusto_local(block.text)][f"DocBlock{number}"] = block
    for on_kusto_local, group in groups.items():
        if not group:
            continue
        name = "kusto-local" if on_kusto_local else "spark"
        classes = work / name / "classes"
        sources = work / name / "src"
        classes.mkdir(parents=True)
        sources.mkdir(parents=True)
        shutil.copy(Path(__file__).with_name("DocBlocks.java"), sources)
        for class_name, block in group.items():
            (sources / f"{class_name}.java").write_text(java_source(block.with_cluster(url), class_name), "utf-8")
        if on_kusto_local:
            classpath = kusto_local_classpath(work)
        else:
            classpath = f"{spark_home / 'jars' / '*'}:{jar}"
        log = work / f"{name}.log"
        if not compile_or_fail(group, ["javac", "-d", str(classes), "-cp", classpath,
                                       *map(str, sorted(sources.glob("*.java")))], log, results):
            continue
        if on_kusto_local:
            command = ["java", "-cp", f"{classes}:{classpath}", "DocBlocks", *group]
        else:
            app = work / "docblocks.jar"
            subprocess.run(["jar", "cf", str(app), "-C", str(classes), "."], check=True)
            command = [str(spark_home / "bin" / "spark-submit"), "--master", "local[2]",
                       "--conf", "spark.ui.enabled=false", "--jars", str(jar), "--class", "DocBlocks", str(app),
                       *group]
        run_batch(group, command, work, env, work / f"{name}-run.log", results)


def kusto_local_classpath(work: Path) -> str:
    """kusto-local's jar and its test classpath, which holds the official Java SDK."""
    module = ROOT / "jvm-core" / "kusto-local"
    out = work / "kusto-local-classpath.txt"
    with (work / "kusto-local-classpath.log").open("wb") as log:
        subprocess.run(["mvn", "-q", "-B", "-ntp", "-pl", "jvm-core/kusto-local", "dependency:build-classpath",
                        "-Dmdep.includeScope=test", f"-Dmdep.outputFile={out}"], cwd=ROOT, check=True, stdout=log,
                       stderr=subprocess.STDOUT)
    jar = next(j for j in sorted((module / "target").glob("kusto-local-*.jar")) if "-tests" not in j.name)
    return f"{jar}:{out.read_text(encoding='utf-8').strip()}"


def run_python(blocks: list[Block], results: Results, env: dict[str, str], url: str) -> None:
    work = WORK / "python"
    for name, text in EVENTS.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text, encoding="utf-8")
    python = Path(env["VIRTUAL_ENV"]) / "bin" / "python"
    for kind in ("classic", "connect"):
        group = {b.where: b for b in blocks if (".remote(" in b.text) == (kind == "connect")}
        if not group:
            continue
        listing = work / f"{kind}-blocks.json"
        listing.write_text(json.dumps([{"where": b.where, "page": b.page, "line": b.line, "text": b.with_cluster(url)}
                                       for b in group.values()]), encoding="utf-8")
        run_batch(group, [str(python), str(Path(__file__).with_name("python_blocks.py")), str(listing)], work, env,
                  work / f"{kind}.log", results)


def run_csharp(blocks: list[Block], results: Results, env: dict[str, str], url: str) -> None:
    work = WORK / "csharp"
    package = work / "package"
    subprocess.run(["unzip", "-q", str(only(ROOT / "dist", "KustoSpark.*.nupkg")), "-d", str(package)], check=True)
    dll = next(package.glob("lib/*/KustoSpark.dll"))
    shutil.copy(dll, work)
    group = {f"DocBlock{number}": block for number, block in enumerate(blocks, 1)}
    sources = [str(Path(__file__).with_name("DocBlocks.cs"))]
    for class_name, block in group.items():
        source = work / f"{class_name}.cs"
        source.write_text(csharp_source(block.with_cluster(url), class_name), encoding="utf-8")
        sources.append(str(source))
    exe = work / "DocBlocks.exe"
    if not compile_or_fail(group, ["mcs", "-nologo", "-langversion:7.2", "-target:exe", "-main:DocBlocks",
                                   f"-out:{exe}", f"-r:{work / 'KustoSpark.dll'}", "-r:System.dll",
                                   "-r:System.Core.dll", "-r:System.Numerics.dll", *sources],
                           work / "compile.log", results):
        return
    run_env = {**env, "KUSTO_SPARK_JARS": str(connector_jar()),
               "KUSTO_SPARK_GATEWAY_JAR": str(package / "jars" / "kusto-spark-gateway.jar")}
    run_batch(group, ["mono", str(exe), *group], work, run_env, work / "run.log", results)


@contextlib.contextmanager
def kusto_client(url: str) -> Iterator[KustoClient]:
    client = KustoClient(KustoConnectionStringBuilder.with_no_authentication(url))
    try:
        yield client
    finally:
        client.close()


def check_written(url: str) -> list[str]:
    """WRITTEN's counts, each awaited; the mismatches, described."""
    wrong = []
    found_rows = []
    with kusto_client(url) as client:
        for database, table, expected, writes in WRITTEN:
            deadline = time.monotonic() + WRITTEN_WAIT_SECONDS
            rows = -1
            while time.monotonic() < deadline:
                try:
                    rows = client.execute_query(database, f"{table} | count").primary_results[0][0][0]
                except Exception:  # noqa: BLE001 - a Queued write's table may not exist yet
                    rows = -1
                if rows >= expected:
                    break
                time.sleep(0.5)  # awaiting queued ingestion, bounded by the deadline
            found_rows.append(f"{database}.{table} {rows}")
            if rows != expected:
                found = "no table" if rows < 0 else f"{rows} rows"
                wrong.append(f"{database}.{table} holds {found}; expected {expected} from {writes}")
    print("docs: rows the blocks wrote: " + ", ".join(found_rows), flush=True)
    return wrong


def run_kql(blocks: list[Block], results: Results, url: str) -> None:
    with kusto_client(url) as client:
        for block in blocks:
            text = block.text.strip()
            try:
                (client.execute_mgmt if text.startswith(".") else client.execute_query)("Samples", text)
                results.ok(block)
            except Exception as failure:  # noqa: BLE001 - reported per block
                results.failed(block, str(failure).splitlines()[0])


def run_json(blocks: list[Block], results: Results) -> None:
    sys.path.insert(0, str(ROOT / "python" / "src"))
    from kusto_spark import check_read_options, check_write_options
    from kusto_spark._registry import Side, for_key

    for block in blocks:
        try:
            json.loads(block.text)
            name = block.attributes.get("option")
            if name:
                spec = for_key(name)
                if spec is None:
                    raise ValueError(f"option={name} names no option of the connector")
                check = check_write_options if spec.side is Side.WRITE else check_read_options
                check({name: block.text.strip()})
            results.ok(block)
        except ValueError as failure:
            results.failed(block, str(failure))


@contextlib.contextmanager
def harness_kusto_local() -> Iterator[str]:
    command = [str(ROOT / "jvm-core/kusto-local/bin/kusto-local"), "--port", "0", "--in-memory", "--with-azurite"]
    for database in DATABASES:
        command += ["--database", database]
    with running_process(command, "kusto-local listening on ") as url:
        with kusto_client(url) as client:
            for database, command_text in SETUP:
                client.execute_mgmt(database, command_text)
        yield url


def main() -> int:
    try:
        blocks = all_blocks(ROOT)
    except DocBlockError as bad:
        print(f"test-docs: {bad}", file=sys.stderr)
        return 1
    shutil.rmtree(WORK, ignore_errors=True)
    (WORK / "python").mkdir(parents=True)
    (WORK / "csharp").mkdir(parents=True)
    venv = WORK / "venv"
    make_venv(venv)
    env = block_env(venv)
    results = Results()
    by_language: dict[str, list[Block]] = {}
    for block in blocks:
        if block.runs:
            by_language.setdefault(block.language, []).append(block)
    runners: dict[str, Callable[[list[Block]], None]]
    with harness_kusto_local() as url, contextlib.ExitStack() as servers:
        print(f"docs: blocks run against {url}", flush=True)
        runners = {
            "bash": lambda b: run_bash(b, results, env, servers, url),
            "java": lambda b: run_java(b, results, env, url),
            "python": lambda b: run_python(b, results, env, url),
            "csharp": lambda b: run_csharp(b, results, env, url),
            "kql": lambda b: run_kql(b, results, url),
            "json": lambda b: run_json(b, results),
        }
        for language in RUNNABLE:  # bash first: it builds and installs what the other blocks use
            if by_language.get(language):
                started = time.monotonic()
                print(f"docs: {language}", flush=True)
                runners[language](by_language[language])
                print(f"docs: {language} took {time.monotonic() - started:.0f} s", flush=True)
        if not results.failures:
            for wrong in check_written(url):
                results.failures.append(f"after the blocks: {wrong}")
                print(f"  FAILED  after the blocks: {wrong}", flush=True)
    skipped = [b for b in blocks if b.skipped]
    not_code = [b for b in blocks if b.language in NOT_CODE]
    print("docs: ran " + ", ".join(f"{results.ran.get(lang, 0)} {lang}" for lang in RUNNABLE)
          + f"; skipped {len(skipped)} (no-run); {len(not_code)} not code ("
          + ", ".join(f"{sum(b.language == lang for b in not_code)} {lang}" for lang in NOT_CODE) + ")")
    for block in skipped:
        print(f"  skipped {block.where} ({block.language}): {block.first_line}")
    if results.failures:
        print(f"docs: {len(results.failures)} blocks FAILED:", file=sys.stderr)
        for failure in results.failures:
            print("  " + failure.splitlines()[0], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
