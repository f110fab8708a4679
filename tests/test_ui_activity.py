"""The Activity screen and the History tabs through the real app: what the log holds, filtered."""

from __future__ import annotations

import datetime as dt

from conftest import TODAY
from sqlalchemy import update
from ui_helpers import SIZE, make_app, press, settle, static_text, table, type_text

from assetloom_tui.models import ChangeEvent, SeatEvent
from assetloom_tui.record_schemas import AssetFields, LicenseFields, UserFields
from assetloom_tui.schemas import CheckinRequest, CheckoutRequest
from assetloom_tui.ui.screens import activity
from assetloom_tui.ui.screens.activity import ActivityScreen
from assetloom_tui.ui.screens.asset_detail import AssetDetailScreen
from assetloom_tui.ui.screens.help import HelpModal
from assetloom_tui.ui.screens.license_detail import LicenseDetailScreen

UTC = dt.UTC


def build_log(repo) -> dict[str, int]:
    """ann adds a license, a user and an asset; cat checks seats out; dan checks one in."""
    ids = {
        "cad": repo.license_records.add(LicenseFields(name="CAD [pro]", seats="6"), "ann"),
        "office": repo.license_records.add(LicenseFields(name="Office", seats="2"), "ann"),
        "bob": repo.user_records.add(UserFields(username="bob"), "ann"),
        "pc": repo.asset_records.add(AssetFields(asset_tag="PC-1"), "ann"),
    }
    to_bob = repo.seats.checkout(
        CheckoutRequest(
            license_id=ids["cad"], target_type="user", target_id=ids["bob"], quantity=3
        ),
        "cat",
    )
    repo.seats.checkout(
        CheckoutRequest(license_id=ids["office"], target_type="asset", target_id=ids["pc"]), "cat"
    )
    repo.seats.checkin(
        CheckinRequest(
            assignment_id=to_bob.id, quantity=1, checkin_date=TODAY, notes="left\nthe team"
        ),
        "dan",
    )
    return ids


def keys_of(repo, **wanted) -> list[str]:
    """The keys the repository gives the entries matching `wanted`, newest first."""
    filter_ = activity.ActivityFilter(**wanted)
    return [key for key, _entry in repo.activity.keyed_entries(filter_)]


def column(records, index: str) -> list:
    """One column (or, for "1:", a slice of cells) of every row, top to bottom."""
    keys = records.keys()
    start, colon, end = index.partition(":")
    cut = slice(int(start), int(end) if end else None) if colon else int(start)
    return [records.row_text(key)[cut] for key in keys]


async def open_activity(pilot) -> ActivityScreen:
    await settle(pilot)
    await press(pilot, "y")
    assert isinstance(pilot.app.screen, ActivityScreen)
    return pilot.app.screen


async def test_activity_lists_every_entry_newest_first_in_local_time(repo):
    build_log(repo)
    with repo.database.write() as session:
        session.execute(
            update(SeatEvent)
            .where(SeatEvent.action == "checkin")
            .values(recorded_at=dt.datetime(2026, 3, 14, 23, 30, tzinfo=UTC))
        )
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_activity(pilot)

        log = table(pilot, "#activity-table")
        assert log.keys() == keys_of(repo)
        assert len(log.keys()) == 7
        checkin_key = keys_of(repo, action="checkin")[0]
        local = dt.datetime(2026, 3, 14, 23, 30, tzinfo=UTC).astimezone()
        assert log.row_text(checkin_key) == [
            local.strftime("%Y-%m-%d %H:%M"),
            "dan",
            "checkin",
            "CAD [pro]",
            "bob",
            "1",
            "left the team",
        ]
        assert static_text(pilot, "#activity-status") == "7 entries, newest first."


