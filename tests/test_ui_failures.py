"""A database that fails, or a bug, shows a readable dialog; the app keeps running."""

from __future__ import annotations

from conftest import add_license, add_user
from ui_helpers import SIZE, input_value, make_app, press, settle, type_text

from assetloom_tui.errors import DatabaseError
from assetloom_tui.ui.screens.checkout import CheckoutModal
from assetloom_tui.ui.screens.error import ErrorDialog

LOCKED = "The database is locked by another session; nothing was written. Try again."


async def test_database_error_on_submit_shows_a_dialog_and_keeps_the_form(repo, monkeypatch):
    license_id = add_license(repo, "Office Suite", seats=3)
    add_user(repo, "alice")

    def locked(request, operator):
        raise DatabaseError(LOCKED)

    monkeypatch.setattr(repo.seats, "checkout", locked)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c")
        await type_text(pilot, "alice")
        await press(pilot, "enter", "2", "ctrl+s")
        assert isinstance(app.screen, ErrorDialog)
        assert app.screen.message == LOCKED
        await press(pilot, "enter")
        assert isinstance(app.screen, CheckoutModal)
        assert input_value(pilot, "#quantity") == "2"
        assert app.screen.form_error == LOCKED
    assert repo.licenses.assignments(license_id) == []


async def test_unexpected_failure_in_a_read_shows_a_dialog_not_a_traceback(repo, monkeypatch):
    add_license(repo, "Office Suite", seats=3)

    def broken(search: str = "", limit: int | None = None):
        raise RuntimeError("disk on fire [bold]")

    monkeypatch.setattr(repo.licenses, "list", broken)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ErrorDialog)
        assert app.screen.message == "RuntimeError: disk on fire [bold]"
        await press(pilot, "escape")
        assert app.is_running
