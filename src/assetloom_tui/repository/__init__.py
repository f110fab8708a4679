"""The repository layer: every query, transaction and seat calculation lives here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from assetloom_tui.database import Database, open_database
from assetloom_tui.repository.activity import ActivityRepository
from assetloom_tui.repository.exports import ExportRepository
from assetloom_tui.repository.imports import ImportRepository
from assetloom_tui.repository.license_records import LicenseRecordRepository
from assetloom_tui.repository.licenses import LicenseRepository
from assetloom_tui.repository.people import PeopleRepository
from assetloom_tui.repository.people_records import AssetRecordRepository, UserRecordRepository
from assetloom_tui.repository.seats import SeatRepository
from assetloom_tui.repository.watch import ChangeWatcher


class Repository:
    """One entry point for screens and the command line; it never hands out a session."""

    def __init__(self, database: Database, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.database = database
        self.licenses = LicenseRepository(database, today)
        self.seats = SeatRepository(database, today)
        self.people = PeopleRepository(database)
        self.imports = ImportRepository(database, today)
        self.license_records = LicenseRecordRepository(database)
        self.user_records = UserRecordRepository(database)
        self.asset_records = AssetRecordRepository(database)
        self.exports = ExportRepository(database)
        self.activity = ActivityRepository(database)
        self.watch = ChangeWatcher(database)

    @classmethod
    def open(cls, url: str) -> Repository:
        """Open (and create or upgrade) the database at `url`."""
        return cls(open_database(url))

    def close(self) -> None:
        """Release the database connections."""
        self.watch.close()
        self.database.dispose()


__all__ = ["Repository"]
