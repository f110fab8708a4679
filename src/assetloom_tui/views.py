"""Plain, frozen results the repository hands to screens and the command line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from assetloom_tui.text import plural, printable

EXPIRY_WINDOW_DAYS = 30


class _Shown:
    """Every text field is made safe for a terminal once, where results leave the repository."""

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if isinstance(value, str):
                object.__setattr__(self, name, printable(value))


@dataclass(frozen=True)
class LicenseSummary(_Shown):
    """One row of the license list, with its seat counts computed in SQL."""

    id: int
    name: str
    product_key: str
    manufacturer: str
    seats: int
    held: int
    available: int
    expiration_date: dt.date | None
    reassignable: bool
    min_available: int | None = None

    def alerts(self, today: dt.date, within_days: int = EXPIRY_WINDOW_DAYS) -> tuple[str, ...]:
        """What needs attention: "expired", "expiring" (within the window), "low" (at threshold)."""
        reasons = []
        if self.expiration_date is not None:
            if self.expiration_date < today:
                reasons.append("expired")
            elif self.expiration_date <= today + dt.timedelta(days=within_days):
                reasons.append("expiring")
        if self.min_available is not None and self.available <= self.min_available:
            reasons.append("low")
        return tuple(reasons)


@dataclass(frozen=True)
class LicenseDetail(_Shown):
    """Every field of one license plus its seat counts."""

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
    min_available: int | None = None


@dataclass(frozen=True)
class AssignmentView(_Shown):
    """Seats of one license still held by one target after one checkout."""

    id: int
    license_id: int
    license_name: str
    reassignable: bool
    target_type: str
    target_id: int
    target: str
    target_name: str
    quantity: int
    held: int
    checkout_date: dt.date
    notes: str
    operator: str

    @property
    def target_label(self) -> str:
        """`username (Full Name)` or `TAG (Asset name)`, for screens."""
        return f"{self.target} ({self.target_name})" if self.target_name else self.target


@dataclass(frozen=True)
class HistoryEntry(_Shown):
    """One checkout or checkin as recorded."""

    id: int
    action: str
    license_id: int
    license_name: str
    assignment_id: int
    target_type: str
    target: str
    quantity: int
    event_date: dt.date
    notes: str
    operator: str
    recorded_at: dt.datetime


@dataclass(frozen=True)
class UserSummary(_Shown):
    """A user with the number of seats they hold."""

    id: int
    username: str
    full_name: str
    email: str
    employee_number: str
    active: bool
    seats_held: int


@dataclass(frozen=True)
class AssetSummary(_Shown):
    """An asset with the number of seats it holds."""

    id: int
    asset_tag: str
    name: str
    serial: str
    model: str
    location: str
    active: bool
    seats_held: int


@dataclass(frozen=True)
class CheckinAllResult(_Shown):
    """What Checkin All returned: how many assignments and seats."""

    license_id: int
    assignments: int
    seats: int


@dataclass(frozen=True)
class LicenseAlert(_Shown):
    """A license that needs attention, and why."""

    license: LicenseSummary
    reasons: tuple[str, ...]
    today: dt.date

    @property
    def message(self) -> str:
        """`expired 2026-10-20; 2 available, threshold 3` in plain words."""
        parts = []
        expires = self.license.expiration_date
        if "expired" in self.reasons:
            parts.append(f"expired {expires.isoformat()}")
        if "expiring" in self.reasons:
            days = (expires - self.today).days
            when = "today" if days == 0 else f"in {plural(days, 'day')}"
            parts.append(f"expires {expires.isoformat()} ({when})")
        if "low" in self.reasons:
            parts.append(
                f"{self.license.available} available, threshold {self.license.min_available}"
            )
        return "; ".join(parts)


@dataclass(frozen=True)
class ChangeEntry(_Shown):
    """One change to a license, user or asset: added, edited, deactivated, deleted..."""

    id: int
    record_type: str
    record_id: int
    action: str
    summary: str
    operator: str
    recorded_at: dt.datetime


@dataclass(frozen=True)
class ActivityEntry(_Shown):
    """One line of the activity log: a seat movement or a change to a record."""

    recorded_at: dt.datetime
    operator: str
    action: str
    record_type: str
    license_id: int | None
    license: str
    target_type: str | None
    target: str
    quantity: int | None
    event_date: dt.date | None
    notes: str


@dataclass(frozen=True)
class LedgerProblem(_Shown):
    """An assignment whose seats held differ from what its history adds up to."""

    license_id: int
    license: str
    assignment_id: int
    quantity: int
    held: int
    logged_checkout: int
    logged_held: int

    @property
    def message(self) -> str:
        """What differs, in words."""
        if self.quantity == 0:
            return (
                f"License {self.license_id} {self.license!r}, assignment {self.assignment_id}: "
                f"missing, but its history adds up to {self.logged_held} of "
                f"{self.logged_checkout}."
            )
        return (
            f"License {self.license_id} {self.license!r}, assignment {self.assignment_id}: "
            f"holds {self.held} of {self.quantity}, but its history adds up to "
            f"{self.logged_held} of {self.logged_checkout}."
        )
