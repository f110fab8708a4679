"""Queries about licenses: the list, one license's details, its assignments and history."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, or_, select

from assetloom_tui.database import Database
from assetloom_tui.errors import NotFoundError, SeatRuleError
from assetloom_tui.models import Asset, Assignment, License, SeatEvent, User
from assetloom_tui.repository.queries import (
    assignment_rows,
    held_by_license,
    like_pattern,
    locked_license,
    seats_held,
    to_assignment_views,
)
from assetloom_tui.schemas import SeatTotalRequest
from assetloom_tui.views import AssignmentView, HistoryEntry, LicenseDetail, LicenseSummary


class LicenseRepository:
    """Reads licenses with their seat counts; changes total seats under the seat rules."""

    def __init__(self, database: Database) -> None:
        self._database = database

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
            )
            .outerjoin(held, held.c.license_id == License.id)
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
            if license_ is None:
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
            .where(SeatEvent.license_id == license_id)
            .order_by(SeatEvent.recorded_at.desc(), SeatEvent.id.desc())
        )
        with self._database.read() as session:
            entries = []
            for row in session.execute(query):
                values = row._asdict()
                values["target_type"] = "user" if values.pop("user_id") is not None else "asset"
                # SQLite hands back naive datetimes; they were stored as UTC.
                if values["recorded_at"].tzinfo is None:
                    values["recorded_at"] = values["recorded_at"].replace(tzinfo=dt.UTC)
                entries.append(HistoryEntry(**values))
            return entries

    def set_total_seats(self, request: SeatTotalRequest) -> LicenseDetail:
        """Raise or lower total seats; never below the seats held right now."""
        with self._database.write() as session:
            license_ = locked_license(session, request.license_id)
            held = seats_held(session, license_.id)
            if request.seats < held:
                raise SeatRuleError(
                    f"Total seats cannot be {request.seats}: {held} seats of "
                    f"{license_.name!r} are checked out. Check some in first.",
                    field="seats",
                )
            license_.seats = request.seats
        return self.get(request.license_id)
