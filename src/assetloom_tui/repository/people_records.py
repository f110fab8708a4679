"""Adding, editing, deactivating and deleting users and assets, with every change recorded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assetloom_tui.database import Database
from assetloom_tui.errors import NotFoundError, SeatRuleError
from assetloom_tui.models import Asset, Assignment, User
from assetloom_tui.record_schemas import RECORD_LABELS, AssetFields, UserFields
from assetloom_tui.repository.license_records import changes_of
from assetloom_tui.repository.queries import (
    assignment_rows,
    describe_changes,
    edited_values,
    record_change,
    to_assignment_views,
)
from assetloom_tui.text import printable
from assetloom_tui.views import ChangeEntry


@dataclass(frozen=True)
class _Kind:
    """What differs between users and assets: the table, its key field and its words."""

    name: str
    model: type
    key: str
    key_label: str
    holder_column: object


USER = _Kind("user", User, "username", "username", Assignment.user_id)
ASSET = _Kind("asset", Asset, "asset_tag", "asset tag", Assignment.asset_id)


class _TargetRecords:
    def __init__(self, database: Database, kind: _Kind) -> None:
        self._database = database
        self._kind = kind

    def add(self, fields: UserFields | AssetFields, operator: str) -> int:
        """Add one and return its id."""
        with self._database.write() as session:
            self._refuse_duplicate(session, getattr(fields, self._kind.key), None)
            record = self._kind.model(**fields.model_dump())
            session.add(record)
            session.flush()
            record_change(session, self._kind.name, record.id, "added", "Added", operator)
            return record.id

    def edit(
        self,
        record_id: int,
        fields: UserFields | AssetFields,
        operator: str,
        original: UserFields | AssetFields | None = None,
    ) -> str:
        """Change fields; returns what changed (blank when nothing did).

        With `original`, only the fields that differ from it are written (see edited_values).
        """
        with self._database.write() as session:
            record = self._locked(session, record_id)
            after = edited_values(record, fields, original, RECORD_LABELS)
            self._refuse_duplicate(session, after[self._kind.key], record_id)
            before = {name: getattr(record, name) for name in after}
            summary = describe_changes(before, after, RECORD_LABELS)
            if summary:
                for name, value in after.items():
                    setattr(record, name, value)
                action = _activity_action(before["active"], after["active"])
                record_change(session, self._kind.name, record_id, action, summary, operator)
            return summary

    def set_active(self, record_id: int, active: bool, operator: str) -> str:
        """Deactivate (or reactivate); held seats stay, but no new checkouts while inactive."""
        with self._database.write() as session:
            record = self._locked(session, record_id)
            if record.active == active:
                return ""
            record.active = active
            held = self._holdings(session, record_id)
            summary = "Reactivated" if active else "Deactivated"
            if held and not active:
                summary += f"; still holds {held}"
            action = "reactivated" if active else "deactivated"
            record_change(session, self._kind.name, record_id, action, summary, operator)
            return summary

    def delete(self, record_id: int, operator: str) -> None:
        """Delete one that holds no seats; its history stays."""
        with self._database.write() as session:
            record = self._locked(session, record_id)
            held = self._holdings(session, record_id)
            key = getattr(record, self._kind.key)
            if held:
                raise SeatRuleError(
                    f"{self._kind.name.capitalize()} {key} cannot be deleted: it holds seats "
                    f"of {held}. Check them in first."
                )
            record.deleted_at = dt.datetime.now(dt.UTC)
            record.active = False
            record_change(
                session, self._kind.name, record_id, "deleted", f"Deleted {key}", operator
            )

    def values(self, record_id: int) -> dict[str, object]:
        """Every field as stored, for an edit form."""
        model = self._kind.model
        names = (UserFields if model is User else AssetFields).model_fields
        query = select(model).where(model.id == record_id, model.deleted_at.is_(None))
        with self._database.read() as session:
            record = session.scalars(query).one_or_none()
            if record is None:
                raise NotFoundError(f"{self._kind.name.capitalize()} {record_id} does not exist.")
            values = {name: getattr(record, name) for name in names}
        # Shown in a form on a terminal: the same safe text every other read hands out.
        return {
            name: printable(value) if isinstance(value, str) else value
            for name, value in values.items()
        }

    def changes(self, record_id: int) -> list[ChangeEntry]:
        """Every recorded change, newest first."""
        return changes_of(self._database, self._kind.name, record_id)

    def _locked(self, session: Session, record_id: int):
        model = self._kind.model
        query = select(model).where(model.id == record_id, model.deleted_at.is_(None))
        record = session.scalars(query.with_for_update()).one_or_none()
        if record is None:
            raise NotFoundError(f"{self._kind.name.capitalize()} {record_id} does not exist.")
        return record

    def _holdings(self, session: Session, record_id: int) -> str:
        """`'Office' 2, 'CAD' 1`: the licenses held and how many seats of each."""
        query = assignment_rows().where(self._kind.holder_column == record_id, Assignment.held > 0)
        held: dict[str, int] = {}
        for view in to_assignment_views(session, query.order_by(Assignment.id)):
            held[view.license_name] = held.get(view.license_name, 0) + view.held
        return ", ".join(f"{name!r} {seats}" for name, seats in held.items())

    def _refuse_duplicate(self, session: Session, key: str, record_id: int | None) -> None:
        model = self._kind.model
        column = getattr(model, self._kind.key)
        query = select(func.count()).where(column == key, model.deleted_at.is_(None))
        if record_id is not None:
            query = query.where(model.id != record_id)
        if session.scalar(query):
            raise SeatRuleError(
                f"Another {self._kind.name} already has the {self._kind.key_label} {key!r}.",
                field=self._kind.key,
            )


def _activity_action(was_active: bool, is_active: bool) -> str:
    if was_active == is_active:
        return "edited"
    return "reactivated" if is_active else "deactivated"


class UserRecordRepository(_TargetRecords):
    """Writes users."""

    def __init__(self, database: Database) -> None:
        super().__init__(database, USER)


class AssetRecordRepository(_TargetRecords):
    """Writes assets."""

    def __init__(self, database: Database) -> None:
        super().__init__(database, ASSET)
