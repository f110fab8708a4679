"""Seat changes: checkout, checkin and Checkin All, each one atomic transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from assetloom_tui.database import Database
from assetloom_tui.errors import ExpiredLicenseError, NotFoundError, SeatRuleError
from assetloom_tui.models import Asset, Assignment, License, SeatEvent, User
from assetloom_tui.repository.queries import (
    assignment_rows,
    locked_license,
    seats_held,
    to_assignment_views,
)
from assetloom_tui.schemas import CheckinAllRequest, CheckinRequest, CheckoutRequest
from assetloom_tui.text import plural
from assetloom_tui.views import AssignmentView, CheckinAllResult


class SeatRepository:
    """Hands seats out and takes them back, enforcing every seat rule inside the transaction."""

    def __init__(self, database: Database, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._database = database
        self._today = today

    def today(self) -> dt.date:
        """The date the seat rules count as today (the default Checkin Date)."""
        return self._today()

    def checkout(self, request: CheckoutRequest, operator: str) -> AssignmentView:
        """Give `quantity` seats to one user or asset, if that many are available right now."""
        with self._database.write() as session:
            assignment = checkout_in_session(session, request, operator, self._today())
            assignment_id = assignment.id
        return self.assignment(assignment_id)

    def checkin(self, request: CheckinRequest, operator: str) -> AssignmentView:
        """Return `quantity` seats from one assignment, no more than it holds."""
        with self._database.write() as session:
            license_id = session.scalar(
                select(Assignment.license_id).where(Assignment.id == request.assignment_id)
            )
            if license_id is None:
                raise NotFoundError(f"Assignment {request.assignment_id} does not exist.")
            license_ = locked_license(session, license_id)
            _require_reassignable(license_)
            # Re-read under the lock: a colleague may have checked seats in meanwhile.
            assignment = session.get(Assignment, request.assignment_id, populate_existing=True)
            if assignment.held == 0:
                raise SeatRuleError(
                    f"Assignment {assignment.id} has already been checked in in full.",
                    field="quantity",
                )
            if request.quantity > assignment.held:
                raise SeatRuleError(
                    f"Checkin Quantity {request.quantity} is more than the {assignment.held} "
                    f"held by this assignment.",
                    field="quantity",
                )
            checkin_date = request.checkin_date or self.default_checkin_date(assignment)
            self._check_checkin_date(checkin_date, assignment.checkout_date)

            assignment.held -= request.quantity
            session.add(
                _event(
                    assignment,
                    "checkin",
                    request.quantity,
                    checkin_date,
                    request.notes,
                    operator,
                )
            )
        return self.assignment(request.assignment_id)

    def checkin_all(self, request: CheckinAllRequest, operator: str) -> CheckinAllResult:
        """Return every held seat of one license; each assignment gets its own checkin record."""
        with self._database.write() as session:
            license_ = locked_license(session, request.license_id)
            _require_reassignable(license_)
            held = session.scalars(
                select(Assignment)
                .where(Assignment.license_id == license_.id, Assignment.held > 0)
                .order_by(Assignment.id)
            ).all()
            if not held:
                raise SeatRuleError(f"No seats of {license_.name!r} are checked out.")
            latest = max(held, key=lambda assignment: (assignment.checkout_date, assignment.id))
            checkin_date = request.checkin_date or self.default_checkin_date(latest)
            if checkin_date < latest.checkout_date:
                [view] = to_assignment_views(
                    session, assignment_rows().where(Assignment.id == latest.id)
                )
                which = f" of the seats checked out to {view.target}"
            else:
                which = ""
            self._check_checkin_date(checkin_date, latest.checkout_date, which)

            seats = 0
            for assignment in held:
                seats += assignment.held
                session.add(
                    _event(
                        assignment,
                        "checkin",
                        assignment.held,
                        checkin_date,
                        request.notes,
                        operator,
                    )
                )
                assignment.held = 0
        return CheckinAllResult(license_id=request.license_id, assignments=len(held), seats=seats)

    def assignment(self, assignment_id: int) -> AssignmentView:
        """One assignment, whether or not it still holds seats."""
        with self._database.read() as session:
            views = to_assignment_views(
                session, assignment_rows().where(Assignment.id == assignment_id)
            )
        if not views:
            raise NotFoundError(f"Assignment {assignment_id} does not exist.")
        return views[0]

    def default_checkin_date(self, assignment) -> dt.date:
        """Today, or the checkout date when a checkout from another time zone is dated later."""
        return max(self._today(), assignment.checkout_date)

    def _check_checkin_date(
        self, checkin_date: dt.date, checkout_date: dt.date, which: str = ""
    ) -> None:
        # "Today" is this host's; a checkout written where it is already tomorrow may be
        # checked in on its own date.
        today = max(self._today(), checkout_date)
        if checkin_date > today:
            raise SeatRuleError(
                f"Checkin Date {checkin_date.isoformat()} is in the future (today is "
                f"{today.isoformat()}).",
                field="checkin_date",
            )
        if checkin_date < checkout_date:
            raise SeatRuleError(
                f"Checkin Date {checkin_date.isoformat()} is before the checkout date "
                f"{checkout_date.isoformat()}{which}.",
                field="checkin_date",
            )


def checkout_in_session(
    session: Session, request: CheckoutRequest, operator: str, checkout_date: dt.date
) -> Assignment:
    """Check out seats inside the caller's write transaction, under every checkout rule."""
    license_ = locked_license(session, request.license_id)
    _require_target(session, request.target_type, request.target_id)
    expires = license_.expiration_date
    if expires is not None and expires < checkout_date and not request.allow_expired:
        raise ExpiredLicenseError(
            f"{license_.name!r} expired on {expires.isoformat()}. Confirm to check out seats "
            "of an expired license.",
            expired_on=expires,
        )
    available = license_.seats - seats_held(session, license_.id)
    if request.quantity > available:
        raise SeatRuleError(_only_available(available, license_.name), field="quantity")

    assignment = Assignment(
        license_id=license_.id,
        user_id=request.target_id if request.target_type == "user" else None,
        asset_id=request.target_id if request.target_type == "asset" else None,
        quantity=request.quantity,
        held=request.quantity,
        checkout_date=checkout_date,
        notes=request.notes,
        operator=operator,
    )
    session.add(assignment)
    session.flush()
    session.add(
        _event(assignment, "checkout", request.quantity, checkout_date, request.notes, operator)
    )
    return assignment


def _only_available(available: int, license_name: str) -> str:
    return f"Only {plural(available, 'seat')} of {license_name!r} available."


def _require_target(session: Session, target_type: str, target_id: int) -> None:
    model = User if target_type == "user" else Asset
    target = session.get(model, target_id)
    if target is None or target.deleted_at is not None:
        raise NotFoundError(
            f"The chosen {target_type} no longer exists (it may have just been deleted).",
            field="target_id",
        )
    if not target.active:
        label = target.username if isinstance(target, User) else target.asset_tag
        raise SeatRuleError(
            f"{target_type.capitalize()} {label} is inactive and cannot receive seats.",
            field="target_id",
        )


def _require_reassignable(license_: License) -> None:
    if not license_.reassignable:
        raise SeatRuleError(
            f"{license_.name!r} is not reassignable: its seats cannot be checked in, "
            "they stay with whoever they were checked out to."
        )


def _event(
    assignment: Assignment,
    action: str,
    quantity: int,
    event_date: dt.date,
    notes: str,
    operator: str,
) -> SeatEvent:
    return SeatEvent(
        license_id=assignment.license_id,
        assignment_id=assignment.id,
        action=action,
        quantity=quantity,
        event_date=event_date,
        notes=notes,
        operator=operator,
    )
