"""The license import's own columns: Checkout Quantity, Min Available, Asset Name."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import add_asset, add_license

from assetloom_tui.importers import load

HEADER = [
    "Item name",
    "serial number",
    "seats",
    "Min Available",
    "Available",
    "Held",
    "Username",
    "Asset Tag",
    "Asset Name",
    "Checkout Quantity",
]


def write(path: Path, rows: list[dict[str, str]]) -> Path:
    buffer = io.StringIO()
    table = csv.writer(buffer)
    table.writerow(HEADER)
    defaults = {"Item name": "Office", "serial number": "K-1", "seats": "10"}
    for row in rows:
        table.writerow([row.get(name, defaults.get(name, "")) for name in HEADER])
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    return path


def held_by(repo) -> dict[str, int]:
    [license_] = repo.licenses.list()
    totals: dict[str, int] = {}
    for view in repo.licenses.assignments(license_.id):
        totals[view.target] = totals.get(view.target, 0) + view.held
    return totals


def test_checkout_quantity_gives_that_many_seats_once(repo, tmp_path):
    path = write(
        tmp_path / "l.csv",
        [
            {"Username": "ada", "Checkout Quantity": "3"},
            {"Username": "bob"},
            {"Asset Tag": "LAP-1", "Asset Name": "Laptop", "Checkout Quantity": "2"},
            {"Available": "junk", "Held": "junk"},
        ],
    )

    first = repo.imports.licenses(load(path, "licenses"), operator="tester")
    again = repo.imports.licenses(load(path, "licenses"), operator="tester")

    assert first.written and first.errors == ()
    assert (first.seats_checked_out, first.users_created, first.assets_created) == (6, 2, 1)
    assert held_by(repo) == {"ada": 3, "bob": 1, "LAP-1": 2}
    assert [(a.asset_tag, a.name) for a in repo.people.assets()] == [("LAP-1", "Laptop")]
    assert (again.seats_checked_out, again.unchanged, again.created) == (0, 4, 0)
    assert held_by(repo) == {"ada": 3, "bob": 1, "LAP-1": 2}


def test_an_existing_asset_keeps_its_name(repo, tmp_path):
    add_asset(repo, "LAP-1", name="Original")
    path = write(tmp_path / "l.csv", [{"Asset Tag": "LAP-1", "Asset Name": "Other"}])

    result = repo.imports.licenses(load(path, "licenses"), operator="tester")

    assert (result.assets_created, result.seats_checked_out) == (0, 1)
    assert [a.name for a in repo.people.assets()] == ["Original"]


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ({"Username": "ada", "Checkout Quantity": "0"}, "Checkout Quantity"),
        ({"Username": "ada", "Checkout Quantity": "two"}, "Checkout Quantity"),
        ({"Username": "ada", "Checkout Quantity": "1.5"}, "Checkout Quantity"),
        ({"Username": "ada", "Checkout Quantity": "-2"}, "Checkout Quantity"),
        ({"Checkout Quantity": "2"}, "Checkout Quantity"),
        ({"Username": "ada", "Checkout Quantity": "11"}, "Checkout Quantity"),
        ({"Asset Name": "Laptop"}, "Asset Name"),
        ({"Min Available": "-1"}, "Min Available"),
        ({"Min Available": "few"}, "Min Available"),
    ],
)
def test_bad_values_of_the_new_columns_are_row_errors(repo, tmp_path, row, column):
    path = write(tmp_path / "l.csv", [row])

    result = repo.imports.licenses(load(path, "licenses"), operator="tester")

    assert [(e.row, e.column) for e in result.errors] == [(1, column)]
    assert not result.written
    assert repo.licenses.list() == [] and repo.people.users() == []


def test_min_available_is_read_and_a_missing_column_changes_nothing(repo, tmp_path):
    license_id = add_license(repo, "Office", product_key="K-1", seats=10, min_available=4)
    path = write(tmp_path / "l.csv", [{"Min Available": "2"}])
    without = tmp_path / "without.csv"
    without.write_text("Item name,serial number,seats\nOffice,K-1,10\n", encoding="utf-8")

    updated = repo.imports.licenses(load(path, "licenses"), operator="tester")
    kept = repo.imports.licenses(load(without, "licenses"), operator="tester")

    assert (updated.updated, kept.unchanged) == (1, 1)
    assert repo.licenses.get(license_id).min_available == 2
