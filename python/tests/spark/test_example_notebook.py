"""The example notebooks run top to bottom against kusto-local, so they cannot rot."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from _support import DATABASE, PYTHON_DIR, unique_table
from nbclient import NotebookClient

NOTEBOOKS = sorted((PYTHON_DIR / "examples").glob("*.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(notebook: Path, kusto_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The kernel inherits this environment: the server, the sources and the jar (KUSTO_SPARK_JAR).
    monkeypatch.setenv("KUSTO_LOCAL_URL", kusto_url)
    monkeypatch.setenv("KUSTO_DATABASE", DATABASE)
    monkeypatch.setenv("KUSTO_TABLE_SUFFIX", unique_table(""))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(PYTHON_DIR / "src"),
                                                                   os.environ.get("PYTHONPATH")])))
    executed = nbformat.read(notebook, as_version=4)

    NotebookClient(executed, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(notebook.parent)}}
                   ).execute()

    errors = [output for cell in executed.cells if cell.cell_type == "code"
              for output in cell.get("outputs", []) if output.get("output_type") == "error"]
    assert errors == []
    assert any(cell.get("outputs") for cell in executed.cells if cell.cell_type == "code")
