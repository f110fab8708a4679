"""The demo database keeps its promises, and the same seed and day build the same database."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from assetloom_tui.demo import build_demo
from assetloom_tui.errors import AssetLoomError
from assetloom_tui.repository import Repository

DAY = dt.date(2026, 3, 15)
# Everything but recorded_at, which is the wall clock at build time.
DUMP = {
    "licenses": "SELECT * FROM licenses ORDER BY id",
    "users": "SELECT * FROM users ORDER BY id",
    "assets": "SELECT * FROM assets ORDER BY id",
    "assignments": "SELECT * FROM assignments ORDER BY id",
    "seat_events": "SELECT id, license_id, assignment_id, action, quantity, event_date, notes, "
    "operator FROM seat_events ORDER BY id",
}


def build(path: Path) -> Repository:
    repo = Repository(Repository.open(f"sqlite:///{path}").database, today=lambda: DAY)
    build_demo(repo, "demo-operator", today=DAY)
    return repo


def dump(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as connection:
        return {name: connection.execute(query).fetchall() for name, query in DUMP.items()}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    repo = build(path)
    yield repo, path
    repo.close()


def test_one_full_one_expired_one_not_reassignable(demo):
    repo, _ = demo
    licenses = repo.licenses.list()
    assert [item.name for item in licenses if item.available == 0] == [
        "Adobe Creative Cloud All Apps"
    ]
    expired = [i for i in licenses if i.expiration_date and i.expiration_date < DAY]
    assert len(expired) == 1
    assert len([item for item in licenses if not item.reassignable]) == 1
    assert all(0 <= item.available <= item.seats for item in licenses)


def test_sizes_are_in_the_promised_ranges_and_seats_are_out(demo):
    repo, path = demo
    assert 200 <= len(repo.people.users()) <= 500
    assert 200 <= len(repo.people.assets()) <= 500
    assert 24 <= len(repo.licenses.list()) <= 60
    held = sum(item.held for item in repo.licenses.list())
    with sqlite3.connect(path) as connection:
        events = dict(
            connection.execute("SELECT action, sum(quantity) FROM seat_events GROUP BY action")
        )
        user_seats = connection.execute(
            "SELECT count(*) FROM assignments WHERE user_id IS NOT NULL AND held > 0"
        ).fetchone()[0]
        asset_seats = connection.execute(
            "SELECT count(*) FROM assignments WHERE asset_id IS NOT NULL AND held > 0"
        ).fetchone()[0]
    assert held > 100
    assert events["checkout"] - events["checkin"] == held
    assert events["checkin"] > 0
    assert user_seats > 0 and asset_seats > 0


def test_the_same_seed_and_day_build_the_same_database(demo, tmp_path):
    _, first = demo
    second = tmp_path / "again.db"
    build(second).close()
    assert dump(first) == dump(second)


def test_the_demo_refuses_a_database_that_holds_data(demo):
    repo, _ = demo
    with pytest.raises(AssetLoomError, match="already holds data"):
        build_demo(repo, "demo-operator", today=DAY)


def test_demo_command_builds_into_a_chosen_file(tmp_path):
    path = tmp_path / "kept.db"
    command = [sys.executable, "-m", "assetloom_tui", "demo", "--db", str(path), "--no-open"]

    built = subprocess.run(command, capture_output=True, text=True, timeout=120)
    refused = subprocess.run(command, capture_output=True, text=True, timeout=120)

    assert built.returncode == 0, built.stderr
    assert str(path) in built.stdout and path.is_file()
    assert refused.returncode == 1 and "already holds data" in refused.stderr
