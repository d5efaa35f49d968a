"""Spark DDL of a PySpark ``StructType``, as the JVM's ``StructType.toDDL()`` prints it, without
importing PySpark (the builders need only the standard library): ``a INT,`my col` STRING NOT NULL``."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["struct_ddl"]

_PLAIN_NAME = re.compile(r"[a-zA-Z0-9_]+")


def struct_ddl(schema: Any) -> str:
    """The DDL of a ``StructType``: one ``name TYPE[ NOT NULL][ COMMENT '...']`` per field, comma separated."""
    return ",".join(
        f"{_quoted(field.name)} {_sql(field.dataType)}{_nullability(field)}{_comment(field)}" for field in schema.fields
    )


def _quoted(name: str) -> str:
    if _PLAIN_NAME.fullmatch(name) and not name.isdigit():
        return name
    return "`" + name.replace("`", "``") + "`"


def _nullability(field: Any) -> str:
    return "" if field.nullable else " NOT NULL"


def _comment(field: Any) -> str:
    comment = (getattr(field, "metadata", None) or {}).get("comment")
    if comment is None:
        return ""
    # As the JVM escapes it: quotes only.
    return " COMMENT '" + str(comment).replace("'", "\\'") + "'"


def _sql(data_type: Any) -> str:
    # DataType.sql of the JVM: nested types spelled out, atomic ones as their upper-cased simple string.
    if hasattr(data_type, "fields"):
        inner = ", ".join(
            f"{_quoted(f.name)}: {_sql(f.dataType)}{_nullability(f)}{_comment(f)}" for f in data_type.fields
        )
        return f"STRUCT<{inner}>"
    if hasattr(data_type, "elementType"):
        return f"ARRAY<{_sql(data_type.elementType)}>"
    if hasattr(data_type, "keyType"):
        return f"MAP<{_sql(data_type.keyType)}, {_sql(data_type.valueType)}>"
    if hasattr(data_type, "sqlType"):
        return _sql(data_type.sqlType())
    return str(data_type.simpleString()).upper()
