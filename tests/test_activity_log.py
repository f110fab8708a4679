"""The activity log: every change recorded once, filters, and the ledger check, on both backends."""

from __future__ import annotations

import datetime as dt
import sqlite3

from sqlalchemy import update

from assetloom_tui.importers import load
from assetloom_tui.models import Assignment
from assetloom_tui.record_schemas import AssetFields, LicenseFields, UserFields
from assetloom_tui.repository.activity import ActivityFilter
from assetloom_tui.schemas import CheckinAllRequest, CheckinRequest, CheckoutRequest
from conftest import TODAY


def test_every_kind_of_action_is_logged_once_with_its_operator(any_repo, tmp_path):
    repo = any_repo
    license_id = repo.license_records.add(LicenseFields(name="CAD", seats="6"), "ann")
    user_id = repo.user_records.add(UserFields(username="bob"), "ann")
    asset_id = repo.asset_records.add(AssetFields(asset_tag="PC-1"), "ann")
    to_bob = repo.seats.checkout(
        CheckoutRequest(license_id=license_id, target_type="user", target_id=user_id, quantity=3),
        "cat",
    )
    repo.seats.checkout(
        CheckoutRequest(license_id=license_id, target_type="asset", target_id=asset_id), "cat"
    )
    repo.seats.checkin(
        CheckinRequest(assignment_id=to_bob.id, quantity=1, checkin_date=TODAY, notes="spare"),
        "dan",
    )
    repo.seats.checkin_all(CheckinAllRequest(license_id=license_id, checkin_date=TODAY), "dan")
    repo.license_records.edit(license_id, LicenseFields(name="CAD", seats="8"), "eve")
    repo.user_records.set_active(user_id, False, "eve")
    users_csv = tmp_path / "users.csv"
    users_csv.write_text("Username,First Name\ncarol,Carol\n", encoding="utf-8")
    repo.imports.users(load(users_csv, "users"), operator="fay")
    repo.asset_records.delete(asset_id, "fay")

    log = repo.activity.entries()

    actions = [(entry.action, entry.operator) for entry in reversed(log)]
    assert actions == [
        ("added", "ann"), ("added", "ann"), ("added", "ann"),
        ("checkout", "cat"), ("checkout", "cat"),
        ("checkin", "dan"), ("checkin", "dan"), ("checkin", "dan"),
        ("edited", "eve"), ("deactivated", "eve"),
        ("imported", "fay"), ("deleted", "fay"),
    ]  # fmt: skip
    assert all(entry.recorded_at.tzinfo is not None for entry in log)
    bob = repo.activity.entries(ActivityFilter(username="bob"))
    assert [(e.action, e.quantity) for e in reversed(bob)] == [
        ("added", None),
        ("checkout", 3),
        ("checkin", 1),
        ("checkin", 2),
        ("deactivated", None),
    ]
    cad = repo.activity.entries(ActivityFilter(license_id=license_id))
    assert len(cad) == 1 + 2 + 3 + 1
    pc = repo.activity.entries(ActivityFilter(asset_tag="PC-1"))
    assert [(e.action, e.target) for e in reversed(pc)] == [
        ("added", "PC-1"), ("checkout", "PC-1"), ("checkin", "PC-1"), ("deleted", "PC-1")
    ]  # fmt: skip
    assert {e.operator for e in repo.activity.entries(ActivityFilter(action="checkin"))} == {"dan"}
    assert repo.activity.check() == []


def test_date_filters_take_a_utc_window(any_repo):
    repo = any_repo
    repo.license_records.add(LicenseFields(name="A", seats="1"), "ann")
    now = dt.datetime.now(dt.UTC)

    assert len(repo.activity.entries(ActivityFilter(since=now - dt.timedelta(minutes=5)))) == 1
    assert repo.activity.entries(ActivityFilter(since=now + dt.timedelta(minutes=5))) == []
    assert repo.activity.entries(ActivityFilter(until=now - dt.timedelta(minutes=5))) == []


def test_check_reports_an_assignment_that_no_longer_matches_its_history(any_repo):
    repo = any_repo
    license_id = repo.license_records.add(LicenseFields(name="A", seats="5"), "ann")
    user_id = repo.user_records.add(UserFields(username="bob"), "ann")
    request = CheckoutRequest(
        license_id=license_id, target_type="user", target_id=user_id, quantity=3
    )
    assignment = repo.seats.checkout(request, "ann")
    with repo.database.write() as session:
        session.execute(update(Assignment).where(Assignment.id == assignment.id).values(held=1))

    [problem] = repo.activity.check()

    assert (problem.assignment_id, problem.held, problem.logged_held) == (assignment.id, 1, 3)
    assert problem.message == (
        f"License {license_id} 'A', assignment {assignment.id}: holds 1 of 3, "
        "but its history adds up to 3 of 3."
    )


def test_check_reports_history_whose_assignment_row_is_gone(repo, db_url):
    license_id = repo.license_records.add(LicenseFields(name="A", seats="5"), "ann")
    user_id = repo.user_records.add(UserFields(username="bob"), "ann")
    request = CheckoutRequest(
        license_id=license_id, target_type="user", target_id=user_id, quantity=2
    )
    assignment = repo.seats.checkout(request, "ann")
    # A hand edit of the file, without foreign keys: the row goes, its history stays.
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as raw:
        raw.execute("DELETE FROM assignments WHERE id = ?", (assignment.id,))

    [problem] = repo.activity.check()

    assert problem.message == (
        f"License {license_id} 'A', assignment {assignment.id}: missing, but its history adds "
        "up to 2 of 2."
    )
