"""``python -m kusto_spark``: the connector jar's path and the Spark versions it supports.

``python -m kusto_spark --jar`` prints the path alone, for shell use such as
``spark-submit --jars "$(python -m kusto_spark --jar)"`` or a Spark Connect server's ``--jars``.
"""

from __future__ import annotations

import argparse
import sys

from kusto_spark import __version__
from kusto_spark._jar import JAR_ENV, SUPPORTED_SPARK_VERSIONS, jar_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kusto_spark",
                                     description="Shows the Kusto Spark connector jar of this install.")
    parser.add_argument("--jar", action="store_true", help="print only the jar's path")
    args = parser.parse_args(argv)
    try:
        jar = jar_path()
    except FileNotFoundError as missing:
        print(f"kusto_spark: {missing}", file=sys.stderr)
        return 1
    if args.jar:
        print(jar)
        return 0
    print(f"kusto_spark {__version__}")
    print(f"jar: {jar}")
    print(f"Spark versions: {', '.join(SUPPORTED_SPARK_VERSIONS)} (Scala 2.13)")
    print(f"(set {JAR_ENV} to use another jar)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
