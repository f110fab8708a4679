"""Typed SQLAlchemy models: licenses, the people and machines that hold seats, and history."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Numeric,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base for every AssetLoom table."""


def _unique_while_kept(name: str, *columns: str) -> Index:
    """Unique among records not deleted: a deleted record keeps its history, not its name."""
    kept = text("deleted_at IS NULL")
    return Index(name, *columns, unique=True, sqlite_where=kept, postgresql_where=kept)


class License(Base):
    """A software license with a pool of seats."""

    __tablename__ = "licenses"
    __table_args__ = (
        _unique_while_kept("uq_licenses_name_product_key", "name", "product_key"),
        CheckConstraint("seats >= 0", name="ck_licenses_seats_not_negative"),
        CheckConstraint("min_available >= 0", name="ck_licenses_min_available_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    product_key: Mapped[str] = mapped_column(String(255), default="")
    manufacturer: Mapped[str] = mapped_column(String(255), default="")
    category: Mapped[str] = mapped_column(String(255), default="")
    seats: Mapped[int]
    reassignable: Mapped[bool] = mapped_column(default=True)
    expiration_date: Mapped[dt.date | None] = mapped_column(Date)
    purchase_date: Mapped[dt.date | None] = mapped_column(Date)
    purchase_cost: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    order_number: Mapped[str] = mapped_column(String(255), default="")
    licensed_to_name: Mapped[str] = mapped_column(String(255), default="")
    licensed_to_email: Mapped[str] = mapped_column(String(255), default="")
    supplier: Mapped[str] = mapped_column(String(255), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    min_available: Mapped[int | None]
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class User(Base):
    """A person who can hold license seats."""

    __tablename__ = "users"
    __table_args__ = (_unique_while_kept("uq_users_username", "username"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(255))
    full_name: Mapped[str] = mapped_column(String(255), default="")
    email: Mapped[str] = mapped_column(String(255), default="")
    department: Mapped[str] = mapped_column(String(255), default="")
    employee_number: Mapped[str] = mapped_column(String(255), default="")
    active: Mapped[bool] = mapped_column(default=True)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class Asset(Base):
    """A machine or device that can hold license seats."""

    __tablename__ = "assets"
    __table_args__ = (_unique_while_kept("uq_assets_asset_tag", "asset_tag"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    asset_tag: Mapped[str] = mapped_column(String(255))
    name: Mapped[str] = mapped_column(String(255), default="")
    serial: Mapped[str] = mapped_column(String(255), default="")
    model: Mapped[str] = mapped_column(String(255), default="")
    location: Mapped[str] = mapped_column(String(255), default="")
    active: Mapped[bool] = mapped_column(default=True)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class Assignment(Base):
    """One checkout's seats, held by exactly one user or one asset until checked in."""

    __tablename__ = "assignments"
    __table_args__ = (
        CheckConstraint(
            "(user_id IS NULL) <> (asset_id IS NULL)", name="ck_assignments_one_target"
        ),
        CheckConstraint("quantity >= 1", name="ck_assignments_quantity_positive"),
        CheckConstraint("held >= 0 AND held <= quantity", name="ck_assignments_held_in_range"),
        Index("ix_assignments_license_held", "license_id", "held"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    license_id: Mapped[int] = mapped_column(ForeignKey("licenses.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    asset_id: Mapped[int | None] = mapped_column(ForeignKey("assets.id"), index=True)
    quantity: Mapped[int]
    held: Mapped[int]
    checkout_date: Mapped[dt.date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    operator: Mapped[str] = mapped_column(String(255))


class SeatEvent(Base):
    """An append-only history record of one checkout or checkin."""

    __tablename__ = "seat_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    license_id: Mapped[int] = mapped_column(ForeignKey("licenses.id"), index=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id"), index=True)
    action: Mapped[str] = mapped_column(String(20))
    quantity: Mapped[int]
    event_date: Mapped[dt.date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    operator: Mapped[str] = mapped_column(String(255))
    recorded_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=lambda: dt.datetime.now(dt.UTC)
    )


class ChangeEvent(Base):
    """An append-only record of a change to a license, user or asset (not a seat movement)."""

    __tablename__ = "change_events"
    __table_args__ = (Index("ix_change_events_record", "record_type", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_type: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[int]
    action: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(Text, default="")
    operator: Mapped[str] = mapped_column(String(255))
    recorded_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=lambda: dt.datetime.now(dt.UTC)
    )
