"""Importing Snipe-IT's own sample exports; every expected number is computed here from the CSV."""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from assetloom_tui.importers import load
from assetloom_tui.models import Assignment, License, SeatEvent, User
from assetloom_tui.repository import Repository
from assetloom_tui.schemas import CheckinAllRequest
from conftest import TODAY

BOOLEAN_WORDS = {"yes", "no", "true", "false", "1", "0", ""}
TABLES = ("licenses", "users", "assets", "assignments", "seat_events")


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def bad_license_rows(rows: list[dict[str, str]]) -> list[int]:
    """Data-row numbers (1-based) whose reassignable or seats value cannot be read."""
    return [
        number
        for number, row in enumerate(rows, start=1)
        if row["reassignable"].strip().lower() not in BOOLEAN_WORDS
        or not row["seats"].strip().isdigit()
    ]


def table_counts(repo: Repository) -> dict[str, int]:
    path = repo.database.engine.url.database
    with sqlite3.connect(path) as connection:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def us_date(text: str) -> dt.date | None:
    return dt.datetime.strptime(text, "%m/%d/%Y").date() if text else None


def test_users_sample_creates_every_user_active_then_changes_nothing(repo, snipeit_dir):
    path = snipeit_dir / "users-sample.csv"
    rows = read_rows(path)
    not_activated = [row for row in rows if row["Activated"].lower() == "false"]
    assert not_activated, "the sample should have users who may not log in to Snipe-IT"

    first = repo.imports.users(load(path, "users"))
    again = repo.imports.users(load(path, "users"))

    assert (first.created, first.updated, first.unchanged, first.failed) == (len(rows), 0, 0, 0)
    assert (again.created, again.updated, again.unchanged, again.failed) == (0, 0, len(rows), 0)
    users = {user.username: user for user in repo.people.users()}
    assert len(users) == len({row["Username"] for row in rows})
    for row in rows:
        user = users[row["Username"]]
        assert user.full_name == f"{row['First Name']} {row['Last Name']}".strip()
        assert user.email == row["Email"]
        assert user.active


def test_assets_sample_ignores_hardware_checkouts(repo, snipeit_dir):
    path = snipeit_dir / "assets-sample.csv"
    rows = read_rows(path)
    assert any(row["Checked Out To: Username"] for row in rows)

    result = repo.imports.assets(load(path, "assets"))

    assert (result.created, result.failed) == (len(rows), 0)
    assets = {asset.asset_tag: asset for asset in repo.people.assets()}
    for row in rows:
        asset = assets[row["Asset Tag"]]
        assert (asset.name, asset.model, asset.location) == (
            row["Name"],
            row["Model"],
            row["Location"],
        )
        assert asset.seats_held == 0
    assert table_counts(repo)["assignments"] == 0
    assert repo.imports.assets(load(path, "assets")).unchanged == len(rows)


def test_a_bad_license_row_means_nothing_is_written(repo, snipeit_dir):
    path = snipeit_dir / "licenses-sample.csv"
    rows = read_rows(path)
    bad = bad_license_rows(rows)
    assert bad, "the sample is known to carry values that must be rejected"
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    before = table_counts(repo)

    result = repo.imports.licenses(load(path, "licenses"), operator="tester")

    assert not result.written
    assert table_counts(repo) == before
    assert result.failed == len(bad)
    assert result.created == len(rows) - len(bad)
    reported = {(error.row, error.column, error.value) for error in result.errors}
    for number in bad:
        row = rows[number - 1]
        assert (number, "reassignable", row["reassignable"]) in reported
        error = next(error for error in result.errors if error.row == number)
        start = f"{row['Full Name']},{row['Email']},{row['Username']},"
        assert lines[error.line - 1].startswith(start), f"line {error.line} is not row {number}"


def test_dry_run_reports_what_would_happen_and_writes_nothing(repo, snipeit_dir):
    path = snipeit_dir / "licenses-sample.csv"
    good = len(read_rows(path)) - len(bad_license_rows(read_rows(path)))

    result = repo.imports.licenses(
        load(path, "licenses"), operator="tester", dry_run=True, skip_invalid=True
    )

    assert (result.created, result.seats_checked_out, result.written) == (good, good, False)
    assert table_counts(repo) == dict.fromkeys(TABLES, 0)


