"""Writing reports as CSV; the licenses file uses the columns the license import reads."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import TextIO

from assetloom_tui.importers.rows import LICENSE_FIELDS
from assetloom_tui.importers.snipeit import LICENSE_COLUMNS

# Export-only columns: the import does not know them, so it ignores them.
HELD, AVAILABLE = "Held", "Available"


def _column(field: str) -> str:
    """The header the importer reads first for a license field."""
    return LICENSE_COLUMNS[field][0]


LICENSE_HEADER = (
    *(_column(field) for field in LICENSE_FIELDS),
    HELD,
    AVAILABLE,
    *(_column(field) for field in ("username", "email", "full_name", "asset_tag", "asset_name")),
    _column("checkout_quantity"),
)
ASSIGNMENT_HEADER = (
    "Assignment ID",
    "License ID",
    "License",
    "Product Key",
    "Target Type",
    "Target",
    "Target Name",
    "Seats Held",
    "Checkout Date",
    "Notes",
    "Operator",
)
USER_HEADER = (
    "Username",
    "Full Name",
    "Email",
    "Department",
    "Employee Number",
    "Active",
    "Seats Held",
)
ASSET_HEADER = ("Asset Tag", "Name", "Serial", "Model", "Location", "Active", "Seats Held")


def cell(value: object) -> str:
    """A value as the importer reads it: ISO dates, costs like 1234.50, yes/no, blank for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def license_rows(licenses, holdings) -> list[list[str]]:
    """One row per (license, target) holding seats; one row without target for a license
    nobody holds. The license's own values repeat on each of its rows."""
    by_license: dict[int, list] = {}
    for holding in holdings:
        by_license.setdefault(holding.license_id, []).append(holding)
    rows = []
    for item in licenses:
        own = [
            item.name,
            item.product_key,
            item.manufacturer,
            item.category,
            item.seats,
            item.reassignable,
            item.expiration_date,
            item.purchase_date,
            item.purchase_cost,
            item.order_number,
            item.licensed_to_name,
            item.licensed_to_email,
            item.supplier,
            item.notes,
            item.min_available,
            item.held,
            item.available,
        ]
        for holding in by_license.get(item.id) or [None]:
            rows.append([cell(value) for value in own + _target_cells(holding)])
    return rows


def _target_cells(holding) -> list[object]:
    if holding is None:
        return ["", "", "", "", "", ""]
    if holding.target_type == "user":
        return [holding.target, holding.email, holding.full_name, "", "", holding.held]
    return ["", "", "", holding.target, holding.asset_name, holding.held]


def assignment_rows(assignments) -> list[list[str]]:
    """One row per assignment still holding seats."""
    return [
        [
            cell(value)
            for value in (
                item.id,
                item.license_id,
                item.license_name,
                item.product_key,
                item.target_type,
                item.target,
                item.target_name,
                item.held,
                item.checkout_date,
                item.notes,
                item.operator,
            )
        ]
        for item in assignments
    ]


def user_rows(users) -> list[list[str]]:
    """One row per user, with the seats they hold."""
    return [
        [
            cell(value)
            for value in (
                user.username,
                user.full_name,
                user.email,
                user.department,
                user.employee_number,
                user.active,
                user.seats_held,
            )
        ]
        for user in users
    ]


def asset_rows(assets) -> list[list[str]]:
    """One row per asset, with the seats it holds."""
    return [
        [
            cell(value)
            for value in (
                asset.asset_tag,
                asset.name,
                asset.serial,
                asset.model,
                asset.location,
                asset.active,
                asset.seats_held,
            )
        ]
        for asset in assets
    ]


def write_csv(handle: TextIO, header: Iterable[str], rows: Iterable[list[str]]) -> None:
    """Write a header and rows as CSV (quoted where needed, notes with line ends kept)."""
    writer = csv.writer(handle)
    writer.writerow(list(header))
    writer.writerows(rows)
