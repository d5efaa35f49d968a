"""The options of one read or write checked against the registry before Spark sees them: keys
resolved ignoring case, unknown keys refused with the closest valid name, values checked and
brought to canonical form, unavailable options refused, as the connector's JVM side checks them
(which also logs the warning of an ignored option)."""

from __future__ import annotations

from collections.abc import Mapping

from . import _registry as registry
from ._option_values import canonical
from ._registry import Disposition, OptionSpec, Side
from .errors import KustoOptionError

__all__ = ["check", "closest"]

# Keys Spark itself puts into the options (load(path); a streaming query's checkpointLocation).
_SPARK_KEYS = frozenset({"path", "paths", "checkpointlocation"})

def _spark_text(value: object) -> str | None:
    # What DataFrameReader.option / DataFrameWriter.option hand to the JVM for a Python value.
    if isinstance(value, bool):
        return "true" if value else "false"
    return None if value is None else str(value)


def check(options: Mapping[str, object], side: Side) -> dict[str, str]:
    """The connector's options among ``options``, by canonical key in registry order, with values
    in canonical form; Spark's own keys (``path``, ``checkpointLocation``) are left out.

    :raises KustoOptionError: for an unknown key (with the closest valid one), an option of the
        other side, a key given twice in different cases with different values, a bad value, or an
        option that is not available in this connector (the Key Vault options).
    """
    values: dict[OptionSpec, str] = {}
    spelled_as: dict[OptionSpec, str] = {}
    for key, raw in options.items():
        if not isinstance(key, str):
            raise TypeError(f"option names must be str, not {type(key).__name__}")
        if key.lower() in _SPARK_KEYS:
            continue
        option = registry.for_key(key)
        if option is None:
            raise _unknown(key, side)
        if not option.applies_to(side):
            raise KustoOptionError(
                f"Option {option.key} is a {option.side.value} option and does not apply to a"
                f" {side.value}; remove it.",
                option.key,
            )
        value = canonical(option, _spark_text(raw))
        previous = values.get(option)
        if previous is not None and previous != value:
            raise KustoOptionError(
                f"Option {option.key} is given twice with different values (as '{spelled_as[option]}' and"
                f" '{key}'); option names ignore case, keep one.",
                option.key,
            )
        values[option] = value
        spelled_as[option] = key
    unavailable = [
        o
        for o in registry.OPTIONS
        if o in values and o.disposition is Disposition.UNAVAILABLE and not o.is_default(values[o])
    ]
    if unavailable:
        keys = ", ".join(o.key for o in unavailable)
        subject = f"Option {keys} is" if len(unavailable) == 1 else f"Options {keys} are"
        pronoun = "it" if len(unavailable) == 1 else "them"
        raise KustoOptionError(
            f"{subject} not available in this connector; remove {pronoun}. {unavailable[0].description}",
            unavailable[0].key,
        )
    return {option.key: values[option] for option in registry.OPTIONS if option in values}


def _unknown(key: str, side: Side) -> KustoOptionError:
    names = [o.key for o in registry.OPTIONS if o.applies_to(side)]
    near = closest(key, names)
    if near is not None:
        hint = f" Did you mean {near}?"
    else:
        other = closest(key, [o.key for o in registry.OPTIONS])
        other_option = registry.for_key(other) if other is not None else None
        if other_option is not None:
            hint = f" Did you mean {other_option.key} (a {other_option.side.value} option)?"
        else:
            hint = f" Valid {side.value} options: {', '.join(names)}."
    return KustoOptionError(f"Unknown option '{key}' for a Kusto {side.value}.{hint}", key)


def closest(name: str, candidates: list[str]) -> str | None:
    """The candidate closest to ``name`` ignoring case, if it is close enough to be a likely typo."""
    target = name.lower()
    best: str | None = None
    best_distance = None
    for candidate in candidates:
        d = _levenshtein(target, candidate.lower())
        if best_distance is None or d < best_distance:
            best, best_distance = candidate, d
    # Beyond about a third of the name, the "closest" name is no longer a plausible typo.
    tolerance = max(2, len(target) // 3)
    return best if best_distance is not None and best_distance <= tolerance else None


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j - 1] + (ca != cb), previous[j] + 1, current[j - 1] + 1))
        previous = current
    return previous[-1]
