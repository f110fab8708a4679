"""The activity log: every seat movement and every change, read back for people and auditors."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import Select, case, func, literal, null, select, union_all

from assetloom_tui.database import Database
from assetloom_tui.models import Asset, Assignment, ChangeEvent, License, SeatEvent, User
from assetloom_tui.repository.license_records import as_utc
from assetloom_tui.views import ActivityEntry, LedgerProblem

DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)

# Every action the log records: seat movements, then changes to records.
ACTIONS = (
    "checkout",
    "checkin",
    "added",
    "edited",
    "deactivated",
    "reactivated",
    "deleted",
    "imported",
)


@dataclass(frozen=True)
class ActivityFilter:
    """Which entries to read; every field left empty matches everything."""

    license_id: int | None = None
    user_id: int | None = None
    asset_id: int | None = None
    username: str = ""
    asset_tag: str = ""
    operator: str = ""
    action: str = ""
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    limit: int | None = None


def parse_day(text: str) -> dt.date:
    """A day typed as YYYY-MM-DD; anything else (2026-1-5, 20260105) is a ValueError."""
    if not DAY.fullmatch(text.strip()):
        raise ValueError(f"{text!r} is not a date as YYYY-MM-DD")
    return dt.date.fromisoformat(text.strip())


def local_day_start(day: dt.date) -> dt.datetime:
    """Local midnight at the start of `day`, as a UTC instant (what `since` and `until` take)."""
    return dt.datetime(day.year, day.month, day.day).astimezone().astimezone(dt.UTC)


def local_days(since: dt.date | None, until: dt.date | None) -> dict[str, dt.datetime | None]:
    """`since` and `until` (inclusive) local days as the filter's UTC bounds."""
    return {
        "since": local_day_start(since) if since else None,
        "until": local_day_start(until + dt.timedelta(days=1)) if until else None,
    }


def _seat_rows() -> Select:
    target_type = case((Assignment.user_id.is_not(None), literal("user")), else_=literal("asset"))
    return (
        select(
            SeatEvent.recorded_at,
            SeatEvent.operator,
            SeatEvent.action,
            literal("license").label("record_type"),
            SeatEvent.license_id,
            License.name.label("license"),
            target_type.label("target_type"),
            func.coalesce(User.username, Asset.asset_tag).label("target"),
            SeatEvent.quantity,
            SeatEvent.event_date,
            SeatEvent.notes,
            SeatEvent.id.label("event_id"),
            literal("seat").label("log"),
        )
        .join(License, License.id == SeatEvent.license_id)
        .join(Assignment, Assignment.id == SeatEvent.assignment_id)
        .outerjoin(User, User.id == Assignment.user_id)
        .outerjoin(Asset, Asset.id == Assignment.asset_id)
    )


def _change_rows() -> Select:
    is_license = ChangeEvent.record_type == "license"
    is_user = ChangeEvent.record_type == "user"
    is_asset = ChangeEvent.record_type == "asset"
    return (
        select(
            ChangeEvent.recorded_at,
            ChangeEvent.operator,
            ChangeEvent.action,
            ChangeEvent.record_type,
            case((is_license, ChangeEvent.record_id), else_=null()).label("license_id"),
            func.coalesce(License.name, "").label("license"),
            case((is_user, literal("user")), (is_asset, literal("asset")), else_=null()).label(
                "target_type"
            ),
            func.coalesce(User.username, Asset.asset_tag, "").label("target"),
            null().label("quantity"),
            null().label("event_date"),
            ChangeEvent.summary.label("notes"),
            ChangeEvent.id.label("event_id"),
            literal("change").label("log"),
        )
        .outerjoin(License, is_license & (License.id == ChangeEvent.record_id))
        .outerjoin(User, is_user & (User.id == ChangeEvent.record_id))
        .outerjoin(Asset, is_asset & (Asset.id == ChangeEvent.record_id))
    )


