"""Forms while the database changes under them or makes them wait: say so, never lose a write."""

from __future__ import annotations

import sqlite3

from conftest import TODAY, add_license, add_user
from sqlalchemy.engine import make_url
from test_ui_live import shows_within
from textual.widgets import Label, Static
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
    type_text,
)

from assetloom_tui.repository import Repository
from assetloom_tui.schemas import CheckinRequest
from assetloom_tui.ui.screens.checkin import CheckinModal
from assetloom_tui.ui.screens.checkout import CheckoutModal
from assetloom_tui.ui.screens.form import WRITING

AVAIL = 4


def recording_toasts(app, monkeypatch) -> list[str]:
    """Every toast the app shows, in order."""
    toasts: list[str] = []
    show = app.notify

    def notify(message, **options):
        toasts.append(message)
        show(message, **options)

    monkeypatch.setattr(app, "notify", notify)
    return toasts


def quantity_label(pilot) -> str:
    """The label of the Assigned Quantity field, with its `(of N)`."""
    field = pilot.app.screen.query_one("#field-quantity")
    return str(field.query_one(".field-label", Label).render())


def lines_saying(pilot, words: str) -> int:
    """How many lines of the current screen contain `words`."""
    return sum(words in str(line.render()) for line in pilot.app.screen.query(Static))


async def open_checkout(pilot, who: str, quantity: str, notes: str) -> None:
    """From the license list: `c`, choose `who`, type a quantity and notes."""
    await settle(pilot)
    await press(pilot, "c")
    await type_text(pilot, who)
    await press(pilot, "enter")
    await fill(pilot, "quantity", quantity)
    await fill(pilot, "notes", notes)
    assert isinstance(pilot.app.screen, CheckoutModal)


async def test_checkout_form_says_availability_changed(repo, db_url, monkeypatch):
    license_id = add_license(repo, "Office Suite", seats=5)
    add_user(repo, "alice")
    bob = add_user(repo, "bob")
    app = make_app(repo)
    toasts = recording_toasts(app, monkeypatch)
    other = Repository.open(db_url)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await open_checkout(pilot, "alice", "2", "for the audit")
            assert quantity_label(pilot) == "Assigned Quantity (of 5)"
            assert app.screen.notice == ""

            checkout(other, license_id, bob, 3)

            expected = "Availability changed: now 2 seats available."
            assert await shows_within(pilot, lambda: app.screen.notice == expected)
            assert quantity_label(pilot) == "Assigned Quantity (of 2)"
            assert "2 seats available" in str(app.screen.query_one("#checkout-summary").render())
            assert input_value(pilot, "#quantity") == "2"
            assert input_value(pilot, "#notes") == "for the audit"
            assert app.screen.picker.chosen.code == "alice"

            await press(pilot, "ctrl+s")
            assert not isinstance(app.screen, CheckoutModal)
            assert toasts[-1] == "Checked out 2 seats of 'Office Suite' to alice."
            assert cell(pilot, "#records", license_id, AVAIL) == "0"
            assert repo.licenses.get(license_id).available == 0
    finally:
        other.close()


async def test_refused_checkout_shows_the_new_availability(repo, db_url):
    license_id = add_license(repo, "Office Suite", seats=3)
    add_user(repo, "alice")
    bob = add_user(repo, "bob")
    app = make_app(repo)
    other = Repository.open(db_url)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await open_checkout(pilot, "alice", "3", "new starter")
            checkout(other, license_id, bob, 1)
            await press(pilot, "ctrl+s")

            assert isinstance(app.screen, CheckoutModal)
            assert field_error(pilot, "quantity") == "Only 2 seats of 'Office Suite' available."
            assert app.screen.notice == "Availability changed: now 2 seats available."
            assert quantity_label(pilot) == "Assigned Quantity (of 2)"
            assert input_value(pilot, "#quantity") == "3"
            assert input_value(pilot, "#notes") == "new starter"
            assert [a.target for a in repo.licenses.assignments(license_id)] == ["bob"]

            await press(pilot, "escape")
            assert cell(pilot, "#records", license_id, AVAIL) == "2"
    finally:
        other.close()


async def test_escape_while_writing_keeps_the_form_until_the_write_lands(repo, db_url, monkeypatch):
    license_id = add_license(repo, "Office Suite", seats=5)
    add_user(repo, "alice")
    app = make_app(repo)
    toasts = recording_toasts(app, monkeypatch)
    lock = sqlite3.connect(make_url(db_url).database, isolation_level=None)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await open_checkout(pilot, "alice", "2", "while locked")
            lock.execute("BEGIN IMMEDIATE")
            await pilot.press("ctrl+s")
            assert await shows_within(pilot, lambda: app.screen.query_one("#form-writing").display)
            assert lines_saying(pilot, WRITING) == 1
            assert app.screen.query_one("#submit").disabled

            await pilot.press("escape")
            await pilot.pause(0.1)
            assert isinstance(app.screen, CheckoutModal)
            assert toasts[-1] == "Still writing: the form closes when the database answers."
            assert repo.licenses.assignments(license_id) == []

            lock.execute("ROLLBACK")
            await settle(pilot)
            assert not isinstance(app.screen, CheckoutModal)
            assert toasts[-1] == "Checked out 2 seats of 'Office Suite' to alice."
            assert cell(pilot, "#records", license_id, AVAIL) == "3"
            [assignment] = repo.licenses.assignments(license_id)
            assert (assignment.target, assignment.held) == ("alice", 2)
    finally:
        lock.close()


async def test_checkin_form_says_the_assignment_changed(repo, db_url):
    license_id = add_license(repo, "Office Suite", seats=5)
    alice = add_user(repo, "alice")
    assignment = checkout(repo, license_id, alice, 3)
    app = make_app(repo)
    other = Repository.open(db_url)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await press(pilot, "u", "enter", "i")
            assert isinstance(app.screen, CheckinModal)
            await fill(pilot, "notes", "laptop returned")

            request = CheckinRequest(assignment_id=assignment.id, quantity=1, checkin_date=TODAY)
            other.seats.checkin(request, "seed")

            expected = "Assignment changed: now 2 seats held."
            assert await shows_within(pilot, lambda: app.screen.notice == expected)
            assert "2 seats held (of 3" in str(app.screen.query_one("#checkin-held").render())
            assert input_value(pilot, "#notes") == "laptop returned"
            assert repo.seats.assignment(assignment.id).held == 2
    finally:
        other.close()


async def test_non_reassignable_refusal_is_said_once(repo):
    license_id = add_license(repo, "Office Suite", seats=5, reassignable=False)
    alice = add_user(repo, "alice")
    assignment = checkout(repo, license_id, alice, 2)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "u", "enter", "i")
        assert isinstance(app.screen, CheckinModal)
        assert lines_saying(pilot, "not reassignable") == 1

        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, CheckinModal)
        assert "'Office Suite' is not reassignable" in app.screen.form_error
        assert lines_saying(pilot, "not reassignable") == 1
        assert repo.seats.assignment(assignment.id).held == 2
