"""Queries about licenses: the list, one license's details, its assignments and history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import case, func, or_, select

from assetloom_tui.database import Database
from assetloom_tui.errors import NotFoundError
from assetloom_tui.models import Asset, Assignment, License, SeatEvent, User
from assetloom_tui.repository.license_records import as_utc, changes_of
from assetloom_tui.repository.queries import (
    assignment_rows,
    held_by_license,
    like_pattern,
    seats_held,
    to_assignment_views,
)
from assetloom_tui.views import (
    EXPIRY_WINDOW_DAYS,
    AssignmentView,
    ChangeEntry,
    HistoryEntry,
    LicenseAlert,
    LicenseDetail,
    LicenseSummary,
)


class LicenseRepository:
    """Reads licenses with their seat counts; changes total seats under the seat rules."""

    def __init__(self, database: Database, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._database = database
        self._today = today

    def list(self, search: str = "", limit: int | None = None) -> list[LicenseSummary]:
        """Licenses whose name, product key or manufacturer contain `search`, by name."""
        held = held_by_license()
        held_count = func.coalesce(held.c.held, 0)
        query = (
            select(
                License.id,
                License.name,
                License.product_key,
                License.manufacturer,
                License.seats,
                held_count.label("held"),
                (License.seats - held_count).label("available"),
                License.expiration_date,
                License.reassignable,
                License.min_available,
            )
            .outerjoin(held, held.c.license_id == License.id)
            .where(License.deleted_at.is_(None))
            .order_by(func.lower(License.name), License.id)
            .limit(limit)
        )
        if search.strip():
            pattern = like_pattern(search.strip())
            query = query.where(
                or_(
                    License.name.ilike(pattern, escape="\\"),
                    License.product_key.ilike(pattern, escape="\\"),
                    License.manufacturer.ilike(pattern, escape="\\"),
                )
            )
        with self._database.read() as session:
            return [LicenseSummary(**row._asdict()) for row in session.execute(query)]

    def get(self, license_id: int) -> LicenseDetail:
        """One license with every field and its seat counts."""
        with self._database.read() as session:
            license_ = session.get(License, license_id)
            if license_ is None or license_.deleted_at is not None:
                raise NotFoundError(f"License {license_id} does not exist.")
            held = seats_held(session, license_id)
            return LicenseDetail(
                id=license_.id,
                name=license_.name,
                product_key=license_.product_key,
                manufacturer=license_.manufacturer,
                category=license_.category,
                seats=license_.seats,
                held=held,
                available=license_.seats - held,
                reassignable=license_.reassignable,
                expiration_date=license_.expiration_date,
                purchase_date=license_.purchase_date,
                purchase_cost=license_.purchase_cost,
                order_number=license_.order_number,
                licensed_to_name=license_.licensed_to_name,
                licensed_to_email=license_.licensed_to_email,
                supplier=license_.supplier,
                notes=license_.notes,
                min_available=license_.min_available,
            )

    def assignments(self, license_id: int) -> list[AssignmentView]:
        """Assignments of one license that still hold seats, oldest first."""
        query = (
            assignment_rows()
            .where(Assignment.license_id == license_id, Assignment.held > 0)
            .order_by(Assignment.checkout_date, Assignment.id)
        )
        with self._database.read() as session:
            return to_assignment_views(session, query)

    def history(self, license_id: int) -> list[HistoryEntry]:
        """Every checkout and checkin of one license, newest first."""
        return self._history_where(SeatEvent.license_id == license_id)

    def target_history(self, target_type: str, target_id: int) -> list[HistoryEntry]:
        """Every checkout and checkin of seats to one user or asset, newest first."""
        holder = Assignment.user_id if target_type == "user" else Assignment.asset_id
        return self._history_where(holder == target_id)

    def _history_where(self, condition) -> list[HistoryEntry]:
        query = (
            select(
                SeatEvent.id,
                SeatEvent.action,
                SeatEvent.license_id,
                License.name.label("license_name"),
                SeatEvent.assignment_id,
                func.coalesce(User.username, Asset.asset_tag).label("target"),
                User.id.label("user_id"),
                SeatEvent.quantity,
                SeatEvent.event_date,
                SeatEvent.notes,
                SeatEvent.operator,
                SeatEvent.recorded_at,
            )
            .join(License, License.id == SeatEvent.license_id)
            .join(Assignment, Assignment.id == SeatEvent.assignment_id)
            .outerjoin(User, User.id == Assignment.user_id)
            .outerjoin(Asset, Asset.id == Assignment.asset_id)
            .where(condition)
            .order_by(SeatEvent.recorded_at.desc(), SeatEvent.id.desc())
        )
        with self._database.read() as session:
            entries = []
            for row in session.execute(query):
                values = row._asdict()
                values["target_type"] = "user" if values.pop("user_id") is not None else "asset"
                values["recorded_at"] = as_utc(values["recorded_at"])
                entries.append(HistoryEntry(**values))
            return entries

    def alerts(self, within_days: int = EXPIRY_WINDOW_DAYS) -> list[LicenseAlert]:
        """Licenses expired, expiring within `within_days`, or at or below their threshold."""
        today = self._today()
        alerts = []
        for summary in self.list():
            reasons = summary.alerts(today, within_days)
            if reasons:
                alerts.append(LicenseAlert(license=summary, reasons=reasons, today=today))
        return alerts

    def held_over_time(self, license_id: int) -> list[tuple[dt.date, int]]:
        """Seats held at the end of each day with a checkout or checkin, from the history."""
        change = case(
            (SeatEvent.action == "checkout", SeatEvent.quantity), else_=-SeatEvent.quantity
        )
        running = func.sum(change).over(order_by=(SeatEvent.event_date, SeatEvent.id))
        query = (
            select(SeatEvent.event_date, running.label("held"))
            .where(SeatEvent.license_id == license_id)
            .order_by(SeatEvent.event_date, SeatEvent.id)
        )
        with self._database.read() as session:
            by_day = {day: int(held) for day, held in session.execute(query)}
        return list(by_day.items())

    def changes(self, license_id: int) -> list[ChangeEntry]:
        """Every recorded change to one license (added, edited, deleted), newest first."""
        return changes_of(self._database, "license", license_id)
