"""Expiry and shortage: list markers, Alerts screen, expired-checkout confirmation, usage."""

from __future__ import annotations

import datetime as dt

from conftest import TODAY, add_license, add_user
from textual.widgets import Sparkline
from ui_helpers import (
    SIZE,
    cell,
    checkout,
    input_value,
    make_app,
    press,
    replace_text,
    settle,
    static_text,
    table,
    type_text,
)

from assetloom_tui.ui.app import AssetLoomApp
from assetloom_tui.ui.screens.alerts import AlertsScreen
from assetloom_tui.ui.screens.checkout import CheckoutModal
from assetloom_tui.ui.screens.confirm import ConfirmDialog
from assetloom_tui.ui.screens.license_detail import LicenseDetailScreen
from assetloom_tui.ui.screens.licenses import FLAGS_COLUMN, USED_COLUMN

EXPIRES = 5  # column of Expires in the license list


def seed_alerts(repo) -> dict[str, int]:
    """One license of each kind of alert, and two that need none; returns ids by name."""
    user_id = add_user(repo, "alice")
    ids = {
        "Expired": add_license(repo, "Expired", seats=5, expiration_date=TODAY - dt.timedelta(1)),
        "Soon": add_license(repo, "Soon", seats=5, expiration_date=TODAY + dt.timedelta(10)),
        "Later": add_license(repo, "Later", seats=5, expiration_date=TODAY + dt.timedelta(11)),
        "Low": add_license(repo, "Low", seats=4, min_available=2),
        "Fine": add_license(repo, "Fine", seats=4, min_available=1),
    }
    checkout(repo, ids["Low"], user_id, 2)
    checkout(repo, ids["Fine"], user_id, 2)
    return ids


async def test_list_marks_and_alerts_screen_follow_the_app_window(repo):
    ids = seed_alerts(repo)
    app = AssetLoomApp(repo, "tester", expiry_window_days=10)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        flags = {name: cell(pilot, "#records", key, FLAGS_COLUMN) for name, key in ids.items()}
        assert flags == {"Expired": "E", "Soon": "S", "Later": "", "Low": "L", "Fine": ""}
        records = table(pilot, "#records")
        styles = {
            name: str(records.get_row(str(ids[name]))[EXPIRES].style)
            for name in ("Expired", "Soon")
        }
        assert styles == {"Expired": "bold red", "Soon": "bold yellow"}
        assert cell(pilot, "#records", ids["Expired"], EXPIRES).endswith("!")
        status = static_text(pilot, "#list-status")
        assert "E expired 1 · S expiring within 10 days 1 · L low 1" in status

        await press(pilot, "w")
        assert isinstance(app.screen, AlertsScreen)
        alerts = table(pilot, "#alerts-table")
        assert alerts.keys() == [str(ids[name]) for name in ("Expired", "Low", "Soon")]
        soon = (TODAY + dt.timedelta(10)).isoformat()
        assert alerts.row_text(str(ids["Soon"]))[:3] == [
            "S",
            "Soon",
            f"expires {soon} (in 10 days)",
        ]
        assert alerts.row_text(str(ids["Low"]))[2] == "2 available, threshold 2"

        await press(pilot, "down", "down", "enter")
        assert isinstance(app.screen, LicenseDetailScreen)
        assert app.screen.license_id == ids["Soon"]


async def test_expired_checkout_asks_naming_the_date_no_keeps_the_form_yes_writes(repo):
    expired_on = TODAY - dt.timedelta(days=3)
    license_id = add_license(repo, "Old CAD", seats=4, expiration_date=expired_on)
    add_user(repo, "alice")
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c")
        await type_text(pilot, "alice")
        await press(pilot, "enter")
        await replace_text(pilot, "2")
        await press(pilot, "tab")
        await type_text(pilot, "renewal pending")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question == (
            f"'Old CAD' expired on {expired_on.isoformat()}. Check out anyway?"
        )

        await press(pilot, "n")
        assert isinstance(app.screen, CheckoutModal)
        assert (input_value(pilot, "#quantity"), input_value(pilot, "#notes")) == (
            "2",
            "renewal pending",
        )
        assert repo.licenses.assignments(license_id) == []

        await press(pilot, "ctrl+s", "y")
        assert not isinstance(app.screen, (CheckoutModal, ConfirmDialog))
        [assignment] = repo.licenses.assignments(license_id)
        assert (assignment.target, assignment.held, assignment.notes) == (
            "alice",
            2,
            "renewal pending",
        )
        assert repo.licenses.get(license_id).available == 2
        assert cell(pilot, "#records", license_id, 4) == "2"


async def test_usage_bar_and_chart_of_seats_held(repo):
    license_id = add_license(repo, "Office Suite", seats=8)
    empty_id = add_license(repo, "Unused", seats=3)
    full_id = add_license(repo, "Full", seats=1)
    user_id = add_user(repo, "alice")
    checkout(repo, license_id, user_id, 3)
    checkout(repo, full_id, user_id, 1)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert cell(pilot, "#records", license_id, USED_COLUMN) == "███░░░░░"
        assert cell(pilot, "#records", empty_id, USED_COLUMN) == "░░░░░░░░"
        assert cell(pilot, "#records", full_id, USED_COLUMN) == "████████"

        await press(pilot, "enter", "4")
        assert app.screen.license_id == full_id
        await press(pilot, "escape", "down", "enter", "4")
        assert app.screen.license_id == license_id
        day_before = (TODAY - dt.timedelta(days=1)).isoformat()
        assert list(app.screen.query_one(Sparkline).data) == [0, 3]
        caption = static_text(pilot, "#usage-caption")
        assert f"{day_before} to {TODAY.isoformat()}: now 3 of 8" in caption
        assert str(app.screen.query_one("#usage-start").render()) == day_before
        assert str(app.screen.query_one("#usage-end").render()) == TODAY.isoformat()


async def test_every_new_action_is_in_the_command_palette_with_its_key(repo):
    add_license(repo, "Office Suite", seats=1)
    add_user(repo, "alice")
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)

        def commands() -> dict[str, str]:
            return {command.title: command.help for command in app.get_system_commands(app.screen)}

        listed = commands()
        for title, key in [("New", "n"), ("Edit", "e"), ("Delete", "d"), ("Alerts", "w")]:
            assert listed[title] == f"Key: {key}"
        await press(pilot, "enter")
        listed = commands()
        for title, key in [("Edit", "e"), ("Delete", "d"), ("Usage", "4"), ("Alerts", "w")]:
            assert listed[title] == f"Key: {key}"
        await press(pilot, "u", "enter")
        assert commands()["Deactivate/Reactivate"] == "Key: x"

        await press(pilot, "ctrl+p")
        await type_text(pilot, "Alerts")
        await pilot.pause(0.3)
        await press(pilot, "enter")
        assert isinstance(app.screen, AlertsScreen)
