"""The Python option table mirrors the JVM registry ``KustoOption``: same keys in the same order,
sides, defaults, secrecy, dispositions, ranges, descriptions (through the generated
``docs/options.md``) and value checks (through ``KustoOption.java``); and it holds every option name
of the established connector (``testdata/established-connector-options.txt``)."""

from __future__ import annotations

import re

from _paths import ESTABLISHED_OPTIONS, KUSTO_OPTION_JAVA, OPTIONS_REFERENCE

from kusto_spark import _registry
from kusto_spark._registry import Disposition, Kind, OptionSpec, Side

_SECTIONS = {
    "Connection and authentication (reads and writes)": Side.COMMON,
    "Reads": Side.READ,
    "Writes": Side.WRITE,
}
_ROW = re.compile(r"\| `([^`]+)` \| (.*?) \| (.*) \|")
_JAVA_ENTRY = re.compile(
    r'\w+\("([^"]+)",\s*Side\.(\w+),\s*Kind\.(\w+),\s*(null|"[^"]*"),\s*(true|false),\s*Disposition\.(\w+),'
    r"(?:\s*(-?[\d_]+),\s*(-?[\d_]+),)?"
)
# How OptionReference prints a disposition before the description.
_DISPOSITION_PREFIX = {
    Disposition.SUPPORTED: "",
    Disposition.MAPPED: "Mapped. ",
    Disposition.IGNORED: "Ignored, with a warning. ",
    Disposition.UNAVAILABLE: "Unavailable: setting it fails. ",
}


def _reference_rows() -> list[tuple[str, Side, str, str]]:
    rows = []
    side = None
    for line in OPTIONS_REFERENCE.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            side = _SECTIONS[line[3:]]
        m = _ROW.fullmatch(line)
        if m:
            assert side is not None, f"a row before any section: {line}"
            rows.append((m.group(1), side, m.group(2), m.group(3)))
    return rows


def _documented_default(default: str | None) -> str:
    # OptionReference prints a default without spaces as code, one with spaces as text.
    if default is None:
        return ""
    return default if " " in default else f"`{default}`"


def test_the_table_has_the_reference_keys_in_order() -> None:
    assert [o.key for o in _registry.OPTIONS] == [row[0] for row in _reference_rows()]


def _documented_description(option: OptionSpec) -> str:
    # OptionReference.described: secrecy, disposition, the description, the range.
    secret_prefix = "Secret. " if option.secret else ""
    value_range = f" Range: {option.minimum} to {option.maximum}." if option.minimum is not None else ""
    text = secret_prefix + _DISPOSITION_PREFIX[option.disposition] + option.description + value_range
    return text.replace("|", "\\|")


def test_sides_defaults_secrecy_dispositions_ranges_and_descriptions_match_the_reference() -> None:
    for option, (key, side, default, description) in zip(_registry.OPTIONS, _reference_rows(), strict=True):
        assert option.side is side, key
        assert _documented_default(option.default) == default, key
        assert _documented_description(option) == description, key


def test_kinds_sides_defaults_secrecy_dispositions_and_ranges_match_the_jvm_registry() -> None:
    java = [
        (
            key,
            Side[side],
            Kind[kind],
            None if default == "null" else default[1:-1],
            secret == "true",
            Disposition[disposition],
            None if minimum == "" else int(minimum),
            None if maximum == "" else int(maximum),
        )
        for key, side, kind, default, secret, disposition, minimum, maximum in _JAVA_ENTRY.findall(
            KUSTO_OPTION_JAVA.read_text(encoding="utf-8")
        )
    ]
    python = [(o.key, o.side, o.kind, o.default, o.secret, o.disposition, o.minimum, o.maximum) for o in _registry.OPTIONS]
    assert len(java) > 50
    assert python == java


def test_every_option_name_of_the_established_connector_has_a_disposition() -> None:
    lines = ESTABLISHED_OPTIONS.read_text(encoding="utf-8").splitlines()
    names = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert len(names) == 52
    for name in names:
        option = _registry.for_key(name.upper())
        assert option is not None, name
        assert option.key == name
        assert isinstance(option.disposition, Disposition)


def test_keys_are_found_ignoring_case() -> None:
    assert _registry.for_key("READMODE") is _registry.READ_MODE
    assert _registry.for_key("spark.synapse.linkedservice") is _registry.LINKED_SERVICE
    assert _registry.for_key("readModes") is None
