"""Noticing that another session changed the database, cheaply enough to ask twice a second."""

from __future__ import annotations

import logging
import sqlite3
import threading

from sqlalchemy.engine import make_url

from assetloom_tui.database import CHANGES_CHANNEL, Database

try:  # psycopg is only installed for PostgreSQL (the `postgres` extra).
    import psycopg

    FAILURES: tuple[type[Exception], ...] = (sqlite3.Error, psycopg.Error)
except ImportError:
    FAILURES = (sqlite3.Error,)

log = logging.getLogger(__name__)


class ChangeWatcher:
    """Answers "has anything been committed since I last asked?" on one long-lived connection.

    On SQLite it reads `PRAGMA data_version`, which changes whenever any other connection (in
    this process or another) commits. On PostgreSQL it LISTENs on the channel every write
    transaction NOTIFYs (see `Database.write`). The connection opens on the first call, which
    only takes the starting point and answers False.
    """

    def __init__(self, database: Database) -> None:
        self.url = make_url(database.url)
        self.is_sqlite = database.is_sqlite
        self._connection = None
        self._version: int | None = None
        self._notified = False
        # One question at a time: the app asks from worker threads.
        self._lock = threading.Lock()
        self._lost = False

    def changed(self) -> bool:
        """True when another session committed a change since the previous call."""
        with self._lock:
            if self.is_sqlite and self.url.database in (None, "", ":memory:"):
                return False
            try:
                return self._changed()
            except FAILURES as error:
                log.warning("watching %s for changes failed: %s", self.url, error)
                self._close()
                # Whatever happened while the connection was gone is unknown: reopen and reload.
                self._lost = True
                return False

    def _changed(self) -> bool:
        first = self._connection is None
        if first:
            self._connection = self._open()
        if self.is_sqlite:
            version = self._connection.execute("PRAGMA data_version").fetchone()[0]
            changed = self._version is not None and version != self._version
            self._version = version
        else:
            # Notifications arrive with any reply from the server; this query only fetches them.
            self._connection.execute("SELECT 1")
            changed, self._notified = self._notified, False
        if first and self._lost:
            self._lost = False
            return True
        return changed and not first

    def _on_notify(self, _notify) -> None:
        self._notified = True

    def _open(self):
        if self.is_sqlite:
            # Autocommit, so that no read snapshot stays open between two questions.
            return sqlite3.connect(
                self.url.database, isolation_level=None, check_same_thread=False, timeout=1
            )
        conninfo = self.url.set(drivername="postgresql").render_as_string(hide_password=False)
        connection = psycopg.connect(conninfo, autocommit=True, connect_timeout=5)
        connection.add_notify_handler(self._on_notify)
        connection.execute(f"LISTEN {CHANGES_CHANNEL}")
        return connection

    def _close(self) -> None:
        connection, self._connection, self._version = self._connection, None, None
        if connection is not None:
            try:
                connection.close()
            except FAILURES as error:
                log.warning("closing the change watcher's connection failed: %s", error)

    def close(self) -> None:
        """Close the watching connection (a later call opens it again)."""
        with self._lock:
            self._close()
