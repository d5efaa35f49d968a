"""Where the tests find the project's shared test data."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
VECTORS = PROJECT_ROOT / "test-matrix" / "vectors"