def test_skip_invalid_writes_exactly_the_good_rows_and_their_seats(repo, snipeit_dir):
    path = snipeit_dir / "licenses-sample.csv"
    rows = read_rows(path)
    bad = set(bad_license_rows(rows))
    good = [row for number, row in enumerate(rows, start=1) if number not in bad]

    result = repo.imports.licenses(load(path, "licenses"), operator="tester", skip_invalid=True)

    assert result.written
    assert (result.created, result.failed) == (len(good), len(bad))
    assert result.seats_checked_out == len(good)
    with repo.database.read() as session:
        stored = {(lic.name, lic.product_key): lic for lic in session.query(License)}
        users = {user.username: user for user in session.query(User)}
        operators = [event.operator for event in session.query(SeatEvent)]
        held_by = {(a.license_id, a.user_id): a.held for a in session.query(Assignment) if a.held}
        assert len(stored) == len(good)
        summaries = {item.id: item for item in repo.licenses.list()}
        for row in good:
            license_ = stored[(row["Item name"], row["serial number"])]
            seats = int(row["seats"])
            assert license_.seats == seats
            assert summaries[license_.id].available == seats - 1
            assert held_by[(license_.id, users[row["Username"]].id)] == 1
            assert license_.reassignable == (
                row["reassignable"].lower() in {"yes", "true", "1", ""}
            )
            cost = Decimal(row["purchase cost"].lstrip("$").replace(",", ""))
            assert license_.purchase_cost == cost
            assert license_.purchase_date == us_date(row["purchase date"])
            assert license_.expiration_date == us_date(row["expiration date"])
            assert license_.notes == row["notes"]
            assert users[row["Username"]].email == row["Email"]
    assert operators == ["tester"] * len(good)


def test_multi_line_notes_are_kept_exactly(repo, snipeit_dir):
    path = snipeit_dir / "licenses-sample.csv"
    rows = read_rows(path)
    multi_line = {row["Item name"]: row["notes"] for row in rows if "\n" in row["notes"]}
    assert multi_line

    repo.imports.licenses(load(path, "licenses"), operator="tester", skip_invalid=True)

    details = {item.name: repo.licenses.get(item.id).notes for item in repo.licenses.list()}
    kept = {name: notes for name, notes in multi_line.items() if name in details}
    assert kept
    for name, notes in kept.items():
        assert details[name] == notes


def test_re_importing_every_sample_changes_nothing(repo, snipeit_dir):
    for kind in ("users", "assets", "licenses"):
        path = snipeit_dir / f"{kind}-sample.csv"
        if kind == "licenses":
            repo.imports.licenses(load(path, kind), operator="tester", skip_invalid=True)
        else:
            getattr(repo.imports, kind)(load(path, kind))
    before = table_counts(repo)

    again = repo.imports.licenses(
        load(snipeit_dir / "licenses-sample.csv", "licenses"), operator="tester", skip_invalid=True
    )

    rows = read_rows(snipeit_dir / "licenses-sample.csv")
    good = len(rows) - len(bad_license_rows(rows))
    assert (again.created, again.updated, again.unchanged) == (0, 0, good)
    assert (again.seats_checked_out, again.users_created) == (0, 0)
    assert table_counts(repo) == before


@pytest.mark.parametrize("kind", ["users", "assets", "licenses"])
def test_samples_parse_without_a_database(snipeit_dir, kind):
    rows = read_rows(snipeit_dir / f"{kind}-sample.csv")
    parsed = load(snipeit_dir / f"{kind}-sample.csv", kind)
    expected_bad = len(bad_license_rows(rows)) if kind == "licenses" else 0
    assert (len(parsed.rows), len(parsed.errors)) == (len(rows) - expected_bad, expected_bad)


def test_re_importing_after_a_checkin_does_not_check_the_seat_out_again(repo, snipeit_dir):
    path = snipeit_dir / "licenses-sample.csv"
    repo.imports.licenses(load(path, "licenses"), operator="tester", skip_invalid=True)
    first = read_rows(path)[0]
    [license_] = repo.licenses.list(first["serial number"])
    repo.seats.checkin_all(CheckinAllRequest(license_id=license_.id, checkin_date=TODAY), "t")

    again = repo.imports.licenses(load(path, "licenses"), operator="tester", skip_invalid=True)

    assert again.seats_checked_out == 0
    assert repo.licenses.get(license_.id).available == int(first["seats"])
