"""Checkin All from the license detail: one date and note, then every seat back."""

from __future__ import annotations

from conftest import TODAY, add_asset, add_license, add_user
from ui_helpers import SIZE, make_app, press, settle, static_text, type_text

from assetloom_tui.schemas import CheckoutRequest
from assetloom_tui.ui.screens.checkin_all import CheckinAllDialog
from assetloom_tui.ui.screens.license_detail import LicenseDetailScreen


def seed(repo, reassignable: bool = True) -> tuple[int, int]:
    """A 6-seat license with 2 seats out to a user and 3 to an asset; returns (license, held)."""
    license_id = add_license(repo, "Design Suite", seats=6, reassignable=reassignable)
    targets = [("user", add_user(repo, "alice"), 2), ("asset", add_asset(repo, "LAP-1"), 3)]
    for target_type, target_id, quantity in targets:
        request = CheckoutRequest(
            license_id=license_id, target_type=target_type, target_id=target_id, quantity=quantity
        )
        repo.seats.checkout(request, "seed")
    return license_id, sum(quantity for _type, _id, quantity in targets)


async def test_checkin_all_after_confirmation(repo):
    license_id, held = seed(repo)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        assert "Available 1" in static_text(pilot, "#license-summary")
        await press(pilot, "a")
        assert isinstance(app.screen, CheckinAllDialog)
        await press(pilot, "escape")
        assert isinstance(app.screen, LicenseDetailScreen)
        assert repo.licenses.get(license_id).held == held

        await press(pilot, "a", "tab")
        await type_text(pilot, "end of project")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, LicenseDetailScreen)
        assert "Available 6" in static_text(pilot, "#license-summary")
        assert repo.licenses.get(license_id).available == 6
        assert repo.licenses.assignments(license_id) == []
        checkins = [e for e in repo.licenses.history(license_id) if e.action == "checkin"]
        assert sorted(e.quantity for e in checkins) == [2, 3]
        assert {(e.event_date, e.notes, e.operator) for e in checkins} == {
            (TODAY, "end of project", "tester")
        }


async def test_checkin_all_refused_on_non_reassignable_license(repo):
    license_id, held = seed(repo, reassignable=False)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "enter", "a", "tab")
        await type_text(pilot, "try")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, CheckinAllDialog)
        assert "is not reassignable" in app.screen.form_error
        assert app.screen.value("notes") == "try"
        assert repo.licenses.get(license_id).held == held
