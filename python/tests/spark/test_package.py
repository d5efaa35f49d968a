"""The package as users get it: the wheel with its jar, ``python -m kusto_spark``, and the checks the
helpers make before Spark is called."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import sysconfig
import textwrap
import venv
import zipfile
from pathlib import Path

import pytest
from _support import DATABASE, PYTHON_DIR, connector_jar

import kusto_spark
from kusto_spark import KustoReadOptions, KustoWriteOptions


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = subprocess.run([str(PYTHON_DIR / "build-wheel.sh")], check=True, capture_output=True, text=True,
                           env={**os.environ, "PYTHON": sys.executable, "KUSTO_SPARK_JAR": connector_jar()})
    return Path(built.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv with the wheel installed; returns its python."""
    home = tmp_path_factory.mktemp("wheel-venv")
    venv.create(home, with_pip=True)
    python = home / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps",
                    str(wheel)], check=True)
    return python


def _without_jar_override() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("KUSTO_SPARK_JAR", "PYTHONPATH")}


def test_wheel_bundles_the_shaded_jar(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        jars = [n for n in archive.namelist() if n.startswith("kusto_spark/jars/") and n.endswith(".jar")]
        assert "kusto_spark/py.typed" in archive.namelist()
    assert jars == [f"kusto_spark/jars/{Path(connector_jar()).name}"]


def test_installed_wheel_reports_its_jar_and_spark_versions(installed: Path) -> None:
    shown = subprocess.run([str(installed), "-m", "kusto_spark"], check=True, capture_output=True, text=True,
                           env=_without_jar_override()).stdout

    jar = Path(shown.splitlines()[1].removeprefix("jar: "))
    assert shown.splitlines()[0] == f"kusto_spark {kusto_spark.__version__}"
    assert jar.is_file() and "site-packages/kusto_spark/jars/" in str(jar)
    assert "Spark versions: 4.2 (Scala 2.13)" in shown
    with zipfile.ZipFile(jar) as archive:
        assert "dev/kustospark/spark/source/KustoTableProvider.class" in archive.namelist()
        services = archive.read("META-INF/services/org.apache.spark.sql.sources.DataSourceRegister").decode()
        assert "dev.kustospark.spark.source.KustoTableProvider" in services


def test_installed_wheel_builds_options_without_pyspark(installed: Path) -> None:
    script = textwrap.dedent("""
        import importlib.util, kusto_spark
        assert importlib.util.find_spec("pyspark") is None
        print(kusto_spark.KustoReadOptions().kusto_cluster("https://c.kusto.windows.net").kusto_database("d")
              .kusto_query("T").read_mode(kusto_spark.ReadMode.ForceSingleMode).to_options())
        """)

    shown = subprocess.run([str(installed), "-c", script], check=True, capture_output=True, text=True,
                           env=_without_jar_override()).stdout

    assert shown.strip() == ("{'kustoCluster': 'https://c.kusto.windows.net', 'kustoDatabase': 'd', "
                             "'kustoQuery': 'T', 'readMode': 'ForceSingleMode'}")


def test_installed_wheel_reads_with_its_own_jar(installed: Path, kusto_url: str) -> None:
    # PySpark from the project's virtualenv, kusto_spark (and so the jar) from the wheel only.
    script = textwrap.dedent(f"""
        import kusto_spark
        from pyspark.sql import SparkSession
        spark = kusto_spark.configure(SparkSession.builder.master("local[1]")
                                      .config("spark.ui.enabled", "false")).getOrCreate()
        assert "site-packages/kusto_spark/jars/" in spark.conf.get("spark.jars")
        frame = kusto_spark.read(spark, kusto_spark.KustoReadOptions().kusto_cluster({kusto_url!r})
                                 .kusto_database({DATABASE!r}).kusto_query("range x from 1 to 3 step 1"))
        print(sorted(r.x for r in frame.collect()))
        spark.stop()
        """)
    env = {**_without_jar_override(), "PYTHONPATH": sysconfig.get_paths()["purelib"]}

    shown = subprocess.run([str(installed), "-c", script], check=True, capture_output=True, text=True, env=env)

    assert shown.stdout.strip().splitlines()[-1] == "[1, 2, 3]"


def test_jar_env_naming_a_missing_file_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KUSTO_SPARK_JAR", str(tmp_path / "missing.jar"))

    with pytest.raises(FileNotFoundError, match="KUSTO_SPARK_JAR=.*missing.jar is not a file"):
        kusto_spark.jar_path()


def test_write_refuses_other_save_modes_before_spark() -> None:
    options = KustoWriteOptions().kusto_cluster("https://c.kusto.windows.net").kusto_database("d").kusto_table("T")

    # No DataFrame: the mode is checked before anything touches one.
    with pytest.raises(ValueError, match="mode has value 'overwrite': allowed values: append"):
        kusto_spark.write(None, options, mode="overwrite")  # type: ignore[arg-type]


@pytest.mark.parametrize("options, message", [
    (KustoWriteOptions(), "options is a KustoWriteOptions: expected KustoReadOptions"),
    ({"accessToken": 5}, "options has accessToken of type int: option values are strings"),
    ("kustoQuery=T", "options is a str: expected KustoReadOptions"),
])
def test_read_refuses_options_of_the_wrong_type_before_spark(options: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        kusto_spark.read(None, options)  # type: ignore[arg-type]


def test_the_typed_builders_refuse_bad_values_before_spark() -> None:
    with pytest.raises(ValueError) as refused:
        KustoReadOptions().read_mode("Sometimes")

    assert "readMode" in str(refused.value) and "Sometimes" in str(refused.value)
    assert "ForceSingleMode" in str(refused.value)


def test_the_package_type_checks() -> None:
    # pyproject.toml's [tool.mypy] applies: every function has type hints.
    checked = subprocess.run([sys.executable, "-m", "mypy", "src/kusto_spark"], cwd=PYTHON_DIR,
                             capture_output=True, text=True)

    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize("module", ["client_request_properties", "enums", "errors", "ingestion_properties", "options",
                                    "outcomes"])
def test_the_package_exports_every_public_name(module: str) -> None:
    public = importlib.import_module(f"kusto_spark.{module}").__all__

    assert set(public) <= set(kusto_spark.__all__)
    assert all(getattr(kusto_spark, name) is not None for name in kusto_spark.__all__)
