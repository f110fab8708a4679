"""Users and assets through the real app: add, edit, deactivate, delete, and their history."""

from __future__ import annotations

from conftest import add_asset, add_license, add_user
from textual.widgets import Checkbox, OptionList
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

from assetloom_tui.ui.screens.asset_detail import AssetDetailScreen
from assetloom_tui.ui.screens.checkout import CheckoutModal
from assetloom_tui.ui.screens.confirm import ConfirmDialog
from assetloom_tui.ui.screens.error import ErrorDialog
from assetloom_tui.ui.screens.user_form import UserFormModal
from assetloom_tui.ui.screens.user_profile import UserProfileScreen
from assetloom_tui.ui.screens.users import UserListScreen

ACTIVE = 4  # column of Active in the user list
HELD = 1  # column of Held on a profile's Licenses tab


async def test_deactivated_user_is_marked_keeps_seats_and_is_not_offered_for_checkout(
    repo, monkeypatch
):
    license_id = add_license(repo, "Office Suite", seats=5)
    bob = add_user(repo, "bob", full_name="Bob Brown")
    add_user(repo, "bella")
    assignment = checkout(repo, license_id, bob, 2)
    app = make_app(repo)
    toasts = []
    show_toast = app.notify

    def notify(message, **options):
        toasts.append(message)
        show_toast(message, **options)

    monkeypatch.setattr(app, "notify", notify)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "u", "slash")
        await type_text(pilot, "bob")
        await press(pilot, "escape", "x")
        assert cell(pilot, "#records", bob, ACTIVE) == "no"
        assert repo.people.user(bob).active is False
        [change] = repo.user_records.changes(bob)
        assert change.summary == "Deactivated; still holds 'Office Suite' 2"
        assert toasts[-1] == (
            "User bob: Deactivated; still holds 'Office Suite' 2; "
            "no new checkouts until reactivated."
        )

        await press(pilot, "enter")
        assert isinstance(app.screen, UserProfileScreen)
        assert "inactive" in static_text(pilot, "#target-summary")
        assert cell(pilot, "#held-table", assignment.id, HELD) == "2"

        await press(pilot, "l", "c")
        assert isinstance(app.screen, CheckoutModal)
        await type_text(pilot, "b")
        matches = app.screen.query_one("#target-matches", OptionList)
        offered = [matches.get_option_at_index(i).id for i in range(matches.option_count)]
        assert offered == [str(user.id) for user in repo.people.users() if user.active]
        assert str(bob) not in offered
        await press(pilot, "escape")

        await press(pilot, "u", "slash")
        await type_text(pilot, "bob")
        await press(pilot, "escape", "x")
        assert repo.people.user(bob).active is True
        assert cell(pilot, "#records", bob, ACTIVE) == "yes"


async def test_deleting_a_user_who_holds_seats_is_refused_naming_licenses_and_quantities(repo):
    office = add_license(repo, "Office Suite", seats=5)
    cad = add_license(repo, "CAD", seats=5)
    carol = add_user(repo, "carol")
    checkout(repo, office, carol, 2)
    checkout(repo, office, carol, 1)
    checkout(repo, cad, carol, 1)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "u", "enter", "d")
        assert isinstance(app.screen, ConfirmDialog)
        assert "carol" in app.screen.question
        await press(pilot, "y")
        assert isinstance(app.screen, ErrorDialog)
        assert app.screen.message == (
            "User carol cannot be deleted: it holds seats of 'Office Suite' 3, 'CAD' 1. "
            "Check them in first."
        )
        await press(pilot, "escape")
        assert isinstance(app.screen, UserProfileScreen)
        assert repo.people.user(carol).seats_held == 4


async def test_add_edit_and_delete_a_user_from_the_list(repo):
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "u", "n")
        assert isinstance(app.screen, UserFormModal)
        await type_text(pilot, "dave")
        await fill(pilot, "email", "dave@")
        await press(pilot, "ctrl+s")
        assert field_error(pilot, "email") == "Email is not an email address: 'dave@'"
        assert repo.people.users() == []

        await fill(pilot, "email", "dave@example.org")
        await fill(pilot, "department", "IT")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, UserListScreen)
        [dave] = repo.people.users()
        assert (dave.username, dave.email, dave.active) == ("dave", "dave@example.org", True)

        await press(pilot, "e")
        assert input_value(pilot, "#department") == "IT"
        await fill(pilot, "full_name", "Dave Doe")
        app.screen.query_one("#active", Checkbox).focus()
        await press(pilot, "space", "ctrl+s")
        assert repo.people.user(dave.id).full_name == "Dave Doe"
        assert repo.people.user(dave.id).active is False
        assert cell(pilot, "#records", dave.id, ACTIVE) == "no"

        await press(pilot, "d", "y")
        assert repo.people.users() == []
        actions = [change.action for change in repo.user_records.changes(dave.id)]
        assert actions == ["deleted", "deactivated", "added"]


async def test_asset_detail_edit_deactivate_and_history(repo):
    license_id = add_license(repo, "CAD", seats=3)
    asset_id = add_asset(repo, "LAP-7", name="Laptop")
    assignment = checkout(repo, license_id, asset_id, 2, target_type="asset")
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "s", "enter")
        assert isinstance(app.screen, AssetDetailScreen)
        await press(pilot, "e")
        await fill(pilot, "location", "Room 4")
        await press(pilot, "ctrl+s", "x")
        assert "Location: Room 4" in static_text(pilot, "#target-summary")
        assert repo.people.asset(asset_id).active is False
        assert cell(pilot, "#held-table", assignment.id, HELD) == "2"

        await press(pilot, "2")
        history = app.screen.query_one("#history-table")
        deactivated, edited = repo.asset_records.changes(asset_id)
        assert history.keys() == [
            f"change-{deactivated.id}",
            f"change-{edited.id}",
            f"seat-{repo.licenses.history(license_id)[0].id}",
        ]
        assert history.row_text(f"change-{edited.id}")[4] == "Location: (blank) -> Room 4"
        assert history.row_text(f"seat-{repo.licenses.history(license_id)[0].id}")[1:4] == [
            "checkout",
            "2",
            "CAD",
        ]