class ActivityRepository:
    """Reads the append-only log and checks it against the seats held now."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def entries(self, wanted: ActivityFilter = ActivityFilter()) -> list[ActivityEntry]:
        """Log entries matching `wanted`, newest first."""
        return [entry for _key, entry in self.keyed_entries(wanted)]

    def keyed_entries(
        self, wanted: ActivityFilter = ActivityFilter()
    ) -> list[tuple[str, ActivityEntry]]:
        """`entries`, each with a key that stays the same across reads (`seat-7`, `change-3`)."""
        seats, changes = _seat_rows(), _change_rows()
        if wanted.license_id is not None:
            seats = seats.where(SeatEvent.license_id == wanted.license_id)
            changes = changes.where(
                ChangeEvent.record_type == "license", ChangeEvent.record_id == wanted.license_id
            )
        for column, value in ((User.id, wanted.user_id), (Asset.id, wanted.asset_id)):
            if value is not None:
                seats = seats.where(column == value)
                changes = changes.where(column == value)
        if wanted.username:
            seats = seats.where(User.username == wanted.username)
            changes = changes.where(User.username == wanted.username)
        if wanted.asset_tag:
            seats = seats.where(Asset.asset_tag == wanted.asset_tag)
            changes = changes.where(Asset.asset_tag == wanted.asset_tag)
        for column_pair, value in (
            ((SeatEvent.operator, ChangeEvent.operator), wanted.operator),
            ((SeatEvent.action, ChangeEvent.action), wanted.action),
        ):
            if value:
                seats = seats.where(column_pair[0] == value)
                changes = changes.where(column_pair[1] == value)
        if wanted.since is not None:
            seats = seats.where(SeatEvent.recorded_at >= wanted.since)
            changes = changes.where(ChangeEvent.recorded_at >= wanted.since)
        if wanted.until is not None:
            seats = seats.where(SeatEvent.recorded_at < wanted.until)
            changes = changes.where(ChangeEvent.recorded_at < wanted.until)

        both = union_all(seats, changes).subquery()
        query = (
            select(both)
            .order_by(both.c.recorded_at.desc(), both.c.log, both.c.event_id.desc())
            .limit(wanted.limit)
        )
        with self._database.read() as session:
            rows = session.execute(query).all()
        return [_keyed(row._asdict()) for row in rows]

    def check(self) -> list[LedgerProblem]:
        """Recompute every assignment's held seats from the log; list where they differ."""
        signed = case(
            (SeatEvent.action == "checkout", SeatEvent.quantity), else_=-SeatEvent.quantity
        )
        checked_out = func.sum(case((SeatEvent.action == "checkout", SeatEvent.quantity), else_=0))
        ledger = (
            select(
                SeatEvent.assignment_id,
                func.sum(signed).label("held"),
                checked_out.label("checked_out"),
            )
            .group_by(SeatEvent.assignment_id)
            .subquery()
        )
        query = (
            select(
                Assignment.license_id,
                License.name,
                Assignment.id,
                Assignment.quantity,
                Assignment.held,
                func.coalesce(ledger.c.checked_out, 0),
                func.coalesce(ledger.c.held, 0),
            )
            .join(License, License.id == Assignment.license_id)
            .outerjoin(ledger, ledger.c.assignment_id == Assignment.id)
            .where(
                (Assignment.held != func.coalesce(ledger.c.held, 0))
                | (Assignment.quantity != func.coalesce(ledger.c.checked_out, 0))
            )
            .order_by(Assignment.license_id, Assignment.id)
        )
        # History whose assignment row is gone (only possible by editing the file by hand).
        orphans = (
            select(
                SeatEvent.license_id,
                License.name,
                SeatEvent.assignment_id,
                literal(0),
                literal(0),
                checked_out,
                func.sum(signed),
            )
            .join(License, License.id == SeatEvent.license_id)
            .outerjoin(Assignment, Assignment.id == SeatEvent.assignment_id)
            .where(Assignment.id.is_(None))
            .group_by(SeatEvent.license_id, License.name, SeatEvent.assignment_id)
        )
        with self._database.read() as session:
            rows = [*session.execute(query).all(), *session.execute(orphans).all()]
        return [
            LedgerProblem(
                license_id=license_id,
                license=name,
                assignment_id=assignment_id,
                quantity=quantity,
                held=held,
                logged_checkout=int(logged_out),
                logged_held=int(logged_held),
            )
            for license_id, name, assignment_id, quantity, held, logged_out, logged_held in sorted(
                rows, key=lambda row: (row[0], row[2])
            )
        ]

    def unknown_names(self, wanted: ActivityFilter) -> list[str]:
        """The license, user or asset `wanted` names that never existed (deleted ones did)."""
        lookups = (
            (wanted.license_id, License.id, f"no license has the id {wanted.license_id}"),
            (wanted.username, User.username, f"no user is named {wanted.username!r}"),
            (wanted.asset_tag, Asset.asset_tag, f"no asset has the tag {wanted.asset_tag!r}"),
        )
        unknown = []
        with self._database.read() as session:
            for value, column, message in lookups:
                if value in (None, ""):
                    continue
                if session.scalar(select(func.count()).where(column == value)) == 0:
                    unknown.append(message)
        return unknown

    def license_count(self) -> tuple[int, int]:
        """How many licenses the check covered: (kept, deleted); deleted ones keep history."""
        deleted = func.count().filter(License.deleted_at.is_not(None))
        with self._database.read() as session:
            total, gone = session.execute(select(func.count(), deleted).select_from(License)).one()
        return total - gone, gone


def _keyed(values: dict) -> tuple[str, ActivityEntry]:
    key = f"{values.pop('log')}-{values.pop('event_id')}"
    values["recorded_at"] = as_utc(values["recorded_at"])
    return key, ActivityEntry(**values)
