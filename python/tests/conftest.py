"""Puts ``python/src`` first on the path, so the tests run against the sources without installing them."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
