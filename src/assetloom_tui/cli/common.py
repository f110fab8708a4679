"""What every command shares: opening the database, usage errors, schema validation."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from pydantic import ValidationError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from assetloom_tui.config import (
    current_operator,
    default_database_path,
    resolve_database_url,
    sqlite_url,
)
from assetloom_tui.database import SQLITE_BUSY_TIMEOUT_MS, open_database
from assetloom_tui.errors import DatabaseError
from assetloom_tui.repository import Repository
from assetloom_tui.schemas import field_errors
from assetloom_tui.views import EXPIRY_WINDOW_DAYS

# Pydantic field -> the argument a person typed, so a message names what to fix.
ARGUMENT_NAMES = {
    "quantity": "--qty",
    "checkin_date": "--date",
    "notes": "--note",
    "license_id": "LICENSE_ID",
    "assignment_id": "ASSIGNMENT_ID",
}


# A century of days: past that the date arithmetic would leave the calendar.
MAX_WINDOW_DAYS = 36_500
# A day: longer is a typing mistake, and inf or nan cannot become a timeout at all.
MAX_WAIT_SECONDS = 86_400


class UsageError(Exception):
    """The command line asked for something malformed; exit status 2."""


def open_repository(args: argparse.Namespace, url: str | None = None) -> Repository:
    """Open the chosen database; a URL that cannot be parsed is a usage error."""
    chosen = getattr(args, "db", None)
    if chosen is not None and not chosen.strip():
        # An unset shell variable must not quietly send a script to the default database.
        raise UsageError("--db: the path is empty")
    url = url or resolve_database_url(chosen)
    if url == sqlite_url(default_database_path()):
        # First run: the data folder of a new user does not exist yet.
        default_database_path().parent.mkdir(parents=True, exist_ok=True)
    wait = getattr(args, "wait", SQLITE_BUSY_TIMEOUT_MS / 1000)
    if not 0 <= wait <= MAX_WAIT_SECONDS:
        raise UsageError(f"--wait: must be 0 to {MAX_WAIT_SECONDS} seconds, not {wait:g}")
    try:
        return Repository(open_database(url, busy_timeout_ms=int(wait * 1000)))
    except DatabaseError as error:
        where = _shown(url)
        if where in error.message:
            raise
        raise DatabaseError(f"Cannot open the database {where}: {error.message}") from error
    except ArgumentError as error:
        raise UsageError(f"{url!r} is not a database path or URL we can open: {error}") from None
    except ImportError as error:
        raise DatabaseError(f"The driver for {url} is not installed: {error.name}.") from None


@contextmanager
def repository(args: argparse.Namespace) -> Iterator[Repository]:
    """The chosen database, opened for one command and always closed."""
    repo = open_repository(args)
    try:
        yield repo
    finally:
        repo.close()


def open_app(repo: Repository, args: argparse.Namespace) -> None:
    """Run the Textual app on `repo` until the operator quits."""
    window = getattr(args, "expiring_within", EXPIRY_WINDOW_DAYS)
    if not 0 <= window <= MAX_WINDOW_DAYS:
        raise UsageError(f"--expiring-within: must be 0 to {MAX_WINDOW_DAYS} days, not {window}")
    # Textual loads only for the app, so scripting commands start quickly.
    from assetloom_tui.ui.app import AssetLoomApp

    AssetLoomApp(repo, current_operator(), expiry_window_days=window).run()


def validated(model, **values):
    """Build a schema request; its errors become one usage message naming each argument."""
    return validated_as(model, values, ARGUMENT_NAMES)


def validated_as(model, values: Mapping[str, object], names: Mapping[str, str]):
    """Build `model` from `values`; errors name the option each field was typed into."""
    try:
        return model(**values)
    except ValidationError as error:
        messages = [
            f"{names.get(name, name)}: {message}" for name, message in field_errors(error).items()
        ]
        raise UsageError("; ".join(messages)) from None


def seat_count(count: int) -> str:
    """'1 seat', '2 seats'."""
    return f"{count} seat" if count == 1 else f"{count} seats"


def _shown(url: str) -> str:
    """The database as the messages name it, without a password."""
    return make_url(url).render_as_string(hide_password=True)
