"""Queries for reports and whole records: licenses, holdings, assignments, users and assets.

Values come back exactly as stored (no display clean-up), so an exported file re-imports
to the same records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, func, select

from assetloom_tui.database import Database
from assetloom_tui.errors import NotFoundError
from assetloom_tui.models import Asset, Assignment, License, User
from assetloom_tui.repository.queries import held_by_license


@dataclass(frozen=True)
class LicenseRecord:
    """Every stored field of one license and its seat counts."""

    id: int
    name: str
    product_key: str
    manufacturer: str
    category: str
    seats: int
    held: int
    available: int
    reassignable: bool
    expiration_date: dt.date | None
    purchase_date: dt.date | None
    purchase_cost: Decimal | None
    order_number: str
    licensed_to_name: str
    licensed_to_email: str
    supplier: str
    notes: str
    min_available: int | None


@dataclass(frozen=True)
class Holding:
    """All seats of one license held by one target, summed over its assignments."""

    license_id: int
    target_type: str
    target: str
    full_name: str
    email: str
    asset_name: str
    held: int


@dataclass(frozen=True)
class AssignmentRecord:
    """One assignment still holding seats, with its license and target."""

    id: int
    license_id: int
    license_name: str
    product_key: str
    target_type: str
    target: str
    target_name: str
    held: int
    checkout_date: dt.date
    notes: str
    operator: str


@dataclass(frozen=True)
class UserRecord:
    """Every stored field of one user and the seats they hold."""

    id: int
    username: str
    full_name: str
    email: str
    department: str
    employee_number: str
    active: bool
    seats_held: int


@dataclass(frozen=True)
class AssetRecord:
    """Every stored field of one asset and the seats it holds."""

    id: int
    asset_tag: str
    name: str
    serial: str
    model: str
    location: str
    active: bool
    seats_held: int


_LICENSE_FIELDS = [
    getattr(License, name) for name in LicenseRecord.__dataclass_fields__ if hasattr(License, name)
]


class ExportRepository:
    """Reads whole records for reports and for commands that print a record."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def licenses(self) -> list[LicenseRecord]:
        """Every license that is not deleted, by name."""
        return self._licenses(None)

    def license(self, license_id: int) -> LicenseRecord:
        """One license with every field."""
        found = self._licenses(License.id == license_id)
        if not found:
            raise NotFoundError(f"License {license_id} does not exist.")
        return found[0]

    def license_report(self) -> tuple[list[LicenseRecord], list[Holding]]:
        """Every license and its holdings (users first, then assets), read in one transaction
        so the counts agree."""
        with self._database.read() as session:
            licenses = [LicenseRecord(**row._asdict()) for row in session.execute(_licenses())]
            rows = session.execute(_holdings()).all()
        holdings = [
            Holding(
                license_id=row.license_id,
                target_type="user" if row.user_id is not None else "asset",
                target=row.target,
                full_name=row.full_name,
                email=row.email,
                asset_name=row.asset_name,
                held=int(row.held),
            )
            for row in rows
        ]
        return licenses, holdings

    def assignments(self) -> list[AssignmentRecord]:
        """Every assignment still holding seats, by license name and checkout date."""
        query = (
            select(
                Assignment.id,
                Assignment.license_id,
                License.name.label("license_name"),
                License.product_key,
                Assignment.user_id,
                func.coalesce(User.username, Asset.asset_tag).label("target"),
                func.coalesce(User.full_name, Asset.name).label("target_name"),
                Assignment.held,
                Assignment.checkout_date,
                Assignment.notes,
                Assignment.operator,
            )
            .join(License, License.id == Assignment.license_id)
            .outerjoin(User, User.id == Assignment.user_id)
            .outerjoin(Asset, Asset.id == Assignment.asset_id)
            .where(Assignment.held > 0)
            .order_by(func.lower(License.name), License.id, Assignment.checkout_date, Assignment.id)
        )
        with self._database.read() as session:
            rows = [row._asdict() for row in session.execute(query)]
        for row in rows:
            row["target_type"] = "user" if row.pop("user_id") is not None else "asset"
        return [AssignmentRecord(**row) for row in rows]

    def users(self) -> list[UserRecord]:
        """Every user that is not deleted, by username."""
        return self._users(None)

    def user(self, username: str) -> UserRecord:
        """One user, found by username."""
        found = self._users(User.username == username)
        if not found:
            raise NotFoundError(f"No user has the username {username!r}.")
        return found[0]

    def assets(self) -> list[AssetRecord]:
        """Every asset that is not deleted, by asset tag."""
        return self._assets(None)

    def asset(self, asset_tag: str) -> AssetRecord:
        """One asset, found by asset tag."""
        found = self._assets(Asset.asset_tag == asset_tag)
        if not found:
            raise NotFoundError(f"No asset has the asset tag {asset_tag!r}.")
        return found[0]

    def _licenses(self, condition) -> list[LicenseRecord]:
        return [LicenseRecord(**row) for row in self._rows(_where(_licenses(), condition))]

    def _users(self, condition) -> list[UserRecord]:
        query = select(
            User.id,
            User.username,
            User.full_name,
            User.email,
            User.department,
            User.employee_number,
            User.active,
            _seats_held(Assignment.user_id == User.id),
        ).where(User.deleted_at.is_(None))
        query = _where(query.order_by(User.username), condition)
        return [UserRecord(**row) for row in self._rows(query)]

    def _assets(self, condition) -> list[AssetRecord]:
        query = select(
            Asset.id,
            Asset.asset_tag,
            Asset.name,
            Asset.serial,
            Asset.model,
            Asset.location,
            Asset.active,
            _seats_held(Assignment.asset_id == Asset.id),
        ).where(Asset.deleted_at.is_(None))
        query = _where(query.order_by(Asset.asset_tag), condition)
        return [AssetRecord(**row) for row in self._rows(query)]

    def _rows(self, query: Select) -> list[dict]:
        with self._database.read() as session:
            return [row._asdict() for row in session.execute(query)]


def _licenses() -> Select:
    held = held_by_license()
    held_count = func.coalesce(held.c.held, 0)
    return (
        select(
            *_LICENSE_FIELDS,
            held_count.label("held"),
            (License.seats - held_count).label("available"),
        )
        .outerjoin(held, held.c.license_id == License.id)
        .where(License.deleted_at.is_(None))
        .order_by(func.lower(License.name), License.id)
    )


def _holdings() -> Select:
    target = func.coalesce(User.username, Asset.asset_tag)
    return (
        select(
            Assignment.license_id,
            Assignment.user_id,
            target.label("target"),
            func.coalesce(User.full_name, "").label("full_name"),
            func.coalesce(User.email, "").label("email"),
            func.coalesce(Asset.name, "").label("asset_name"),
            func.sum(Assignment.held).label("held"),
        )
        .join(License, License.id == Assignment.license_id)
        .outerjoin(User, User.id == Assignment.user_id)
        .outerjoin(Asset, Asset.id == Assignment.asset_id)
        .where(Assignment.held > 0, License.deleted_at.is_(None))
        .group_by(Assignment.license_id, Assignment.user_id, Assignment.asset_id)
        .order_by(func.lower(License.name), License.id, Assignment.user_id.is_(None), target)
    )


def _seats_held(condition):
    held = select(func.coalesce(func.sum(Assignment.held), 0)).where(condition)
    return held.scalar_subquery().label("seats_held")


def _where(query: Select, condition) -> Select:
    return query if condition is None else query.where(condition)
