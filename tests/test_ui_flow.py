"""The whole seat-desk flow through the real app: checkout to a user and an asset, checkin back."""

from __future__ import annotations

from conftest import add_asset, add_license, add_user
from ui_helpers import SIZE, cell, make_app, press, replace_text, settle, static_text, type_text

from assetloom_tui.ui.screens.asset_detail import AssetDetailScreen
from assetloom_tui.ui.screens.checkout import CheckoutModal
from assetloom_tui.ui.screens.license_detail import LicenseDetailScreen
from assetloom_tui.ui.screens.licenses import LicenseListScreen
from assetloom_tui.ui.screens.user_profile import UserProfileScreen

AVAILABLE = 4  # column of Avail in the license list
HELD = 1  # column of Held on a profile's Licenses tab


async def checkout_from_detail(pilot, search: str, quantity: int, notes: str, asset=False) -> None:
    """On a license detail: `c`, pick the target by typing, set quantity and notes, Ctrl+S."""
    await press(pilot, "c")
    assert isinstance(pilot.app.screen, CheckoutModal)
    if asset:
        await press(pilot, "shift+tab", "right", "enter", "tab")
    await type_text(pilot, search)
    await press(pilot, "enter")
    await replace_text(pilot, str(quantity))
    await press(pilot, "tab")
    await type_text(pilot, notes)
    await press(pilot, "ctrl+s")


async def test_checkout_to_user_then_checkin_one_from_profile(repo):
    total = 5
    license_id = add_license(repo, "Office Suite", seats=total, product_key="OFF-1")
    add_license(repo, "Antivirus", seats=3)
    add_user(repo, "alice", full_name="Alice Smith")
    add_user(repo, "alfred", full_name="Alfred Jones")
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert cell(pilot, "#records", license_id, AVAILABLE) == str(total)

        await press(pilot, "slash")
        await type_text(pilot, "Office")
        await press(pilot, "enter")
        assert isinstance(app.screen, LicenseDetailScreen)
        assert app.screen.license_id == license_id

        await checkout_from_detail(pilot, "alice", 2, "new laptop")
        assert isinstance(app.screen, LicenseDetailScreen)
        assert f"Available {total - 2}" in static_text(pilot, "#license-summary")
        assert repo.licenses.get(license_id).available == total - 2
        [assignment] = repo.licenses.assignments(license_id)
        assert (assignment.target, assignment.held, assignment.notes) == ("alice", 2, "new laptop")
        assert assignment.operator == "tester"

        await press(pilot, "2")
        assert cell(pilot, "#assignment-table", assignment.id, 3) == "2"
        await press(pilot, "enter")
        assert isinstance(app.screen, UserProfileScreen)
        assert cell(pilot, "#held-table", assignment.id, HELD) == "2"

        await press(pilot, "i")
        assert pilot.app.screen.query_one("#quantity").value == "2"
        await replace_text(pilot, "1")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, UserProfileScreen)
        assert cell(pilot, "#held-table", assignment.id, HELD) == "1"
        assert repo.licenses.get(license_id).available == total - 1
        assert repo.seats.assignment(assignment.id).held == 1

        await press(pilot, "escape")
        assert isinstance(app.screen, LicenseDetailScreen)
        assert f"Available {total - 1}" in static_text(pilot, "#license-summary")
        await press(pilot, "l")
        assert isinstance(app.screen, LicenseListScreen)
        assert cell(pilot, "#records", license_id, AVAILABLE) == str(total - 1)


async def test_checkout_to_asset_then_checkin_from_asset_detail(repo):
    total = 4
    license_id = add_license(repo, "CAD Pro", seats=total)
    asset_id = add_asset(repo, "LAP-042", name="Design laptop")
    add_asset(repo, "LAP-043", name="Spare")
    add_user(repo, "alice")
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        await checkout_from_detail(pilot, "LAP-042", 2, "", asset=True)
        [assignment] = repo.licenses.assignments(license_id)
        assert (assignment.target_type, assignment.target_id) == ("asset", asset_id)
        assert assignment.held == 2
        assert f"Available {total - 2}" in static_text(pilot, "#license-summary")

        await press(pilot, "s")
        await press(pilot, "slash")
        await type_text(pilot, "LAP-042")
        await press(pilot, "enter")
        assert isinstance(app.screen, AssetDetailScreen)
        assert cell(pilot, "#held-table", assignment.id, HELD) == "2"
        await press(pilot, "i")
        await replace_text(pilot, "1")
        await press(pilot, "ctrl+s")
        assert cell(pilot, "#held-table", assignment.id, HELD) == "1"
        assert repo.licenses.get(license_id).available == total - 1

        await press(pilot, "l")
        assert cell(pilot, "#records", license_id, AVAILABLE) == str(total - 1)