async def test_a_filter_narrows_the_log_and_a_bad_date_is_named(repo):
    ids = build_log(repo)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_activity(pilot)

        await press(pilot, "slash", "tab")
        await type_text(pilot, "bob")
        await press(pilot, "enter")
        log = table(pilot, "#activity-table")
        assert log.keys() == keys_of(repo, username="bob")
        assert column(log, "2") == ["checkin", "checkout", "added"]
        assert static_text(pilot, "#activity-status") == "3 entries match the filters."

        pilot.app.screen.query_one("#filter-operator").focus()
        await type_text(pilot, "cat")
        await press(pilot, "enter")
        assert log.keys() == keys_of(repo, username="bob", operator="cat")
        assert column(log, "3") == ["CAD [pro]"]

        pilot.app.screen.query_one("#filter-since").focus()
        await type_text(pilot, "2026-3-1")
        await press(pilot, "enter")
        assert static_text(pilot, "#activity-status") == "Since must be a date as YYYY-MM-DD."
        assert log.keys() == keys_of(repo, username="bob", operator="cat")

        screen = pilot.app.screen
        screen.query_one("#filter-since").clear()
        screen.query_one("#filter-operator").clear()
        screen.query_one("#filter-license").focus()
        await type_text(pilot, str(ids["office"]))
        await press(pilot, "enter")
        # Office's one checkout went to the asset, not to bob.
        assert log.keys() == []
        assert static_text(pilot, "#activity-status") == "No entry matches the filters."

        screen.query_one("#filter-license").clear()
        screen.query_one("#filter-user").clear()
        screen.query_one("#filter-user").focus()
        await type_text(pilot, "bobb")
        await press(pilot, "enter")
        assert static_text(pilot, "#activity-status") == (
            "No entry matches the filters. Note: no user is named 'bobb'."
        )


async def test_since_and_until_are_local_days(repo):
    build_log(repo)
    day = dt.date(2026, 2, 10)
    start = dt.datetime(day.year, day.month, day.day).astimezone()
    with repo.database.write() as session:
        session.execute(update(ChangeEvent).values(recorded_at=start - dt.timedelta(seconds=1)))
        session.execute(update(SeatEvent).values(recorded_at=start))
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_activity(pilot)

        screen.query_one("#filter-since").focus()
        await type_text(pilot, day.isoformat())
        await press(pilot, "enter")
        shown = table(pilot, "#activity-table")
        assert column(shown, "2") == ["checkin"] + ["checkout"] * 2

        screen.query_one("#filter-since").clear()
        screen.query_one("#filter-until").focus()
        await type_text(pilot, (day - dt.timedelta(days=1)).isoformat())
        await press(pilot, "enter")
        assert column(shown, "2") == ["added"] * 4


async def test_the_log_is_capped_and_says_so(repo, monkeypatch):
    build_log(repo)
    monkeypatch.setattr(activity, "LIMIT", 5)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_activity(pilot)

        assert table(pilot, "#activity-table").keys() == keys_of(repo)[:5]
        assert static_text(pilot, "#activity-status") == (
            "The newest 5 entries: narrow them with the filters (press /)."
        )


async def test_enter_opens_the_license_of_the_entry(repo):
    ids = build_log(repo)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_activity(pilot)
        log = table(pilot, "#activity-table")
        # The newest entries: dan's checkin of CAD, then cat's checkout of Office.
        await press(pilot, "down")
        assert log.row_text(log.highlighted_key())[3] == "Office"
        assert "of Office to PC-1" in static_text(pilot, "#activity-line")

        await press(pilot, "enter")
        assert isinstance(app.screen, LicenseDetailScreen)
        assert app.screen.license_id == ids["office"]


async def test_activity_key_is_in_help_and_palette(repo):
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert "Activity" in titles
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpModal)
        assert ("y", "Activity") in {(key, text) for key, text, _a, _n in app.screen.keys}


async def test_history_tabs_show_the_log_of_the_license_and_the_asset(repo):
    ids = build_log(repo)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_license(ids["cad"])
        await settle(pilot)
        await press(pilot, "3")
        history = table(pilot, "#history-table")
        assert history.keys() == keys_of(repo, license_id=ids["cad"])
        newest = repo.activity.entries(activity.ActivityFilter(license_id=ids["cad"]))[0]
        assert column(history, "0")[0] == newest.recorded_at.astimezone().strftime("%Y-%m-%d %H:%M")
        assert column(history, "1:") == [
            ["checkin", "1", "bob", "left the team", "dan"],
            ["checkout", "3", "bob", "", "cat"],
            ["added", "", "", "Added with 6 seats", "ann"],
        ]

        app.open_target("asset", ids["pc"])
        await settle(pilot)
        assert isinstance(app.screen, AssetDetailScreen)
        await press(pilot, "2")
        history = table(pilot, "#history-table")
        assert history.keys() == keys_of(repo, asset_id=ids["pc"])
        assert column(history, "1:4") == [
            ["checkout", "1", "Office"],
            ["added", "", ""],
        ]
