"""Where the database lives and who the operator is."""

from __future__ import annotations

import os
import pwd
from pathlib import Path

from platformdirs import user_data_dir

DATABASE_URL_VARIABLE = "ASSETLOOM_DATABASE_URL"


def default_database_path() -> Path:
    """The embedded SQLite file in the user's data directory."""
    return Path(user_data_dir("assetloom", appauthor=False)) / "assetloom.db"


def sqlite_url(path: Path | str) -> str:
    """A SQLAlchemy URL for a SQLite file at `path`."""
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def resolve_database_url(db_path: str | None = None) -> str:
    """The database to open: `--db PATH` first, then the environment, then the default file."""
    if db_path:
        return db_path if "://" in db_path else sqlite_url(db_path)
    from_environment = os.environ.get(DATABASE_URL_VARIABLE, "").strip()
    if from_environment:
        return from_environment
    return sqlite_url(default_database_path())


def current_operator() -> str:
    """The OS account running the app, recorded as the operator of every change.

    Read from the account database by user id, not from LOGNAME or USER, which anyone can set
    to another name before starting the app.
    """
    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:
        return f"uid-{os.getuid()}"
