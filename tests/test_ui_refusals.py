"""Refused input: a message beside its field, the form keeps what was typed, nothing written."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import TODAY, add_license, add_user
from ui_helpers import (
    SIZE,
    field_error,
    input_value,
    make_app,
    press,
    replace_text,
    settle,
    type_text,
)

from assetloom_tui.schemas import CheckoutRequest
from assetloom_tui.ui.screens.checkin import CheckinModal
from assetloom_tui.ui.screens.checkout import CheckoutModal


async def open_checkout_for_alice(pilot) -> None:
    """From the license list: `c`, choose alice, land in Assigned Quantity."""
    await settle(pilot)
    await press(pilot, "c")
    await type_text(pilot, "alice")
    await press(pilot, "enter")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("9", "Only 3 seats of 'Office Suite' available."),
        ("0", "Quantity must be at least 1"),
        ("abc", "Quantity must be a whole number, not 'abc'"),
    ],
)
async def test_checkout_quantity_refused(repo, typed, expected):
    license_id = add_license(repo, "Office Suite", seats=3)
    add_user(repo, "alice")
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_checkout_for_alice(pilot)
        await replace_text(pilot, typed)
        await press(pilot, "tab")
        await type_text(pilot, "keep me")
        await press(pilot, "ctrl+s")

        assert isinstance(app.screen, CheckoutModal)
        assert field_error(pilot, "quantity") == expected
        assert input_value(pilot, "#quantity") == typed
        assert input_value(pilot, "#notes") == "keep me"
        assert app.screen.picker.chosen.code == "alice"
        assert repo.licenses.assignments(license_id) == []
        assert repo.licenses.history(license_id) == []

        await press(pilot, "escape")
        assert not isinstance(app.screen, CheckoutModal)
        assert repo.licenses.get(license_id).available == 3


async def test_checkout_without_a_target_is_refused(repo):
    license_id = add_license(repo, "Office Suite", seats=3)
    add_user(repo, "alice")
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c", "ctrl+s")
        assert isinstance(app.screen, CheckoutModal)
        assert "choose a user" in field_error(pilot, "target_id")
        assert repo.licenses.assignments(license_id) == []


def checked_out(repo, seats: int, reassignable: bool = True, quantity: int = 2):
    """A license with `quantity` seats out to alice; returns that assignment."""
    license_id = add_license(repo, "Office Suite", seats=seats, reassignable=reassignable)
    user_id = add_user(repo, "alice")
    request = CheckoutRequest(
        license_id=license_id, target_type="user", target_id=user_id, quantity=quantity
    )
    return repo.seats.checkout(request, "seed")


async def open_checkin_from_profile(pilot) -> None:
    """`u`, open alice, `i` on her one license."""
    await settle(pilot)
    await press(pilot, "u", "enter", "i")
    assert isinstance(pilot.app.screen, CheckinModal)


@pytest.mark.parametrize(
    ("field", "typed", "expected"),
    [
        ("checkin_date", (TODAY + dt.timedelta(days=1)).isoformat(), "is in the future"),
        ("checkin_date", "2026-02-30", "must be a date as YYYY-MM-DD"),
        ("quantity", "3", "is more than the 2 held"),
    ],
)
async def test_checkin_refused(repo, field, typed, expected):
    assignment = checked_out(repo, seats=5)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_checkin_from_profile(pilot)
        if field == "checkin_date":
            await press(pilot, "tab")
        await replace_text(pilot, typed)
        await press(pilot, "ctrl+s")

        assert isinstance(app.screen, CheckinModal)
        assert expected in field_error(pilot, field)
        assert input_value(pilot, f"#{field}") == typed
        assert repo.seats.assignment(assignment.id).held == assignment.held
        history = repo.licenses.history(assignment.license_id)
        assert [entry.action for entry in history] == ["checkout"]


async def test_checkin_on_non_reassignable_license_is_refused(repo):
    assignment = checked_out(repo, seats=5, reassignable=False)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_checkin_from_profile(pilot)
        await replace_text(pilot, "1")
        await press(pilot, "tab", "tab")
        await type_text(pilot, "returned")
        await press(pilot, "ctrl+s")

        assert isinstance(app.screen, CheckinModal)
        assert "is not reassignable" in app.screen.form_error
        assert input_value(pilot, "#quantity") == "1"
        assert input_value(pilot, "#notes") == "returned"
        assert repo.seats.assignment(assignment.id).held == assignment.held
