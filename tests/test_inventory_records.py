"""Adding, editing, deactivating and deleting licenses, users and assets under the seat rules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

from assetloom_tui.errors import ExpiredLicenseError, NotFoundError, SeatRuleError
from assetloom_tui.record_schemas import AssetFields, LicenseFields, UserFields
from assetloom_tui.repository import Repository
from assetloom_tui.schemas import (
    CheckinAllRequest,
    CheckinRequest,
    CheckoutRequest,
    field_errors,
)
from conftest import TODAY, add_asset, add_license, add_user


def checkout(repo, license_id, target_id, qty=1, target="user", allow_expired=False):
    request = CheckoutRequest(
        license_id=license_id,
        target_type=target,
        target_id=target_id,
        quantity=qty,
        allow_expired=allow_expired,
    )
    return repo.seats.checkout(request, operator="tester")


def office(**changes) -> LicenseFields:
    values = {"name": "Office Suite", "product_key": "K-1", "seats": "5", **changes}
    return LicenseFields(**values)


def test_add_license_with_every_field_as_typed(repo):
    fields = LicenseFields(
        name=" Visio ",
        product_key="V-9",
        manufacturer="Microsoft",
        category="Diagrams",
        seats="12",
        reassignable="no",
        expiration_date="2027-01-31",
        purchase_date="3/1/2026",
        purchase_cost="$1,234.50",
        order_number="PO-7",
        licensed_to_name="Finance",
        licensed_to_email="finance@example.org",
        supplier="Reseller",
        notes="line one\nline two",
        min_available="2",
    )

    license_id = repo.license_records.add(fields, operator="tester")

    detail = repo.licenses.get(license_id)
    assert (detail.name, detail.seats, detail.available, detail.reassignable) == (
        "Visio",
        12,
        12,
        False,
    )
    assert detail.expiration_date == dt.date(2027, 1, 31)
    assert detail.purchase_date == dt.date(2026, 3, 1)
    assert detail.purchase_cost == Decimal("1234.50")
    assert (detail.notes, detail.min_available) == ("line one\nline two", 2)
    [change] = repo.licenses.changes(license_id)
    assert (change.action, change.operator) == ("added", "tester")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", ""),
        ("name", "x" * 256),
        ("seats", ""),
        ("seats", "-1"),
        ("seats", "2.5"),
        ("reassignable", "maybe"),
        ("expiration_date", "2026-02-30"),
        ("purchase_date", "yesterday"),
        ("purchase_cost", "12,34"),
        ("purchase_cost", "-3"),
        ("licensed_to_email", "not-an-email"),
        ("min_available", "-2"),
        ("product_key", "two\nlines"),
    ],
)
def test_every_license_field_rule_names_its_field(field, value):
    with pytest.raises(ValidationError) as invalid:
        office(**{field: value})
    assert list(field_errors(invalid.value)) == [field]


def test_duplicate_name_and_product_key_is_refused_at_the_name(repo):
    repo.license_records.add(office(), "tester")

    with pytest.raises(SeatRuleError, match="already exists") as refused:
        repo.license_records.add(office(seats="3"), "tester")

    assert refused.value.field == "name"
    assert repo.license_records.add(office(product_key="K-2"), "tester")
    assert len(repo.licenses.list()) == 2


def test_edit_never_cuts_total_seats_below_held_and_says_where(repo):
    license_id = repo.license_records.add(office(), "tester")
    checkout(repo, license_id, add_user(repo, "alice"), 2)
    checkout(repo, license_id, add_asset(repo, "LAP-7"), 1, target="asset")

    with pytest.raises(SeatRuleError) as refused:
        repo.license_records.edit(license_id, office(seats="2"), "tester")

    assert refused.value.field == "seats"
    assert refused.value.message == (
        "Total Seats cannot be 2: 3 seats are checked out (alice 2, LAP-7 1). Check some in first."
    )
    assert repo.licenses.get(license_id).seats == 5
    summary = repo.license_records.edit(license_id, office(seats="3", reassignable="no"), "ed")
    assert summary == "Total Seats: 5 -> 3; Reassignable: yes -> no"
    assert (
        repo.licenses.get(license_id).available,
        repo.licenses.changes(license_id)[0].summary,
    ) == (0, summary)
    assert repo.license_records.edit(license_id, office(seats="3", reassignable="no"), "ed") == ""


def test_license_with_held_seats_cannot_be_deleted_then_can(repo):
    license_id = repo.license_records.add(office(), "tester")
    assignment = checkout(repo, license_id, add_user(repo, "alice"), 2)

    with pytest.raises(
        SeatRuleError, match=r"cannot be deleted: 2 seats are checked out \(alice 2\)"
    ):
        repo.license_records.delete(license_id, "tester")

    repo.seats.checkin_all(CheckinAllRequest(license_id=license_id, checkin_date=TODAY), "t")
    repo.license_records.delete(license_id, "tester")
    assert repo.licenses.list() == []
    with pytest.raises(NotFoundError):
        repo.licenses.get(license_id)
    assert [c.action for c in repo.licenses.changes(license_id)] == ["deleted", "added"]
    assert [e.action for e in repo.licenses.history(license_id)] == ["checkin", "checkout"]
    assert repo.seats.assignment(assignment.id).held == 0
    # The name is free again for a new license.
    assert repo.license_records.add(office(), "tester") != license_id


def test_deactivated_user_keeps_seats_and_history_but_gets_no_new_checkouts(repo):
    license_id = add_license(repo, seats=5)
    user_id = repo.user_records.add(UserFields(username="bob", full_name="Bob Brown"), "tester")
    checkout(repo, license_id, user_id, 2)

    summary = repo.user_records.set_active(user_id, False, "tester")

    assert summary == "Deactivated; still holds 'Office Suite' 2"
    assert repo.people.user(user_id).seats_held == 2
    assert [a.held for a in repo.people.user_assignments(user_id)] == [2]
    with pytest.raises(SeatRuleError, match="bob is inactive"):
        checkout(repo, license_id, user_id)
    assert repo.user_records.set_active(user_id, True, "tester") == "Reactivated"
    assert checkout(repo, license_id, user_id).held == 1


def test_deleting_a_user_or_asset_that_holds_seats_names_licenses_and_quantities(repo):
    office_id = add_license(repo, "Office Suite", seats=5)
    cad_id = add_license(repo, "CAD", seats=5)
    user_id = add_user(repo, "carol")
    asset_id = add_asset(repo, "PC-9")
    checkout(repo, office_id, user_id, 2)
    checkout(repo, office_id, user_id, 1)
    checkout(repo, cad_id, user_id, 1)
    checkout(repo, cad_id, asset_id, 3, target="asset")

    with pytest.raises(SeatRuleError) as user_refused:
        repo.user_records.delete(user_id, "tester")
    with pytest.raises(SeatRuleError) as asset_refused:
        repo.asset_records.delete(asset_id, "tester")

    assert user_refused.value.message == (
        "User carol cannot be deleted: it holds seats of 'Office Suite' 3, 'CAD' 1. "
        "Check them in first."
    )
    assert asset_refused.value.message == (
        "Asset PC-9 cannot be deleted: it holds seats of 'CAD' 3. Check them in first."
    )
    assert repo.people.user(user_id).seats_held == 4


def test_deleted_user_disappears_from_lists_and_frees_the_username(repo):
    user_id = repo.user_records.add(UserFields(username="dave"), "tester")

    repo.user_records.delete(user_id, "tester")

    assert [u.username for u in repo.people.users()] == []
    with pytest.raises(NotFoundError):
        checkout(repo, add_license(repo), user_id)
    again = repo.user_records.add(UserFields(username="dave"), "tester")
    assert repo.people.user_by_username("dave").id == again
    assert [c.action for c in repo.user_records.changes(user_id)] == ["deleted", "added"]


def test_user_and_asset_edits_refuse_taken_keys_and_record_what_changed(repo):
    repo.user_records.add(UserFields(username="erin"), "tester")
    frank = repo.user_records.add(UserFields(username="frank", email="f@example.org"), "tester")
    tag = repo.asset_records.add(AssetFields(asset_tag="A-1", name="Laptop"), "tester")

    with pytest.raises(SeatRuleError, match="already has the username 'erin'") as taken:
        repo.user_records.edit(frank, UserFields(username="erin"), "tester")
    summary = repo.user_records.edit(
        frank, UserFields(username="frank", email="frank@example.org", department="IT"), "ed"
    )
    asset_summary = repo.asset_records.edit(
        tag, AssetFields(asset_tag="A-1", name="Laptop", active="no"), "ed"
    )

    assert taken.value.field == "username"
    assert summary == "Email: f@example.org -> frank@example.org; Department: (blank) -> IT"
    assert asset_summary == "Active: yes -> no"
    assert repo.asset_records.changes(tag)[0].action == "deactivated"
    assert repo.people.asset(tag).active is False


@pytest.mark.parametrize(
    ("model", "field", "value"),
    [
        (UserFields, "username", " "),
        (UserFields, "email", "bob@"),
        (UserFields, "active", "perhaps"),
        (AssetFields, "asset_tag", ""),
        (AssetFields, "name", "n" * 300),
    ],
)
def test_user_and_asset_field_rules(model, field, value):
    key = "username" if model is UserFields else "asset_tag"
    with pytest.raises(ValidationError) as invalid:
        model(**{key: "k", field: value})
    assert list(field_errors(invalid.value)) == [field]


def test_expired_license_checkout_needs_confirmation_naming_the_date(repo):
    expired_on = TODAY - dt.timedelta(days=1)
    license_id = add_license(repo, seats=3, expiration_date=expired_on)
    last_day = add_license(repo, "Last day", seats=3, expiration_date=TODAY)
    user_id = add_user(repo)

    with pytest.raises(ExpiredLicenseError) as refused:
        checkout(repo, license_id, user_id)

    assert refused.value.expired_on == expired_on
    assert expired_on.isoformat() in refused.value.message
    assert repo.licenses.get(license_id).available == 3
    assert checkout(repo, license_id, user_id, allow_expired=True).held == 1
    assert checkout(repo, last_day, user_id).held == 1


def test_alerts_list_expired_expiring_and_low_licenses(repo):
    add_license(repo, "Expired", seats=5, expiration_date=TODAY - dt.timedelta(days=1))
    add_license(repo, "Soon", seats=5, expiration_date=TODAY + dt.timedelta(days=30))
    add_license(repo, "Later", seats=5, expiration_date=TODAY + dt.timedelta(days=31))
    low = add_license(repo, "Low", seats=4, min_available=2)
    add_license(repo, "Fine", seats=4, min_available=1)
    checkout(repo, low, add_user(repo), 2)

    alerts = {alert.license.name: alert.reasons for alert in repo.licenses.alerts()}
    wider = {alert.license.name for alert in repo.licenses.alerts(within_days=31)}

    assert alerts == {"Expired": ("expired",), "Soon": ("expiring",), "Low": ("low",)}
    assert wider == {"Expired", "Soon", "Later", "Low"}
    messages = {alert.license.name: alert.message for alert in repo.licenses.alerts()}
    assert messages["Low"] == "2 available, threshold 2"
    soon = (TODAY + dt.timedelta(days=30)).isoformat()
    assert messages["Soon"] == f"expires {soon} (in 30 days)"


def test_held_over_time_replays_the_history_day_by_day(repo):
    days = [TODAY - dt.timedelta(days=n) for n in (10, 7, 7)]
    clock = iter(days)
    dated = Repository(repo.database, today=lambda: next(clock))
    license_id = add_license(repo, seats=10)
    user_id = add_user(repo)

    first = checkout(dated, license_id, user_id, 4)
    checkout(dated, license_id, user_id, 2)
    checkout(dated, license_id, user_id, 1)
    returned = CheckinRequest(assignment_id=first.id, quantity=3, checkin_date=days[1])
    repo.seats.checkin(returned, "tester")

    # Ten days ago 4 went out; seven days ago 2 and 1 went out and 3 came back.
    assert repo.licenses.held_over_time(license_id) == [(days[0], 4), (days[1], 4)]


def test_alert_messages_count_days_in_words(repo):
    add_license(repo, "Today", seats=1, expiration_date=TODAY)
    add_license(repo, "Tomorrow", seats=1, expiration_date=TODAY + dt.timedelta(days=1))

    messages = {alert.license.name: alert.message for alert in repo.licenses.alerts()}

    assert messages == {
        "Today": f"expires {TODAY.isoformat()} (today)",
        "Tomorrow": f"expires {(TODAY + dt.timedelta(days=1)).isoformat()} (in 1 day)",
    }
