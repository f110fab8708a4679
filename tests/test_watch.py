"""The change watcher: it sees commits of other sessions and processes, and nothing else."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from conftest import REPO_ROOT, add_license, add_user
from ui_helpers import checkout

from assetloom_tui.errors import SeatRuleError
from assetloom_tui.repository import Repository


def changed_within(repo: Repository, seconds: float = 2.0) -> bool:
    """Ask the watcher until it says yes, up to a deadline."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if repo.watch.changed():
            return True
        time.sleep(0.05)
    return False


def test_commits_of_another_repository_are_seen_once(any_repo, any_db_url):
    license_id = add_license(any_repo, "Office Suite", seats=5)
    user_id = add_user(any_repo, "alice")
    assert any_repo.watch.changed() is False  # the starting point
    other = Repository.open(any_db_url)
    try:
        checkout(other, license_id, user_id, quantity=2)
        assert changed_within(any_repo)
        assert any_repo.watch.changed() is False
        assert any_repo.licenses.get(license_id).available == 3
    finally:
        other.close()


def test_reads_and_refused_writes_are_not_changes(any_repo, any_db_url):
    license_id = add_license(any_repo, "Office Suite", seats=1)
    user_id = add_user(any_repo, "alice")
    assert any_repo.watch.changed() is False
    other = Repository.open(any_db_url)
    try:
        other.licenses.list("")
        with pytest.raises(SeatRuleError, match="Only 1 seat"):
            checkout(other, license_id, user_id, quantity=2)
        time.sleep(0.3)
        assert any_repo.watch.changed() is False
    finally:
        other.close()


def test_a_checkout_by_another_process_is_seen(any_repo, any_db_url):
    license_id = add_license(any_repo, "Office Suite", seats=5)
    add_user(any_repo, "alice")
    assert any_repo.watch.changed() is False
    command = [sys.executable, "-m", "assetloom_tui", "--db", any_db_url, "checkout"]
    command += [str(license_id), "--user", "alice", "--qty", "2"]
    result = subprocess.run(
        command, check=False, capture_output=True, text=True, cwd=REPO_ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert changed_within(any_repo)
    assert any_repo.licenses.get(license_id).available == 3


def test_the_watcher_reopens_after_close(any_repo, any_db_url):
    license_id = add_license(any_repo, "Office Suite", seats=5)
    user_id = add_user(any_repo, "alice")
    assert any_repo.watch.changed() is False
    any_repo.watch.close()
    assert any_repo.watch.changed() is False
    other = Repository.open(any_db_url)
    try:
        checkout(other, license_id, user_id)
        assert changed_within(any_repo)
    finally:
        other.close()


def test_this_repositorys_own_writes_are_seen(any_repo):
    license_id = add_license(any_repo, "Office Suite", seats=5)
    user_id = add_user(any_repo, "alice")
    assert any_repo.watch.changed() is False
    checkout(any_repo, license_id, user_id)
    assert changed_within(any_repo)
