"""Shared fixtures: a real SQLite file per test, and the Snipe-IT sample exports."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pg_server
import pytest

from assetloom_tui.cli import main
from assetloom_tui.models import Asset, License, User
from assetloom_tui.repository import Repository

REPO_ROOT = Path(__file__).resolve().parents[1]
SNIPEIT_DIR = REPO_ROOT.parent / "shared" / "data" / "snipeit"
TODAY = dt.date(2026, 3, 15)


@pytest.fixture(scope="session")
def snipeit_dir() -> Path:
    """The Snipe-IT sample exports beside the repository; missing data is a failure, not a skip."""
    for name in ("users-sample.csv", "assets-sample.csv", "licenses-sample.csv"):
        if not (SNIPEIT_DIR / name).is_file():
            pytest.fail(f"Snipe-IT sample {name} is missing from {SNIPEIT_DIR}")
    return SNIPEIT_DIR


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A fresh SQLite file for one test."""
    return f"sqlite:///{tmp_path / 'assetloom.db'}"


@pytest.fixture(scope="session")
def postgres():
    """One throwaway PostgreSQL server for the whole run (skipped where none can start)."""
    try:
        server = pg_server.start_server()
    except pg_server.PostgresUnavailable as missing:
        if os.environ.get(pg_server.REQUIRED_VARIABLE):
            pytest.fail(f"PostgreSQL is required here but unavailable: {missing}")
        pytest.skip(f"PostgreSQL tests skipped: {missing}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_url(request, tmp_path: Path) -> str:
    """A fresh database on each backend: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'assetloom.db'}"
    return request.getfixturevalue("postgres").database_url()


def _fixed_day_repository(url: str) -> Repository:
    opened = Repository.open(url)
    return Repository(opened.database, today=lambda: TODAY)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """The SQLite file a command-line test points `--db` at."""
    return tmp_path / "desk.db"


@pytest.fixture
def desk(db_path: Path):
    """A repository on the command's file, with the real 'today' like the command."""
    repository = Repository.open(f"sqlite:///{db_path}")
    yield repository
    repository.close()


@pytest.fixture
def cli(capsys, db_path: Path):
    """Run the command in this process on `db_path`; returns (exit status, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", str(db_path), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture
def repo(db_url: str):
    """A repository on a fresh SQLite file whose 'today' is fixed at TODAY."""
    repository = _fixed_day_repository(db_url)
    yield repository
    repository.close()


@pytest.fixture
def any_repo(any_db_url: str):
    """A repository on a fresh database of each backend, 'today' fixed at TODAY."""
    repository = _fixed_day_repository(any_db_url)
    yield repository
    repository.close()


def add_license(repo: Repository, name: str = "Office Suite", seats: int = 5, **fields) -> int:
    """Insert a license directly and return its id."""
    with repo.database.write() as session:
        license_ = License(name=name, seats=seats, **fields)
        session.add(license_)
        session.flush()
        return license_.id


def add_user(repo: Repository, username: str = "alice", active: bool = True, **fields) -> int:
    """Insert a user directly and return its id."""
    with repo.database.write() as session:
        user = User(username=username, active=active, **fields)
        session.add(user)
        session.flush()
        return user.id


def add_asset(repo: Repository, asset_tag: str = "LAP-001", active: bool = True, **fields) -> int:
    """Insert an asset directly and return its id."""
    with repo.database.write() as session:
        asset = Asset(asset_tag=asset_tag, active=active, **fields)
        session.add(asset)
        session.flush()
        return asset.id
