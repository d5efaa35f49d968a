"""The registry is generated from ``options/kusto-options.json`` together with the Java and C#
registries and ``docs/options.md``; this fails when any of them is stale."""

from __future__ import annotations

import subprocess
import sys

from _paths import PROJECT_ROOT

from kusto_spark import _registry
from kusto_spark._registry import Disposition


def test_the_generated_files_are_current() -> None:
    run = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "scripts" / "generate-options.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr


def test_keys_are_found_ignoring_case() -> None:
    assert _registry.for_key("READMODE") is _registry.READ_MODE
    assert _registry.for_key("spark.synapse.linkedservice") is _registry.LINKED_SERVICE
    assert _registry.for_key("readModes") is None


def test_unavailable_options_are_accepted_as_names_and_say_what_to_do_instead() -> None:
    unavailable = [o for o in _registry.OPTIONS if o.disposition is Disposition.UNAVAILABLE]
    assert unavailable and all(o.description for o in unavailable)
    assert _registry.KEY_VAULT_URI.default is None
