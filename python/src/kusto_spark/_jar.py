"""Where the connector's shaded jar is: named by ``KUSTO_SPARK_JAR``, or bundled in the wheel."""

from __future__ import annotations

import os
from pathlib import Path

#: The environment variable that names a connector jar to use instead of the bundled one.
JAR_ENV = "KUSTO_SPARK_JAR"

#: Spark versions (major.minor) the bundled jar is built for; it needs Scala 2.13.
SUPPORTED_SPARK_VERSIONS = ("4.2",)

_BUNDLED_DIR = Path(__file__).resolve().parent / "jars"


def jar_path() -> str:
    """The absolute path of the connector jar.

    ``KUSTO_SPARK_JAR`` wins when set (a development build, or a jar for another Spark version);
    otherwise the jar bundled in the installed wheel.

    :raises FileNotFoundError: when ``KUSTO_SPARK_JAR`` names a missing file, or no jar is
        bundled (an install from a source checkout without ``python/build-wheel.sh``).

    >>> import kusto_spark
    >>> kusto_spark.jar_path()  # doctest: +SKIP
    '/.../site-packages/kusto_spark/jars/kusto-spark_4.2_2.13-0.1.0.jar'
    """
    named = os.environ.get(JAR_ENV)
    if named:
        path = Path(named).expanduser()
        if not path.is_file():
            raise FileNotFoundError(
                f"{JAR_ENV}={named} is not a file; set it to the connector's shaded jar "
                f"(kusto-spark_<spark>_2.13-<version>.jar) or unset it to use the bundled jar")
        return str(path.resolve())
    bundled = sorted(_BUNDLED_DIR.glob("*.jar"))
    if not bundled:
        raise FileNotFoundError(
            f"no connector jar is bundled in {_BUNDLED_DIR}; install the kusto-spark wheel "
            f"(python/build-wheel.sh builds it) or set {JAR_ENV} to the connector's shaded jar")
    if len(bundled) > 1:
        raise FileNotFoundError(
            f"more than one connector jar in {_BUNDLED_DIR} ({', '.join(p.name for p in bundled)}); "
            f"reinstall the wheel or set {JAR_ENV} to the one to use")
    return str(bundled[0])
