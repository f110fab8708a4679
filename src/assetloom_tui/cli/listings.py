"""Read-only commands: the license list and one license's assignments, as tables or JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from assetloom_tui.cli.common import repository
from assetloom_tui.cli.output import license_json


def run_licenses(args: argparse.Namespace) -> int:
    with repository(args) as repo:
        licenses = repo.licenses.list()
    if args.json:
        print(json.dumps([license_json(item) for item in licenses], indent=2, ensure_ascii=False))
        return 0
    print(
        table(
            ("ID", "Name", "Product key", "Total", "Available", "Expires", "Reassignable"),
            [
                (
                    item.id,
                    item.name,
                    item.product_key,
                    item.seats,
                    item.available,
                    _iso(item.expiration_date) or "",
                    "yes" if item.reassignable else "no",
                )
                for item in licenses
            ],
        )
    )
    return 0


def run_assignments(args: argparse.Namespace) -> int:
    with repository(args) as repo:
        license_ = repo.licenses.get(args.license_id)
        assignments = repo.licenses.assignments(args.license_id)
    if args.json:
        rows = [
            {
                "id": item.id,
                "target_type": item.target_type,
                "target": item.target,
                "target_name": item.target_name,
                "quantity": item.held,
                "checked_out": item.quantity,
                "checkout_date": item.checkout_date.isoformat(),
                "notes": item.notes,
                "operator": item.operator,
            }
            for item in assignments
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    print(f"{license_.name!r}: {license_.available} of {license_.seats} seats available.")
    print(
        table(
            ("ID", "Type", "Target", "Name", "Held", "Checked out", "Operator"),
            [
                (
                    item.id,
                    item.target_type,
                    item.target,
                    item.target_name,
                    item.held,
                    item.checkout_date.isoformat(),
                    item.operator,
                )
                for item in assignments
            ],
        )
    )
    return 0


def table(headers: tuple[str, ...], rows: list[tuple]) -> str:
    """An aligned plain-text table: numbers to the right, long text cut with an ellipsis."""
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [
        max([len(header)] + [len(row[i]) for row in cells]) for i, header in enumerate(headers)
    ]
    numeric = [
        bool(rows) and all(isinstance(row[i], int) for row in rows) for i in range(len(headers))
    ]

    def line(values) -> str:
        parts = [
            value.rjust(width) if right else value.ljust(width)
            for value, width, right in zip(values, widths, numeric, strict=True)
        ]
        return "  ".join(parts).rstrip()

    separator = ["-" * width for width in widths]
    body = [line(row) for row in cells] or ["(none)"]
    return "\n".join([line(headers), line(separator), *body])


def _cell(value: object, limit: int = 40) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None
