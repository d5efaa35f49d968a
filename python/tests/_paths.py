"""Where the tests find the project's shared test data."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
VECTORS = PROJECT_ROOT / "test-matrix" / "vectors"
OPTIONS_REFERENCE = PROJECT_ROOT / "docs" / "options.md"
KUSTO_OPTION_JAVA = (
    PROJECT_ROOT / "jvm-core/kusto-spark-connector/src/main/java/dev/kustospark/spark/config/KustoOption.java"
)
