"""Prints the scenario x language table of the test matrix and judges it.

Usage: table.py SCENARIOS_DIR WORK_DIR COLUMN...

Reads WORK_DIR/results-<column>.json (the results file of test-matrix/README.md) for each column.
A cell is "pass <checksum prefix>", "FAIL" or "missing". Exits with status 1 if any cell is not a
pass, or if the passing cells of a scenario disagree on the checksum; the reasons follow the table.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

SHORT = 8
CHECKSUM = re.compile(r"[0-9a-f]{64}")


def load_results(path: Path) -> tuple[dict[str, dict[str, str]], str | None]:
    """The entries of a results file by scenario id, or an explanation of why there are none."""
    if not path.is_file():
        return {}, f"no results file {path.name}"
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as e:
        return {}, f"{path.name} is not valid JSON: {e}"
    if not isinstance(entries, list):
        return {}, f"{path.name} is not a JSON array"
    by_id: dict[str, dict[str, str]] = {}
    for entry in entries:
        if isinstance(entry, dict) and isinstance(entry.get("scenario"), str):
            by_id[entry["scenario"]] = entry
    return by_id, None


def log_tail(work: Path, column: str, lines: int = 15) -> str:
    log = work / f"{column}.log"
    if not log.is_file():
        return ""
    tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
    return "\n".join("      " + line for line in tail)


def main(argv: list[str]) -> int:
    scenarios_dir, work = Path(argv[1]), Path(argv[2])
    columns = argv[3:]
    scenarios = sorted(p.stem for p in scenarios_dir.glob("*.md"))
    problems: list[str] = []
    results: dict[str, dict[str, dict[str, str]]] = {}
    without_results: set[str] = set()
    for column in columns:
        by_id, why = load_results(work / f"results-{column}.json")
        results[column] = by_id
        if why:
            without_results.add(column)
            problems.append(f"{column}: {why}; end of test-matrix/target/{column}.log:\n{log_tail(work, column)}")
        for unknown in sorted(set(by_id) - set(scenarios)):
            problems.append(f"{column}: reports a scenario that does not exist: {unknown}")
    if not columns:
        problems.append("no language column ran")

    width = max([len("scenario")] + [len(s) for s in scenarios])
    cell_width = max([len("pass ") + SHORT + 2] + [len(c) for c in columns])
    print("scenario".ljust(width) + "  " + "  ".join(c.ljust(cell_width) for c in columns))
    for scenario in scenarios:
        cells = []
        checksums: dict[str, str] = {}
        for column in columns:
            entry = results[column].get(scenario)
            if entry is None:
                cells.append("missing")
                if column not in without_results:
                    problems.append(f"{column} {scenario}: missing")
            elif entry.get("status") == "pass" and CHECKSUM.fullmatch(str(entry.get("checksum", ""))):
                checksums[column] = entry["checksum"]
                cells.append("pass " + entry["checksum"][:SHORT])
            elif entry.get("status") == "pass":
                cells.append("FAIL")
                problems.append(f"{column} {scenario}: passed without a SHA-256 checksum: {entry.get('checksum')!r}")
            else:
                cells.append("FAIL")
                problems.append(f"{column} {scenario}: {entry.get('detail') or 'failed without a detail'}")
        if len(set(checksums.values())) > 1:
            cells = [c + (" *" if c.startswith("pass") else "") for c in cells]
            problems.append(f"{scenario}: checksums differ: "
                            + ", ".join(f"{c}={v}" for c, v in sorted(checksums.items())))
        print(scenario.ljust(width) + "  " + "  ".join(c.ljust(cell_width) for c in cells))

    if problems:
        print("\nthe matrix failed (* marks checksums that differ):")
        for problem in problems:
            print("  - " + problem)
        return 1
    agree = "with equal checksums" if len(columns) > 1 else "(one column: no checksums to compare)"
    print(f"\nall {len(scenarios)} scenarios pass in {', '.join(columns)} {agree}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
