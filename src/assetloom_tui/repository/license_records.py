"""Adding, editing and deleting licenses, under the seat rules, with every change recorded."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assetloom_tui.database import Database
from assetloom_tui.errors import SeatRuleError
from assetloom_tui.models import Assignment, ChangeEvent, License
from assetloom_tui.record_schemas import RECORD_LABELS, LicenseFields
from assetloom_tui.repository.queries import (
    describe_changes,
    edited_values,
    locked_license,
    record_change,
    refuse_seats_below_held,
    seats_held,
    where_seats_are,
)
from assetloom_tui.text import plural
from assetloom_tui.views import ChangeEntry


class LicenseRecordRepository:
    """Writes licenses; the seat calculations stay in SQL, inside each transaction."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def add(self, fields: LicenseFields, operator: str) -> int:
        """Add a license and return its id."""
        with self._database.write() as session:
            _refuse_duplicate(session, fields.name, fields.product_key, None)
            license_ = License(**fields.model_dump())
            session.add(license_)
            session.flush()
            summary = f"Added with {plural(fields.seats, 'seat')}"
            record_change(session, "license", license_.id, "added", summary, operator)
            return license_.id

    def edit(
        self,
        license_id: int,
        fields: LicenseFields,
        operator: str,
        original: LicenseFields | None = None,
    ) -> str:
        """Change fields; total seats never below the seats held. Returns what changed.

        With `original` (the values the form or command started from), only the fields that
        differ from it are written, so a colleague's edit to other fields meanwhile stays.
        """
        with self._database.write() as session:
            license_ = locked_license(session, license_id)
            after = edited_values(license_, fields, original, RECORD_LABELS)
            _refuse_duplicate(session, after["name"], after["product_key"], license_id)
            refuse_seats_below_held(session, license_, after["seats"])

            before = {name: getattr(license_, name) for name in after}
            summary = describe_changes(before, after, RECORD_LABELS)
            if summary:
                for name, value in after.items():
                    setattr(license_, name, value)
                record_change(session, "license", license_id, "edited", summary, operator)
            return summary

    def delete(self, license_id: int, operator: str) -> None:
        """Delete a license that holds no seats; its history stays."""
        with self._database.write() as session:
            license_ = locked_license(session, license_id)
            held = seats_held(session, license_id)
            if held:
                where = where_seats_are(session, Assignment.license_id == license_id)
                raise SeatRuleError(
                    f"{license_.name!r} cannot be deleted: {plural(held, 'seat')} "
                    f"{'is' if held == 1 else 'are'} checked out ({where}). Check them in first."
                )
            license_.deleted_at = dt.datetime.now(dt.UTC)
            summary = f"Deleted {license_.name!r} ({license_.seats} seats)"
            record_change(session, "license", license_id, "deleted", summary, operator)


def changes_of(database: Database, record_type: str, record_id: int) -> list[ChangeEntry]:
    """Recorded changes to one license, user or asset, newest first."""
    query = (
        select(ChangeEvent)
        .where(ChangeEvent.record_type == record_type, ChangeEvent.record_id == record_id)
        .order_by(ChangeEvent.recorded_at.desc(), ChangeEvent.id.desc())
    )
    with database.read() as session:
        return [
            ChangeEntry(
                id=event.id,
                record_type=event.record_type,
                record_id=event.record_id,
                action=event.action,
                summary=event.summary,
                operator=event.operator,
                recorded_at=as_utc(event.recorded_at),
            )
            for event in session.scalars(query)
        ]


def as_utc(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; they were stored as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _refuse_duplicate(
    session: Session, name: str, product_key: str, license_id: int | None
) -> None:
    query = select(func.count()).where(
        License.name == name,
        License.product_key == product_key,
        License.deleted_at.is_(None),
    )
    if license_id is not None:
        query = query.where(License.id != license_id)
    if session.scalar(query):
        key = f" and product key {product_key!r}" if product_key else ""
        raise SeatRuleError(f"A license named {name!r}{key} already exists.", field="name")
