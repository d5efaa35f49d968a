"""Where the tests find the project's shared test data."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CANONICAL_JSON = PROJECT_ROOT / "testdata" / "canonical-json"
ESTABLISHED_OPTIONS = PROJECT_ROOT / "testdata" / "established-connector-options.txt"
VECTORS = PROJECT_ROOT / "test-matrix" / "vectors"
JVM_CHECKED_VECTORS = Path(__file__).resolve().parent / "jvm_checked_vectors.json"
OPTIONS_REFERENCE = PROJECT_ROOT / "docs" / "options.md"
KUSTO_OPTION_JAVA = (
    PROJECT_ROOT / "jvm-core/kusto-spark-connector/src/main/java/dev/kustospark/spark/config/KustoOption.java"
)
