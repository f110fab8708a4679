"""The screens themselves: literal text from the database, the `/` filter, `?` help, the palette."""

from __future__ import annotations

import datetime as dt

from conftest import TODAY, add_license, add_user
from ui_helpers import SIZE, cell, make_app, press, settle, static_text, table, type_text

from assetloom_tui.schemas import CheckoutRequest
from assetloom_tui.ui.screens.checkout import CheckoutModal
from assetloom_tui.ui.screens.help import HelpModal
from assetloom_tui.ui.screens.license_detail import LicenseDetailScreen
from assetloom_tui.ui.screens.licenses import LicenseListScreen
from assetloom_tui.ui.widgets.filter_input import FilterInput

MARKUP_NAME = "[bold]Evil[/] [link=https://example.com]x[/link] [/i]"
MARKUP_NOTE = "[red]not red[/red] [@click=app.quit]q[/]"


async def test_markup_like_text_is_shown_literally(repo):
    license_id = add_license(repo, MARKUP_NAME, seats=3, product_key="[k]", notes=MARKUP_NOTE)
    user_id = add_user(repo, "[u]ser", full_name="[b]Bold[/b]")
    request = CheckoutRequest(
        license_id=license_id, target_type="user", target_id=user_id, notes=MARKUP_NOTE
    )
    repo.seats.checkout(request, "seed")
    app = make_app(repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert cell(pilot, "#records", license_id, 0) == MARKUP_NAME
        assert cell(pilot, "#records", license_id, 1) == "[k]"

        await press(pilot, "enter")
        assert MARKUP_NAME in static_text(pilot, "#license-summary")
        assert table(pilot, "#fields").row_text("Notes")[1] == MARKUP_NOTE
        await press(pilot, "2")
        [assignment] = repo.licenses.assignments(license_id)
        assert cell(pilot, "#assignment-table", assignment.id, 0) == "[u]ser ([b]Bold[/b])"
        assert cell(pilot, "#assignment-table", assignment.id, 4) == MARKUP_NOTE

        await press(pilot, "enter")
        assert static_text(pilot, "#target-summary").startswith("[u]ser")
        assert "[b]Bold[/b]" in static_text(pilot, "#target-summary")
        await press(pilot, "i")
        summary = " ".join(str(s.render()) for s in app.screen.query(".summary"))
        assert MARKUP_NAME in summary
        assert app.is_running


async def test_slash_filters_as_you_type_and_escape_leaves_the_filter(repo):
    names = ["Office Suite", "Office Viewer", "Photo Editor"]
    ids = {name: add_license(repo, name, seats=1) for name in names}
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert table(pilot, "#records").keys() == [str(ids[name]) for name in sorted(names)]

        await press(pilot, "slash")
        assert isinstance(app.focused, FilterInput)
        await type_text(pilot, "offi")
        offices = [str(ids[name]) for name in names if "offi" in name.lower()]
        assert table(pilot, "#records").keys() == offices
        await type_text(pilot, "ce v")
        assert table(pilot, "#records").keys() == [str(ids["Office Viewer"])]

        await press(pilot, "escape")
        assert app.focused is table(pilot, "#records")
        assert isinstance(app.screen, LicenseListScreen)
        await press(pilot, "enter")
        assert isinstance(app.screen, LicenseDetailScreen)
        assert app.screen.license_id == ids["Office Viewer"]


async def test_question_mark_lists_the_keys_of_the_screen(repo):
    add_license(repo, "Office Suite", seats=1)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "enter", "question_mark")
        assert isinstance(app.screen, HelpModal)
        described = {description for _key, description, _action, _node in app.screen.keys}
        assert {"Checkout", "Checkin", "Checkin All", "Back", "Users", "Assets"} <= described
        await press(pilot, "escape")
        assert isinstance(app.screen, LicenseDetailScreen)


async def test_every_footer_action_is_in_the_command_palette(repo):
    add_license(repo, "Office Suite", seats=1)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        titles = {command.title for command in app.get_system_commands(app.screen)}
        footer = {
            active.binding.description
            for active in app.screen.active_bindings.values()
            if active.binding.show and active.binding.description
        }
        assert footer - {"Palette", "palette"} <= titles
        await press(pilot, "ctrl+p")
        await type_text(pilot, "Checkout")
        await pilot.pause(0.3)
        await press(pilot, "enter")
        assert isinstance(app.screen, CheckoutModal)


async def test_full_and_expired_licenses_stand_out(repo):
    expired = TODAY - dt.timedelta(days=1)
    full_id = add_license(repo, "Full", seats=0, expiration_date=expired)
    fine_id = add_license(repo, "Fine", seats=2, expiration_date=TODAY)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        records = table(pilot, "#records")
        full_available = records.get_row(str(full_id))[4]
        assert full_available.plain == "0"
        assert "red" in str(full_available.style)
        assert "red" not in str(records.get_row(str(fine_id))[4].style)
        assert cell(pilot, "#records", full_id, 5) == f"{expired.isoformat()}!"
        assert cell(pilot, "#records", fine_id, 5) == TODAY.isoformat()
