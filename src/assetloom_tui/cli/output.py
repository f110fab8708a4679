"""How commands print licenses, users and assets: JSON objects and readable blocks."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from assetloom_tui.record_schemas import RECORD_LABELS
from assetloom_tui.text import printable

# The fields of `licenses --json`, then the rest of a license's fields.
LICENSE_LIST_FIELDS = (
    "id",
    "name",
    "product_key",
    "manufacturer",
    "seats",
    "held",
    "available",
    "reassignable",
    "expires",
    "min_available",
)
LICENSE_MORE_FIELDS = (
    "category",
    "purchase_date",
    "purchase_cost",
    "order_number",
    "licensed_to_name",
    "licensed_to_email",
    "supplier",
    "notes",
)
USER_FIELDS = (
    "id",
    "username",
    "full_name",
    "email",
    "department",
    "employee_number",
    "active",
    "seats_held",
)
ASSET_FIELDS = ("id", "asset_tag", "name", "serial", "model", "location", "active", "seats_held")


def emit(text: str) -> None:
    """Print text from the database so that it cannot drive the terminal."""
    print(printable(text))


def emit_json(data: object) -> None:
    """Print `data` as indented JSON."""
    emit(json.dumps(data, indent=2, ensure_ascii=False))


def json_value(value: object) -> object:
    """Dates as ISO text, costs as text like "1234.50"; everything else as it is."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return value


def license_json(item, fields: tuple[str, ...] = LICENSE_LIST_FIELDS) -> dict[str, object]:
    """A license (list row or full record) under the names `licenses --json` uses."""
    return {
        name: json_value(item.expiration_date if name == "expires" else getattr(item, name))
        for name in fields
    }


def license_record_json(item) -> dict[str, object]:
    """Every field of one license."""
    return license_json(item, LICENSE_LIST_FIELDS + LICENSE_MORE_FIELDS)


def record_json(item, fields: tuple[str, ...]) -> dict[str, object]:
    """A user or asset record by field name."""
    return {name: json_value(getattr(item, name)) for name in fields}


def license_block(item) -> str:
    """A license as labelled lines, for people."""
    seats = f"{item.seats} ({item.held} held, {item.available} available)"
    lines = [(RECORD_LABELS["seats"], seats)]
    for name in ("product_key", "manufacturer", "category", "reassignable", "expiration_date"):
        lines.append((RECORD_LABELS[name], getattr(item, name)))
    lines.append((RECORD_LABELS["min_available"], item.min_available))
    for name in LICENSE_MORE_FIELDS[1:]:
        lines.append((RECORD_LABELS[name], getattr(item, name)))
    return _block(f"License {item.id}: {item.name}", lines)


def target_block(kind: str, item, fields: tuple[str, ...], holdings) -> str:
    """A user or asset as labelled lines, with the seats it holds, license by license."""
    key = item.username if kind == "user" else item.asset_tag
    lines = [(RECORD_LABELS[name], getattr(item, name)) for name in fields[2:-1]]
    lines.append(("Seats Held", item.seats_held))
    text = _block(f"{kind.capitalize()} {item.id}: {key}", lines)
    for view in holdings:
        text += f"\n  holds {view.held} of {view.license_name!r} (assignment {view.id})"
    return text


def _block(title: str, lines: list[tuple[str, object]]) -> str:
    width = max(len(label) for label, _ in lines)
    indent = "\n" + " " * (width + 4)
    body = [f"  {label.ljust(width)}  {_shown(value, indent)}" for label, value in lines]
    return "\n".join([title, *body])


def _shown(value: object, indent: str) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    value = json_value(value)
    # A multi-line note keeps its lines, indented under the label.
    return str(value).replace("\r\n", "\n").replace("\n", indent)
