"""Helpers shared by the UI tests: start the app, let its workers finish, read its widgets."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, Static

from assetloom_tui.schemas import CheckoutRequest
from assetloom_tui.ui.app import AssetLoomApp
from assetloom_tui.ui.widgets.form_field import FormField
from assetloom_tui.ui.widgets.record_table import RecordTable

SIZE = (80, 24)


def make_app(repo) -> AssetLoomApp:
    """The app as the command line starts it."""
    return AssetLoomApp(repo, "tester")


async def settle(pilot: Pilot) -> None:
    """Wait until every database worker has finished and its result is on screen."""
    for _ in range(100):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in pilot.app.workers):
            return
    raise AssertionError("workers did not settle")


async def press(pilot: Pilot, *keys: str) -> None:
    """Press keys, then wait for the database work they start."""
    await pilot.press(*keys)
    await settle(pilot)


async def type_text(pilot: Pilot, text: str) -> None:
    """Type `text` key by key into the focused widget."""
    await press(pilot, *[{" ": "space"}.get(char, char) for char in text])


async def replace_text(pilot: Pilot, text: str) -> None:
    """Clear the focused input and type `text`."""
    focused = pilot.app.focused
    assert isinstance(focused, Input), f"focus is on {focused!r}, not an input"
    await press(pilot, "end", *["backspace"] * len(focused.value))
    await type_text(pilot, text)


def table(pilot: Pilot, selector: str) -> RecordTable:
    """A record table on the current screen."""
    return pilot.app.screen.query_one(selector, RecordTable)


def cell(pilot: Pilot, selector: str, key: object, column: int) -> str:
    """The plain text of one cell, as the operator reads it."""
    return table(pilot, selector).row_text(str(key))[column].strip()


def static_text(pilot: Pilot, selector: str) -> str:
    """The plain text a Static shows."""
    return str(pilot.app.screen.query_one(selector, Static).render())


def field_error(pilot: Pilot, name: str) -> str:
    """The error shown beside form field `name`."""
    return pilot.app.screen.query_one(f"#field-{name}", FormField).error


def input_value(pilot: Pilot, selector: str) -> str:
    """What an input on the current screen holds."""
    return pilot.app.screen.query_one(selector, Input).value


async def fill(pilot: Pilot, field: str, text: str) -> None:
    """Move to form field `field` (as Tab would) and type `text` over what it holds."""
    pilot.app.screen.query_one(f"#{field}", Input).focus()
    await settle(pilot)
    await replace_text(pilot, text)


def checkout(repo, license_id: int, target_id: int, quantity: int = 1, target_type="user"):
    """Check seats out through the repository, as setup for a test."""
    request = CheckoutRequest(
        license_id=license_id, target_type=target_type, target_id=target_id, quantity=quantity
    )
    return repo.seats.checkout(request, "seed")
