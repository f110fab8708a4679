"""Opening the database: engine settings per backend, schema migrations, units of work."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from assetloom_tui.errors import DatabaseError

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 15_000
# An arbitrary number that names the schema-migration lock on PostgreSQL.
MIGRATION_LOCK = 7_301_455
# PostgreSQL: every write transaction NOTIFYs this channel; repository/watch.py LISTENs to it.
CHANGES_CHANNEL = "assetloom_changes"


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    """WAL, a busy timeout, foreign keys, and transactions that we begin ourselves."""

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record) -> None:
        # pysqlite's own implicit BEGIN would defer the write lock; we issue BEGIN ourselves.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection) -> None:
        # A writer takes the lock before it reads availability, so the check and the
        # write are one atomic step: two writers can never both see the last seat.
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def create_database_engine(url: str, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> Engine:
    """An engine for `url`, with the settings its backend needs for several operators at once."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            folder = Path(database).parent
            if not folder.is_dir():
                raise DatabaseError(f"The folder for the database does not exist: {folder}")
        engine = create_engine(url, connect_args={"timeout": busy_timeout_ms / 1000})
        _configure_sqlite(engine, busy_timeout_ms)
        return engine
    if parsed.get_backend_name() == "postgresql":
        # A writer stuck behind a frozen colleague gives up like SQLite's busy timeout does,
        # instead of waiting until TCP keepalive notices a dead link hours later.
        options = f"-c lock_timeout={int(busy_timeout_ms)}"
        return create_engine(url, pool_pre_ping=True, connect_args={"options": options})
    return create_engine(url, pool_pre_ping=True)


def describe_database_failure(error: Exception, url: str, writing: bool = True) -> str:
    """A one-line message for a failure to reach or use the database."""
    text = str(getattr(error, "orig", error)).strip().splitlines()[0] if str(error) else ""
    where = make_url(url).render_as_string(hide_password=True)
    if "locked" in text or "busy" in text or "lock timeout" in text:
        outcome = "nothing was written" if writing else "it could not be read"
        return f"The database {where} is locked by another session; {outcome}. Try again."
    return f"The database {where} could not be used: {text}"


class Database:
    """An engine plus the two kinds of unit of work: reading, and writing under a lock."""

    def __init__(self, url: str, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> None:
        self.url = url
        self.engine = create_database_engine(url, busy_timeout_ms)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        writer_engine = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._writer = sessionmaker(writer_engine, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work; always rolled back."""
        with self._translate_failures(writing=False), self._reader() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A unit of work that commits only if its block finishes, and rolls back otherwise."""
        with self._translate_failures(), self._writer() as session, session.begin():
            yield session
            if not self.is_sqlite:
                # Live screens elsewhere LISTEN for this; PostgreSQL delivers it only on commit.
                session.execute(text(f"NOTIFY {CHANGES_CHANNEL}"))

    @contextmanager
    def _translate_failures(self, writing: bool = True) -> Iterator[None]:
        try:
            yield
        except (OperationalError, DBAPIError) as error:
            log.warning("database failure on %s: %s", self.url, error)
            message = describe_database_failure(error, self.url, writing)
            raise DatabaseError(message) from error

    def upgrade(self) -> None:
        """Create or upgrade the schema to the newest migration."""
        try:
            run_migrations(self.engine)
        except (OperationalError, DBAPIError) as error:
            raise DatabaseError(describe_database_failure(error, self.url)) from error

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def run_migrations(engine: Engine) -> None:
    """Apply Alembic migrations on one connection, serialised against other openers."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    newest = ScriptDirectory.from_config(config).get_heads()
    # Opening an up-to-date database only reads, so it never waits for another session's write.
    with engine.connect() as connection:
        if MigrationContext.configure(connection).get_current_heads() == tuple(newest):
            return
    locking = engine.execution_options(sqlite_begin="IMMEDIATE")
    with locking.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Several hosts may open a new database at once: one migrates, the others wait.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_database(url: str, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> Database:
    """Open `url`, creating or upgrading its schema, ready for use."""
    database = Database(url, busy_timeout_ms)
    database.upgrade()
    return database
