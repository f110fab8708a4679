"""The seat rules, enforced by the repository whatever the caller."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError
from sqlalchemy import func, select

from assetloom_tui.errors import NotFoundError, SeatRuleError
from assetloom_tui.models import Assignment, SeatEvent
from assetloom_tui.record_schemas import LicenseFields
from assetloom_tui.repository import Repository
from assetloom_tui.schemas import (
    CheckinAllRequest,
    CheckinRequest,
    CheckoutRequest,
    field_errors,
)
from conftest import TODAY, add_asset, add_license, add_user


def checkout(repo: Repository, license_id: int, target_id: int, qty: int, target="user"):
    request = CheckoutRequest(
        license_id=license_id, target_type=target, target_id=target_id, quantity=qty
    )
    return repo.seats.checkout(request, operator="tester")


def checkin(repo: Repository, assignment_id: int, qty: int, on: dt.date = TODAY):
    request = CheckinRequest(assignment_id=assignment_id, quantity=qty, checkin_date=on)
    return repo.seats.checkin(request, operator="tester")


def count(repo: Repository, model) -> int:
    with repo.database.read() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_checkout_lowers_available_and_records_history(repo):
    license_id = add_license(repo, seats=5)
    user_id = add_user(repo, "alice", full_name="Alice Archer")

    assignment = checkout(repo, license_id, user_id, 2)

    assert (assignment.held, assignment.quantity, assignment.target) == (2, 2, "alice")
    assert assignment.checkout_date == TODAY
    detail = repo.licenses.get(license_id)
    assert (detail.seats, detail.held, detail.available) == (5, 2, 3)
    [event] = repo.licenses.history(license_id)
    assert (event.action, event.quantity, event.operator, event.target) == (
        "checkout",
        2,
        "tester",
        "alice",
    )


def test_checkout_to_an_asset(repo):
    license_id = add_license(repo, seats=3)
    asset_id = add_asset(repo, "LAP-7", name="Design laptop")

    assignment = checkout(repo, license_id, asset_id, 3, target="asset")

    assert (assignment.target_type, assignment.target, assignment.target_name) == (
        "asset",
        "LAP-7",
        "Design laptop",
    )
    assert repo.licenses.get(license_id).available == 0
    assert [a.id for a in repo.people.asset_assignments(asset_id)] == [assignment.id]


def test_checkout_more_than_available_is_refused_and_writes_nothing(repo):
    license_id = add_license(repo, seats=4)
    user_id = add_user(repo)
    checkout(repo, license_id, user_id, 3)

    with pytest.raises(SeatRuleError, match="Only 1 seat of 'Office Suite' available") as refused:
        checkout(repo, license_id, user_id, 2)

    assert refused.value.field == "quantity"
    assert count(repo, Assignment) == 1
    assert count(repo, SeatEvent) == 1
    assert repo.licenses.get(license_id).available == 1


@pytest.mark.parametrize("quantity", [0, -1, "0", "2.5", "", "two", True, "²", "٣", "１", "--5"])
def test_checkout_quantity_must_be_a_whole_number_of_at_least_one(quantity):
    with pytest.raises(ValidationError) as invalid:
        CheckoutRequest(license_id=1, target_type="user", target_id=1, quantity=quantity)
    assert list(field_errors(invalid.value)) == ["quantity"]


def test_checkout_target_is_user_or_asset_only():
    with pytest.raises(ValidationError):
        CheckoutRequest(license_id=1, target_type="location", target_id=1)


def test_inactive_or_missing_target_cannot_receive_seats(repo):
    license_id = add_license(repo, seats=2)
    leaver = add_user(repo, "leaver", active=False)

    with pytest.raises(SeatRuleError, match="leaver is inactive"):
        checkout(repo, license_id, leaver, 1)
    with pytest.raises(NotFoundError):
        checkout(repo, license_id, 999, 1, target="asset")
    with pytest.raises(NotFoundError):
        checkout(repo, 999, leaver, 1)
    assert count(repo, Assignment) == 0


def test_checkin_returns_seats_up_to_what_is_held(repo):
    license_id = add_license(repo, seats=5)
    assignment = checkout(repo, license_id, add_user(repo), 3)

    after = checkin(repo, assignment.id, 2)

    assert after.held == 1
    assert repo.licenses.get(license_id).available == 4
    with pytest.raises(SeatRuleError, match="more than the 1 held") as refused:
        checkin(repo, assignment.id, 2)
    assert refused.value.field == "quantity"
    checkin(repo, assignment.id, 1)
    assert repo.licenses.get(license_id).available == 5
    assert repo.licenses.assignments(license_id) == []
    with pytest.raises(SeatRuleError, match="already been checked in"):
        checkin(repo, assignment.id, 1)
    actions = [(e.action, e.quantity) for e in repo.licenses.history(license_id)]
    assert actions == [("checkin", 1), ("checkin", 2), ("checkout", 3)]


def test_checkin_date_between_checkout_date_and_today(repo):
    license_id = add_license(repo, seats=5)
    assignment = checkout(repo, license_id, add_user(repo), 2)

    with pytest.raises(SeatRuleError, match="in the future") as future:
        checkin(repo, assignment.id, 1, on=TODAY + dt.timedelta(days=1))
    with pytest.raises(SeatRuleError, match="before the checkout date") as early:
        checkin(repo, assignment.id, 1, on=TODAY - dt.timedelta(days=1))

    assert future.value.field == early.value.field == "checkin_date"
    assert repo.licenses.get(license_id).available == 3
    assert checkin(repo, assignment.id, 1, on=TODAY).held == 1


def test_non_reassignable_license_cannot_be_checked_in(repo):
    license_id = add_license(repo, seats=5, reassignable=False)
    assignment = checkout(repo, license_id, add_user(repo), 2)

    with pytest.raises(SeatRuleError, match="not reassignable"):
        checkin(repo, assignment.id, 1)
    with pytest.raises(SeatRuleError, match="not reassignable"):
        repo.seats.checkin_all(CheckinAllRequest(license_id=license_id, checkin_date=TODAY), "t")
    assert repo.licenses.get(license_id).available == 3
    assert count(repo, SeatEvent) == 1


def test_checkin_all_returns_every_seat_with_one_record_per_assignment(repo):
    license_id = add_license(repo, seats=10)
    other_id = add_license(repo, name="Other", seats=2)
    alice, bob = add_user(repo, "alice"), add_user(repo, "bob")
    asset = add_asset(repo, "PC-1")
    checkout(repo, license_id, alice, 2)
    partly_returned = checkout(repo, license_id, bob, 3)
    checkout(repo, license_id, asset, 4, target="asset")
    checkout(repo, other_id, alice, 1)
    checkin(repo, partly_returned.id, 1)

    result = repo.seats.checkin_all(
        CheckinAllRequest(license_id=license_id, checkin_date=TODAY, notes="end of project"),
        operator="tester",
    )

    assert (result.assignments, result.seats) == (3, 2 + 2 + 4)
    assert repo.licenses.get(license_id).available == 10
    assert repo.licenses.get(other_id).available == 1
    checkins = [e for e in repo.licenses.history(license_id) if e.notes == "end of project"]
    assert sorted((e.target, e.quantity) for e in checkins) == [
        ("PC-1", 4),
        ("alice", 2),
        ("bob", 2),
    ]
    with pytest.raises(SeatRuleError, match="No seats"):
        repo.seats.checkin_all(CheckinAllRequest(license_id=license_id, checkin_date=TODAY), "t")


def test_total_seats_can_rise_but_never_drop_below_held(repo):
    license_id = add_license(repo, seats=3)
    checkout(repo, license_id, add_user(repo, "alice"), 3)

    def set_total(seats: int):
        fields = LicenseFields(name="Office Suite", seats=seats)
        repo.license_records.edit(license_id, fields, operator="tester")
        return repo.licenses.get(license_id)

    raised = set_total(8)
    assert (raised.seats, raised.available) == (8, 5)
    with pytest.raises(SeatRuleError, match=r"cannot be 2: 3 seats are checked out \(alice 3\)"):
        set_total(2)
    exact = set_total(3)
    assert (exact.seats, exact.available) == (3, 0)


def test_a_failed_transaction_leaves_no_trace(repo):
    license_id = add_license(repo, seats=5)
    user_id = add_user(repo)

    with pytest.raises(RuntimeError), repo.database.write() as session:
        session.add(
            Assignment(
                license_id=license_id,
                user_id=user_id,
                quantity=1,
                held=1,
                checkout_date=TODAY,
                operator="x",
            )
        )
        session.flush()
        raise RuntimeError("power cut")

    fresh = Repository.open(repo.database.url)
    assert fresh.licenses.get(license_id).available == 5
    fresh.close()


def test_license_list_filters_and_counts_in_sql(repo):
    office = add_license(repo, "Office Suite", seats=5, product_key="AAA-1", manufacturer="Contoso")
    add_license(repo, "CAD 100% Pro_", seats=2, manufacturer="Fabrikam")
    checkout(repo, office, add_user(repo), 4)

    everything = {row.name: row.available for row in repo.licenses.list()}
    assert everything == {"Office Suite": 1, "CAD 100% Pro_": 2}
    assert [row.name for row in repo.licenses.list("contoso")] == ["Office Suite"]
    assert [row.name for row in repo.licenses.list("aaa-")] == ["Office Suite"]
    assert [row.name for row in repo.licenses.list("100%")] == ["CAD 100% Pro_"]
    assert repo.licenses.list("0%_x") == []


@pytest.mark.parametrize("typed", ["20261204", "2026-2-3", "2026-02-30", "02/03/2026", " "])
def test_checkin_date_must_be_written_yyyy_mm_dd(typed):
    with pytest.raises(ValidationError) as invalid:
        CheckinRequest(assignment_id=1, quantity=1, checkin_date=typed)
    assert list(field_errors(invalid.value)) == ["checkin_date"]


def test_checkin_all_date_before_a_checkout_names_whose_seats(repo):
    license_id = add_license(repo, seats=5)
    early, late = TODAY - dt.timedelta(days=9), TODAY - dt.timedelta(days=2)
    dates = iter([early, late])
    dated = Repository(repo.database, today=lambda: next(dates))
    checkout(dated, license_id, add_user(repo, "alice"), 1)
    checkout(dated, license_id, add_user(repo, "bob"), 1)
    between = TODAY - dt.timedelta(days=5)

    with pytest.raises(SeatRuleError) as refused:
        repo.seats.checkin_all(CheckinAllRequest(license_id=license_id, checkin_date=between), "t")

    assert refused.value.message == (
        f"Checkin Date {between.isoformat()} is before the checkout date {late.isoformat()} "
        "of the seats checked out to bob."
    )
    assert repo.licenses.get(license_id).available == 3


def test_a_checkout_dated_tomorrow_elsewhere_can_be_checked_in_on_its_own_date(repo):
    tomorrow = TODAY + dt.timedelta(days=1)
    abroad = Repository(repo.database, today=lambda: tomorrow)
    license_id = add_license(repo, seats=5)
    first = checkout(abroad, license_id, add_user(repo, "kenji"), 2)
    checkout(abroad, license_id, add_user(repo, "mei"), 1)

    with pytest.raises(SeatRuleError, match="in the future"):
        checkin(repo, first.id, 1, on=tomorrow + dt.timedelta(days=1))
    checkin(repo, first.id, 1, on=tomorrow)
    defaulted = repo.seats.checkin(CheckinRequest(assignment_id=first.id, quantity=1), "t")
    result = repo.seats.checkin_all(CheckinAllRequest(license_id=license_id), "t")

    assert defaulted.held == 0
    assert result.seats == 1
    dates = {entry.event_date for entry in repo.licenses.history(license_id)}
    assert dates == {tomorrow}
