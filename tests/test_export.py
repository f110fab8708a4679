"""`assetloom export`: the CSV files, and the licenses file re-importing to the same seats."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import add_asset, add_license, add_user

from assetloom_tui.cli import main
from assetloom_tui.importers import load
from assetloom_tui.repository import Repository
from assetloom_tui.schemas import CheckoutRequest

TABLES = ("licenses", "users", "assets", "assignments", "seat_events")


@pytest.fixture
def opened(tmp_path: Path):
    """Open repositories on SQLite files in tmp_path, all closed at the end."""
    repos: list[Repository] = []

    def open_(name: str) -> tuple[Repository, Path]:
        path = tmp_path / name
        repos.append(Repository.open(f"sqlite:///{path}"))
        return repos[-1], path

    yield open_
    for repo in repos:
        repo.close()


def cli(capsys, db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def checkout(repo: Repository, license_id: int, target: str, target_id: int, qty: int) -> None:
    request = CheckoutRequest(
        license_id=license_id,
        target_type=target,
        target_id=target_id,
        quantity=qty,
        allow_expired=True,
    )
    repo.seats.checkout(request, "setup")


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def licenses_of(repo: Repository) -> dict[tuple[str, str], tuple]:
    """Every stored field but the id, by (name, product key)."""
    return {
        (item.name, item.product_key): (
            item.seats,
            item.held,
            item.reassignable,
            item.expiration_date,
            item.purchase_date,
            item.purchase_cost,
            item.manufacturer,
            item.category,
            item.order_number,
            item.licensed_to_name,
            item.licensed_to_email,
            item.supplier,
            item.notes,
            item.min_available,
        )
        for item in repo.exports.licenses()
    }


def held_per_target(repo: Repository) -> dict[tuple[str, str, str, str], int]:
    """Seats held per (license name, product key, target type, target), from assignments."""
    totals: dict[tuple[str, str, str, str], int] = {}
    for item in repo.licenses.list():
        for view in repo.licenses.assignments(item.id):
            key = (item.name, item.product_key, view.target_type, view.target)
            totals[key] = totals.get(key, 0) + view.held
    return totals


def table_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_round_trip_of_the_snipeit_samples(capsys, opened, snipeit_dir, tmp_path):
    first, first_path = opened("first.db")
    first.imports.users(load(snipeit_dir / "users-sample.csv", "users"))
    first.imports.assets(load(snipeit_dir / "assets-sample.csv", "assets"))
    imported = first.imports.licenses(
        load(snipeit_dir / "licenses-sample.csv", "licenses"), "tester", skip_invalid=True
    )
    assert imported.written and imported.created > 3
    roomy = [item for item in first.licenses.list() if item.available >= 8][:3]
    assert len(roomy) == 3, "the sample should have licenses with seats to spare"
    user = first.people.users()[5]
    asset = first.people.assets()[0]
    new_asset = add_asset(first, "NEW-1", name='Bench PC, "quoted"')
    checkout(first, roomy[0].id, "user", user.id, 3)
    checkout(first, roomy[0].id, "user", user.id, 2)
    checkout(first, roomy[1].id, "asset", asset.id, 2)
    checkout(first, roomy[1].id, "asset", new_asset, 1)
    checkout(first, roomy[2].id, "user", user.id, 1)
    nobody = add_license(
        first,
        "Unheld, with a comma",
        seats=4,
        product_key="U-1",
        purchase_cost=Decimal("1234.50"),
        expiration_date=dt.date(2031, 2, 28),
        min_available=1,
        notes="line one\r\nline two",
    )
    export = tmp_path / "licenses.csv"

    code, out, err = cli(capsys, first_path, "export", "licenses", str(export))
    assert code == 0, err
    second, second_path = opened("second.db")
    code, out, err = cli(capsys, second_path, "import", "licenses", str(export))

    assert code == 0, err
    assert licenses_of(second) == licenses_of(first)
    expected = held_per_target(first)
    user_key = (roomy[0].name, roomy[0].product_key, "user", user.username)
    assert expected[user_key] == 5
    assert held_per_target(second) == expected
    assert first.licenses.get(nobody).held == 0
    assert [a.name for a in second.people.assets() if a.asset_tag == "NEW-1"] == [
        'Bench PC, "quoted"'
    ]

    before = table_counts(first_path)
    code, out, err = cli(capsys, first_path, "import", "licenses", str(export))
    rows = len(read_csv(export.read_text(encoding="utf-8")))
    assert code == 0, err
    assert f"0 created, 0 updated, {rows} unchanged, 0 failed" in out
    assert table_counts(first_path) == before
    assert held_per_target(first) == expected


def test_the_licenses_file_has_one_row_per_holder_with_readable_values(capsys, opened):
    repo, path = opened("desk.db")
    office = add_license(
        repo,
        "Office",
        seats=6,
        product_key="K-1",
        reassignable=False,
        purchase_cost=Decimal("1234.5"),
        purchase_date=dt.date(2024, 1, 2),
    )
    add_license(repo, "Spare", seats=2)
    ada = add_user(repo, "ada", full_name="Ada L", email="ada@example.org")
    checkout(repo, office, "user", ada, 2)
    checkout(repo, office, "user", ada, 1)
    checkout(repo, office, "asset", add_asset(repo, "LAP-1", name="Laptop"), 1)

    code, out, err = cli(capsys, path, "export", "licenses", "-")

    assert code == 0, err
    rows = read_csv(out)
    picked = [(r["Item name"], r["Username"], r["Asset Tag"], r["Checkout Quantity"]) for r in rows]
    assert picked == [
        ("Office", "ada", "", "3"),
        ("Office", "", "LAP-1", "1"),
        ("Spare", "", "", ""),
    ]
    first = rows[0]
    assert (first["purchase cost"], first["purchase date"], first["reassignable"]) == (
        "1234.50",
        "2024-01-02",
        "no",
    )
    assert (first["seats"], first["Held"], first["Available"]) == ("6", "4", "2")
    assert (first["Email"], first["Full Name"], rows[1]["Asset Name"]) == (
        "ada@example.org",
        "Ada L",
        "Laptop",
    )


def test_users_assets_and_assignments_files(capsys, opened, tmp_path):
    repo, path = opened("desk.db")
    office = add_license(repo, "Office", seats=6, product_key="K-1")
    ada = add_user(repo, "ada", full_name="Ada L", department="R&D", employee_number="7")
    add_user(repo, "bob", active=False)
    laptop = add_asset(repo, "LAP-1", name="Laptop", model="T14", location="HQ")
    checkout(repo, office, "user", ada, 2)
    checkout(repo, office, "asset", laptop, 1)
    files = {kind: tmp_path / f"{kind}.csv" for kind in ("users", "assets", "assignments")}

    for kind, file in files.items():
        code, out, err = cli(capsys, path, "export", kind, str(file))
        assert code == 0, err
        assert f"to {file}" in out
    users, assets, assignments = (read_csv(f.read_text(encoding="utf-8")) for f in files.values())

    assert [(u["Username"], u["Department"], u["Active"], u["Seats Held"]) for u in users] == [
        ("ada", "R&D", "yes", "2"),
        ("bob", "", "no", "0"),
    ]
    assert [(a["Asset Tag"], a["Model"], a["Location"], a["Seats Held"]) for a in assets] == [
        ("LAP-1", "T14", "HQ", "1")
    ]
    views = repo.licenses.assignments(office)
    assert [
        (r["License"], r["Target Type"], r["Target"], r["Seats Held"], r["Checkout Date"])
        for r in assignments
    ] == [
        ("Office", v.target_type, v.target, str(v.held), v.checkout_date.isoformat()) for v in views
    ]
    assert {r["Operator"] for r in assignments} == {"setup"}


def test_an_unwritable_file_is_a_usage_error(capsys, opened, tmp_path):
    _, path = opened("desk.db")
    code, _, err = cli(capsys, path, "export", "users", str(tmp_path / "missing" / "u.csv"))
    assert code == 2 and "cannot write" in err
