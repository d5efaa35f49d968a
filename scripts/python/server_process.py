"""Starting a server process for a test session: kusto-local, or a Spark Connect server.

Shared by the project's Python suites (kusto-local's SDK conformance tests and the kusto_spark package's
Spark tests), which put this folder on sys.path in their conftest.
"""

from __future__ import annotations

import contextlib
import subprocess
import threading
from typing import Iterator


@contextlib.contextmanager
def running_process(command: list[str], ready_prefix: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """Starts ``command`` and yields the rest of its first output line that contains ``ready_prefix``
    (the server's address); stops the process on exit."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    assert process.stdout is not None
    seen: list[str] = []
    address = None
    # A server prints its address once it accepts connections, so reading stops there (no sleeps).
    for line in process.stdout:
        seen.append(line)
        if ready_prefix in line:
            address = line.split(ready_prefix, 1)[1].strip()
            break
    if address is None:
        process.wait(timeout=60)
        raise RuntimeError(f"{command[0]} exited before it was ready:\n" + "".join(seen[-50:]))
    # Keep draining the output so that the server never blocks on a full pipe.
    stdout = process.stdout
    threading.Thread(target=lambda: [None for _ in stdout], daemon=True).start()
    try:
        yield address
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
