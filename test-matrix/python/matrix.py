"""The Python column of the test matrix: runs every scenario of test-matrix/scenarios in one PySpark
session through the kusto_spark package and writes the results file. A failing scenario is
recorded, never fatal, so the table shows every cell. Argument: the path of checksum.sql. Exit
status 0 when every scenario passed."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from matrix_session import MatrixEnv, MatrixSession, ScenarioFailure
from scenarios import SCENARIOS


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: matrix.py <path of test-matrix/scenarios/checksum.sql>", file=sys.stderr)
        return 2
    env = MatrixEnv.from_environment(Path(argv[1]).read_text(encoding="utf-8").strip())
    session = MatrixSession(env)
    results = []
    try:
        for scenario_id, body in sorted(SCENARIOS.items()):
            start = time.monotonic()
            try:
                result = {"scenario": scenario_id, "status": "pass", "checksum": body(session), "detail": ""}
            except ScenarioFailure as failure:
                result = {"scenario": scenario_id, "status": "fail", "checksum": "", "detail": str(failure)}
            except Exception as failure:  # noqa: BLE001 - recorded in the results, not fatal
                result = {"scenario": scenario_id, "status": "fail", "checksum": "",
                          "detail": f"unexpected {type(failure).__name__}: {failure}"}
            results.append(result)
            detail = "" if result["status"] == "pass" else f": {result['detail']}"
            print(f"[python {env.lang}] {scenario_id} {result['status']} "
                  f"({(time.monotonic() - start) * 1000:.0f} ms){detail}", file=sys.stderr)
    finally:
        session.close()
    env.out.parent.mkdir(parents=True, exist_ok=True)
    env.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0 if all(r["status"] == "pass" for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
