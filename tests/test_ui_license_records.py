"""License create, edit and delete through the real app: the form, field and seat rules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from conftest import add_license, add_user
from textual.widgets import Checkbox, TextArea
from ui_helpers import (
    SIZE,
    cell,
    checkout,
    field_error,
    fill,
    input_value,
    make_app,
    press,
    settle,
    static_text,
    type_text,
)

from assetloom_tui.errors import NotFoundError
from assetloom_tui.ui.screens.confirm import ConfirmDialog
from assetloom_tui.ui.screens.error import ErrorDialog
from assetloom_tui.ui.screens.license_detail import LicenseDetailScreen
from assetloom_tui.ui.screens.license_form import LicenseFormModal
from assetloom_tui.ui.screens.licenses import LicenseListScreen


async def test_new_license_through_the_form_is_listed_and_stored(repo):
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n")
        assert isinstance(app.screen, LicenseFormModal)
        await type_text(pilot, "Visio Plan 2")
        await press(pilot, "tab")
        await type_text(pilot, "VIS-2")
        await fill(pilot, "seats", "12")
        await press(pilot, "tab", "space")  # Reassignable: on by default, now off
        await fill(pilot, "expiration_date", "2027-01-31")
        await fill(pilot, "purchase_cost", "$1,234.50")
        await fill(pilot, "licensed_to_email", "it@example.org")
        app.screen.query_one("#notes", TextArea).focus()
        await type_text(pilot, "first")
        await press(pilot, "enter")
        await type_text(pilot, "second")
        await fill(pilot, "min_available", "2")
        await press(pilot, "ctrl+s")

        assert isinstance(app.screen, LicenseListScreen)
        [summary] = repo.licenses.list()
        assert cell(pilot, "#records", summary.id, 0) == "Visio Plan 2"
        assert cell(pilot, "#records", summary.id, 3) == "12"
        detail = repo.licenses.get(summary.id)
        assert (detail.product_key, detail.seats, detail.reassignable) == ("VIS-2", 12, False)
        assert detail.expiration_date == dt.date(2027, 1, 31)
        assert detail.purchase_cost == Decimal("1234.50")
        assert (detail.licensed_to_email, detail.notes) == ("it@example.org", "first\nsecond")
        assert (detail.min_available, detail.purchase_date, detail.manufacturer) == (2, None, "")
        assert [change.operator for change in repo.licenses.changes(summary.id)] == ["tester"]


@pytest.mark.parametrize(
    ("field", "typed", "expected"),
    [
        ("name", "", "Name is required"),
        ("seats", "-1", "Total Seats must be a whole number, 0 or more, not '-1'"),
        ("seats", "x", "Total Seats must be a whole number, 0 or more, not 'x'"),
        ("expiration_date", "2026-02-30", "Expiration Date is not a real calendar date"),
        ("purchase_date", "yesterday", "Purchase Date is not a date as YYYY-MM-DD or m/d/yyyy"),
        ("purchase_cost", "12,34", "Purchase Cost is not a cost like 1234.50 or $1,234.50"),
        ("licensed_to_email", "it@", "Licensed To Email is not an email address: 'it@'"),
        ("min_available", "x", "Minimum Available must be a whole number, 0 or more, not 'x'"),
    ],
)
async def test_each_license_field_rule_is_shown_at_its_field_and_nothing_is_written(
    repo, field, typed, expected
):
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n")
        await type_text(pilot, "Office Suite")
        await fill(pilot, "seats", "5")
        await fill(pilot, "supplier", "Reseller")
        await fill(pilot, field, typed)
        await press(pilot, "ctrl+s")

        assert isinstance(app.screen, LicenseFormModal)
        errors = {name: field_error(pilot, name) for name in ("name", "seats", field)}
        assert errors == {"name": "", "seats": "", field: expected}
        assert input_value(pilot, f"#{field}") == typed
        assert input_value(pilot, "#supplier") == "Reseller"
        assert app.focused is app.screen.query_one(f"#{field}")
        assert repo.licenses.list() == []


async def test_cutting_total_seats_below_held_is_refused_naming_the_holders(repo):
    license_id = add_license(repo, "Office Suite", seats=5)
    checkout(repo, license_id, add_user(repo, "alice"), 2)
    checkout(repo, license_id, add_user(repo, "bob"), 1)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "enter", "e")
        assert isinstance(app.screen, LicenseFormModal)
        assert input_value(pilot, "#name") == "Office Suite"
        await fill(pilot, "seats", "2")
        await press(pilot, "ctrl+s")

        assert isinstance(app.screen, LicenseFormModal)
        assert field_error(pilot, "seats") == (
            "Total Seats cannot be 2: 3 seats are checked out (alice 2, bob 1). "
            "Check some in first."
        )
        assert input_value(pilot, "#seats") == "2"
        assert repo.licenses.get(license_id).seats == 5
        assert repo.licenses.changes(license_id) == []

        await fill(pilot, "seats", "3")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, LicenseDetailScreen)
        assert "Total 3" in static_text(pilot, "#license-summary")
        assert repo.licenses.get(license_id).seats == 3

        # The History tab lists the edit among the checkouts, with the operator.
        await press(pilot, "3")
        [edited] = repo.licenses.changes(license_id)
        history = app.screen.query_one("#history-table")
        assert history.row_text(f"change-{edited.id}")[1:] == [
            "edited",
            "",
            "",
            "Total Seats: 5 -> 3",
            "tester",
        ]
        assert len(history.keys()) == 3


async def test_reassignable_off_shows_on_the_assignments_tab_and_checkin_is_refused(repo):
    license_id = add_license(repo, "Office Suite", seats=5)
    checkout(repo, license_id, add_user(repo, "alice"), 2)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "enter", "2")
        note = app.screen.query_one("#assignment-note")
        assert not note.display

        await press(pilot, "e")
        app.screen.query_one("#reassignable", Checkbox).focus()
        await press(pilot, "space", "ctrl+s")
        assert repo.licenses.get(license_id).reassignable is False
        assert note.display
        assert "not reassignable" in static_text(pilot, "#assignment-note")

        await press(pilot, "e")
        app.screen.query_one("#reassignable", Checkbox).focus()
        await press(pilot, "space", "ctrl+s")
        assert repo.licenses.get(license_id).reassignable is True
        assert not note.display


async def test_delete_is_refused_while_seats_are_held_then_allowed_after_checkin_all(repo):
    license_id = add_license(repo, "Office Suite", seats=5)
    other_id = add_license(repo, "Photo Editor", seats=1)
    checkout(repo, license_id, add_user(repo, "alice"), 2)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "enter", "d")
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question.startswith("Delete license 'Office Suite'?")
        await press(pilot, "y")
        assert isinstance(app.screen, ErrorDialog)
        assert app.screen.message == (
            "'Office Suite' cannot be deleted: 2 seats are checked out (alice 2). "
            "Check them in first."
        )
        await press(pilot, "enter")
        assert repo.licenses.get(license_id).seats == 5

        await press(pilot, "a", "ctrl+s")
        assert repo.licenses.get(license_id).held == 0
        await press(pilot, "d")
        await press(pilot, "n")  # No: nothing happens
        assert isinstance(app.screen, LicenseDetailScreen)
        assert repo.licenses.get(license_id).seats == 5

        await press(pilot, "d", "y")
        assert isinstance(app.screen, LicenseListScreen)
        assert app.screen.table.keys() == [str(other_id)]
        with pytest.raises(NotFoundError):
            repo.licenses.get(license_id)
        assert [change.action for change in repo.licenses.changes(license_id)] == ["deleted"]
