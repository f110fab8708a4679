"""Live screens: a change made by another session shows up within 2 s, with no key pressed."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections.abc import Callable

from conftest import REPO_ROOT, add_license, add_user
from ui_helpers import (
    SIZE,
    cell,
    checkout,
    make_app,
    press,
    settle,
    static_text,
    table,
    type_text,
)

from assetloom_tui.repository import Repository
from assetloom_tui.ui.screens.license_detail import LicenseDetailScreen

AVAIL = 4
HELD = 3
ALERT_AVAIL = 3
DEADLINE_SECONDS = 2.0


async def shows_within(pilot, condition: Callable[[], bool]) -> bool:
    """Let the app run, without pressing anything, until `condition` holds or 2 s have passed."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


def seed(url: str) -> tuple[dict[str, int], int]:
    """Three licenses (two match 'office') and a user, written through their own repository."""
    repo = Repository.open(url)
    try:
        ids = {
            name: add_license(repo, name, seats=5)
            for name in ("Alpha Tool", "Beta Office", "Gamma Office")
        }
        return ids, add_user(repo, "alice")
    finally:
        repo.close()


def checkout_elsewhere(url: str, license_id: int, user_id: int, quantity: int) -> None:
    """Another session (its own repository and connections) checks seats out."""
    other = Repository.open(url)
    try:
        checkout(other, license_id, user_id, quantity)
    finally:
        other.close()


async def open_filtered_list(pilot, highlight: str) -> None:
    """Filter the license list to 'office' and highlight the `highlight` row."""
    await settle(pilot)
    await press(pilot, "slash")
    await type_text(pilot, "office")
    await press(pilot, "escape")
    while table(pilot, "#records").highlighted_key() != highlight:
        await press(pilot, "down")


async def test_license_list_follows_another_repository(any_db_url):
    ids, alice = seed(any_db_url)
    gamma = ids["Gamma Office"]
    repo = Repository.open(any_db_url)
    app = make_app(repo)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await open_filtered_list(pilot, str(gamma))
            assert cell(pilot, "#records", gamma, AVAIL) == "5"

            checkout_elsewhere(any_db_url, gamma, alice, 2)

            assert await shows_within(pilot, lambda: cell(pilot, "#records", gamma, AVAIL) == "3")
            records = table(pilot, "#records")
            assert records.highlighted_key() == str(gamma)
            assert records.keys() == [str(ids["Beta Office"]), str(gamma)]
            assert app.screen.filter_text == "office"
            assert repo.licenses.get(gamma).available == 3
    finally:
        repo.close()


async def test_license_detail_follows_another_repository(any_db_url):
    ids, alice = seed(any_db_url)
    beta = ids["Beta Office"]
    repo = Repository.open(any_db_url)
    app = make_app(repo)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await open_filtered_list(pilot, str(beta))
            await press(pilot, "enter", "2")
            assert isinstance(app.screen, LicenseDetailScreen)
            assert "Available 5" in static_text(pilot, "#license-summary")

            checkout_elsewhere(any_db_url, beta, alice, 4)

            assert await shows_within(
                pilot, lambda: "Available 1" in static_text(pilot, "#license-summary")
            )
            assert await shows_within(pilot, lambda: table(pilot, "#assignment-table").row_count)
            [assignment] = repo.licenses.assignments(beta)
            assert cell(pilot, "#assignment-table", assignment.id, 3) == "4"
            assert app.screen.active_tab == "assignments"
            assert repo.licenses.get(beta).available == 1

            # The list below followed too, and kept its filter and highlight.
            await press(pilot, "escape")
            assert cell(pilot, "#records", beta, AVAIL) == "1"
            assert table(pilot, "#records").highlighted_key() == str(beta)
            assert app.screen.filter_text == "office"
    finally:
        repo.close()


async def test_checkout_by_another_process_shows_on_the_list(any_db_url):
    ids, _alice = seed(any_db_url)
    gamma = ids["Gamma Office"]
    repo = Repository.open(any_db_url)
    app = make_app(repo)
    command = [sys.executable, "-m", "assetloom_tui", "--db", any_db_url, "checkout"]
    command += [str(gamma), "--user", "alice", "--qty", "3"]
    try:
        async with app.run_test(size=SIZE) as pilot:
            await open_filtered_list(pilot, str(gamma))
            assert cell(pilot, "#records", gamma, AVAIL) == "5"

            result = await asyncio.to_thread(
                subprocess.run,
                command,
                check=False,
                capture_output=True,
                text=True,
                cwd=REPO_ROOT,
                timeout=60,
            )
            assert result.returncode == 0, result.stderr

            assert await shows_within(pilot, lambda: cell(pilot, "#records", gamma, AVAIL) == "2")
            assert table(pilot, "#records").highlighted_key() == str(gamma)
            assert app.screen.filter_text == "office"
            assert repo.licenses.get(gamma).available == 2
    finally:
        repo.close()


async def test_user_profile_follows_another_repository(db_url):
    ids, alice = seed(db_url)
    repo = Repository.open(db_url)
    app = make_app(repo)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await press(pilot, "u", "enter")
            assert table(pilot, "#held-table").row_count == 0

            checkout_elsewhere(db_url, ids["Alpha Tool"], alice, 2)

            assert await shows_within(pilot, lambda: table(pilot, "#held-table").row_count == 1)
            [assignment] = repo.licenses.assignments(ids["Alpha Tool"])
            assert cell(pilot, "#held-table", assignment.id, 1) == "2"
    finally:
        repo.close()


async def test_alerts_and_user_list_follow_another_repository(db_url):
    repo = Repository.open(db_url)
    low = add_license(repo, "Seat Saver", seats=5, min_available=2)
    alice, bob = add_user(repo, "alice"), add_user(repo, "bob")
    app = make_app(repo)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await press(pilot, "u", "down")
            assert table(pilot, "#records").highlighted_key() == str(bob)
            assert cell(pilot, "#records", bob, HELD) == "0"

            checkout_elsewhere(db_url, low, bob, 3)

            assert await shows_within(pilot, lambda: cell(pilot, "#records", bob, HELD) == "3")
            assert table(pilot, "#records").highlighted_key() == str(bob)
            assert cell(pilot, "#records", alice, HELD) == "0"

            await press(pilot, "w")
            assert table(pilot, "#alerts-table").keys() == [str(low)]
            checkout_elsewhere(db_url, low, alice, 2)
            assert await shows_within(
                pilot, lambda: cell(pilot, "#alerts-table", low, ALERT_AVAIL) == "0"
            )
            assert repo.licenses.get(low).available == 0
    finally:
        repo.close()
