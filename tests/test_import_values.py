"""Import details on small hand-made files: headers, every kind of bad value, seat refusals."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import add_license, add_user
from sqlalchemy import select

from assetloom_tui.importers import ImportFileError, load
from assetloom_tui.importers.values import parse_bool, parse_cost, parse_date, parse_seats
from assetloom_tui.models import License, User

LICENSE_HEADER = [
    "Full Name",
    "Email",
    "Username",
    "Asset Tag",
    "Item name",
    "serial number",
    "seats",
    "reassignable",
    "purchase date",
    "expiration date",
    "purchase cost",
    "maintained",
    "notes",
]


def write_csv(path: Path, header: list[str], rows: list[list[str]], bom: bool = False) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *rows])
    path.write_text(("\ufeff" if bom else "") + buffer.getvalue(), encoding="utf-8", newline="")
    return path


def license_row(**values: str) -> list[str]:
    defaults = {"Item name": "Office", "serial number": "K-1", "seats": "5"}
    return [values.get(column, defaults.get(column, "")) for column in LICENSE_HEADER]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("yes", True), ("TRUE", True), ("1", True), ("No", False), ("false", False), ("0", False)],
)
def test_booleans_in_any_case(text, expected):
    assert parse_bool(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-31", dt.date(2024, 1, 31)),
        ("1/23/23", dt.date(2023, 1, 23)),
        ("10/27/28", dt.date(2028, 10, 27)),
        ("04/13/1989", dt.date(1989, 4, 13)),
        ("12/31/99", dt.date(1999, 12, 31)),
    ],
)
def test_dates_iso_and_us(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("$12.58", "12.58"), ("$1,234.50", "1234.50"), ("2266.13", "2266.13"), ("7", "7")],
)
def test_costs(text, expected):
    assert parse_cost(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["12,50", "$1,23.00", "abc", "-5", "$", "1.234"])
def test_unreadable_costs_are_refused(text):
    with pytest.raises(ValueError, match="is not a cost"):
        parse_cost(text)


@pytest.mark.parametrize("text", ["-3", "5.5", "five", "", "+2"])
def test_unreadable_seats_are_refused(text):
    with pytest.raises(ValueError):
        parse_seats(text)


def test_bom_and_odd_header_spacing_and_case(repo, tmp_path):
    path = write_csv(
        tmp_path / "users.csv",
        [" User Name ", "first NAME", "LastName", " e mail ", "ACTIVATED"],
        [["ada", "Ada", "Lovelace", "ada@example.org", "No"]],
        bom=True,
    )

    result = repo.imports.users(load(path, "users"))

    assert (result.created, result.failed) == (1, 0)
    user = repo.people.user_by_username("ada")
    assert (user.full_name, user.email, user.active) == ("Ada Lovelace", "ada@example.org", True)


def test_a_file_without_the_key_column_is_refused_as_a_whole(tmp_path):
    path = write_csv(tmp_path / "users.csv", ["Name", "Email"], [["Ada", "a@example.org"]])
    with pytest.raises(ImportFileError, match="no 'Username' column"):
        load(path, "users")


def test_every_kind_of_bad_value_is_reported_with_row_column_and_value(repo, tmp_path):
    rows = [
        license_row(reassignable="maybe"),
        license_row(**{"serial number": "K-2", "seats": "-3"}),
        license_row(**{"serial number": "K-3", "seats": "5.5"}),
        license_row(**{"serial number": "K-4", "purchase date": "2020-02-30"}),
        license_row(**{"serial number": "K-5", "expiration date": "next week"}),
        license_row(**{"serial number": "K-6", "purchase cost": "12,50"}),
        license_row(**{"serial number": "K-7", "maintained": "perhaps"}),
        license_row(**{"serial number": "K-8", "Item name": "  "}),
        license_row(**{"serial number": "K-9", "Full Name": "Ada Lovelace"}),
        license_row(**{"serial number": "K-10", "Username": "ada", "Asset Tag": "LAP-1"}),
        license_row(**{"serial number": "K-11", "seats": "5", "reassignable": "sí"}),
    ]
    path = write_csv(tmp_path / "licenses.csv", LICENSE_HEADER, rows)
    path.write_text(path.read_text() + "only,three,values\r\n", newline="")
    expected = {
        (1, "reassignable", "maybe"),
        (2, "seats", "-3"),
        (3, "seats", "5.5"),
        (4, "purchase date", "2020-02-30"),
        (5, "expiration date", "next week"),
        (6, "purchase cost", "12,50"),
        (7, "maintained", "perhaps"),
        (8, "Item name", "  "),
        (9, "Full Name", "Ada Lovelace"),
        (10, "Asset Tag", "LAP-1"),
        (11, "reassignable", "sí"),
        (12, "", ""),
    }

    result = repo.imports.licenses(load(path, "licenses"), operator="tester")

    assert {(e.row, e.column, e.value) for e in result.errors} == expected
    assert all(error.reason for error in result.errors)
    assert [error.line for error in result.errors] == [row + 1 for row, _, _ in sorted(expected)]
    assert (result.failed, result.written) == (12, False)
    assert repo.licenses.list() == []


def test_costs_dates_and_crlf_notes_are_stored_exactly(repo, tmp_path):
    notes = 'First line\r\n\r\nSecond "quoted" line, with a comma\nthird'
    row = license_row(
        **{
            "purchase date": "1/23/23",
            "expiration date": "2027-06-30",
            "purchase cost": "$1,234.50",
            "reassignable": "",
            "notes": notes,
        }
    )
    path = write_csv(tmp_path / "licenses.csv", LICENSE_HEADER, [row])

    assert repo.imports.licenses(load(path, "licenses"), operator="tester").created == 1

    # Read the stored row itself: results for screens show line ends as plain newlines.
    with repo.database.read() as session:
        stored = session.scalars(select(License)).one()
        assert stored.purchase_cost == Decimal("1234.50")
        assert (stored.purchase_date, stored.expiration_date) == (
            dt.date(2023, 1, 23),
            dt.date(2027, 6, 30),
        )
        assert stored.reassignable is True
        assert stored.notes == notes


def test_a_refused_checkout_is_a_row_error_and_skip_invalid_keeps_nothing_of_it(repo, tmp_path):
    add_user(repo, "gone", active=False)
    rows = [
        license_row(**{"Username": "ada", "seats": "0"}),
        license_row(**{"serial number": "K-2", "Username": "gone"}),
        license_row(**{"serial number": "K-3", "Asset Tag": "NO-SUCH-TAG"}),
        license_row(**{"serial number": "K-4", "Username": "bob", "Email": "bob@example.org"}),
    ]
    path = write_csv(tmp_path / "licenses.csv", LICENSE_HEADER, rows)

    result = repo.imports.licenses(load(path, "licenses"), operator="tester", skip_invalid=True)

    errors = {(e.row, e.column, e.value) for e in result.errors}
    assert errors == {(1, "seats", "0"), (2, "Username", "gone")}
    assert [item.product_key for item in repo.licenses.list()] == ["K-3", "K-4"]
    assert [user.username for user in repo.people.users()] == ["bob", "gone"]
    assert [(a.asset_tag, a.name, a.seats_held) for a in repo.people.assets()] == [
        ("NO-SUCH-TAG", "", 1)
    ]
    assert (result.created, result.seats_checked_out, result.users_created) == (2, 2, 1)
    assert result.assets_created == 1


def test_a_license_repeated_for_more_targets_checks_out_one_seat_each_once(repo, tmp_path):
    rows = [license_row(Username=name) for name in ("ada", "bob", "ada")]
    path = write_csv(tmp_path / "licenses.csv", LICENSE_HEADER, rows)

    first = repo.imports.licenses(load(path, "licenses"), operator="tester")
    again = repo.imports.licenses(load(path, "licenses"), operator="tester")

    assert (first.created, first.updated, first.unchanged, first.seats_checked_out) == (1, 1, 1, 2)
    assert (again.unchanged, again.seats_checked_out) == (3, 0)
    assert repo.licenses.list()[0].available == 3


def test_a_target_already_holding_a_seat_gets_no_second_one(repo, tmp_path):
    license_id = add_license(repo, name="Office", product_key="K-1", seats=5)
    add_user(repo, "ada")
    path = write_csv(tmp_path / "licenses.csv", LICENSE_HEADER, [license_row(Username="ada")])
    repo.imports.licenses(load(path, "licenses"), operator="tester")

    result = repo.imports.licenses(load(path, "licenses"), operator="tester")

    assert (result.unchanged, result.seats_checked_out) == (1, 0)
    assert repo.licenses.get(license_id).available == 4


def test_lowering_seats_below_held_is_a_row_error(repo, tmp_path):
    rows = [license_row(Username=name, seats="3") for name in ("ada", "bob", "cy")]
    path = write_csv(tmp_path / "licenses.csv", LICENSE_HEADER, rows)
    repo.imports.licenses(load(path, "licenses"), operator="tester")
    smaller = write_csv(tmp_path / "smaller.csv", LICENSE_HEADER, [license_row(seats="2")])

    result = repo.imports.licenses(load(smaller, "licenses"), operator="tester")

    assert [(e.row, e.column, e.value) for e in result.errors] == [(1, "seats", "2")]
    assert repo.licenses.list()[0].seats == 3


def test_a_repeated_username_in_a_users_file_is_a_row_error(repo, tmp_path):
    path = write_csv(
        tmp_path / "users.csv",
        ["Username", "First Name"],
        [["ada", "Ada"], ["bob", "Bob"], ["ada", "Another"]],
    )
    result = repo.imports.users(load(path, "users"), skip_invalid=True)
    assert [(e.row, e.column, e.value) for e in result.errors] == [(3, "Username", "ada")]
    assert repo.people.user_by_username("ada").full_name == "Ada"


def test_updating_changes_only_columns_the_file_has(repo, tmp_path):
    add_user(repo, "ada", full_name="Ada L", email="old@example.org", department="R&D")
    path = write_csv(tmp_path / "users.csv", ["Username", "Email"], [["ada", "new@example.org"]])

    result = repo.imports.users(load(path, "users"))

    assert (result.updated, result.unchanged) == (1, 0)
    with repo.database.read() as session:
        user = session.query(User).filter_by(username="ada").one()
        assert (user.full_name, user.email, user.department) == (
            "Ada L",
            "new@example.org",
            "R&D",
        )


def test_a_thousand_rows_import_in_one_go(repo, tmp_path):
    rows = [
        license_row(
            **{
                "Item name": f"App {n % 150}",
                "serial number": f"K-{n % 150}",
                "seats": "40",
                "Username": f"user{n}",
            }
        )
        for n in range(1000)
    ]
    path = write_csv(tmp_path / "licenses.csv", LICENSE_HEADER, rows)

    result = repo.imports.licenses(load(path, "licenses"), operator="tester")

    assert (result.created, result.seats_checked_out, result.users_created) == (150, 1000, 1000)
    assert sum(item.held for item in repo.licenses.list()) == 1000
