"""SQL building blocks shared by the repositories: seat counts and assignment rows."""

from __future__ import annotations

from pydantic import BaseModel
from sqlalchemy import Select, case, func, literal, select
from sqlalchemy.orm import Session

from assetloom_tui.errors import NotFoundError, SeatRuleError
from assetloom_tui.models import Asset, Assignment, ChangeEvent, License, User
from assetloom_tui.text import plural, printable
from assetloom_tui.views import AssignmentView


def held_by_license():
    """A subquery: seats still held, per license, for licenses with any held."""
    return (
        select(Assignment.license_id, func.sum(Assignment.held).label("held"))
        .where(Assignment.held > 0)
        .group_by(Assignment.license_id)
        .subquery("held_by_license")
    )


def seats_held(session: Session, license_id: int) -> int:
    """Seats of one license held right now, summed by the database."""
    total = select(func.coalesce(func.sum(Assignment.held), 0)).where(
        Assignment.license_id == license_id
    )
    return int(session.scalar(total))


def like_pattern(text: str) -> str:
    """A case-insensitive LIKE pattern matching `text` anywhere, with wildcards escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def assignment_rows() -> Select:
    """Every assignment with its license and target, in the shape of `AssignmentView`."""
    target_type = case((Assignment.user_id.is_not(None), literal("user")), else_=literal("asset"))
    return (
        select(
            Assignment.id,
            Assignment.license_id,
            License.name.label("license_name"),
            License.reassignable,
            target_type.label("target_type"),
            func.coalesce(Assignment.user_id, Assignment.asset_id).label("target_id"),
            func.coalesce(User.username, Asset.asset_tag).label("target"),
            func.coalesce(User.full_name, Asset.name).label("target_name"),
            Assignment.quantity,
            Assignment.held,
            Assignment.checkout_date,
            Assignment.notes,
            Assignment.operator,
        )
        .join(License, License.id == Assignment.license_id)
        .outerjoin(User, User.id == Assignment.user_id)
        .outerjoin(Asset, Asset.id == Assignment.asset_id)
    )


def to_assignment_views(session: Session, query: Select) -> list[AssignmentView]:
    """Run an `assignment_rows()` query and wrap each row."""
    return [AssignmentView(**row._asdict()) for row in session.execute(query)]


def locked_license(session: Session, license_id: int) -> License:
    """Load a license and lock it for the rest of the transaction (row lock where supported)."""
    query = (
        select(License)
        .where(License.id == license_id, License.deleted_at.is_(None))
        .with_for_update()
    )
    license_ = session.scalars(query).one_or_none()
    if license_ is None:
        raise NotFoundError(f"License {license_id} does not exist.")
    return license_


def record_change(
    session: Session, record_type: str, record_id: int, action: str, summary: str, operator: str
) -> None:
    """Append one change to a license, user or asset to the change history."""
    session.add(
        ChangeEvent(
            record_type=record_type,
            record_id=record_id,
            action=action,
            summary=summary,
            operator=operator,
        )
    )


def describe_changes(before: dict[str, object], after: dict[str, object], labels) -> str:
    """`Total Seats: 5 -> 8; Reassignable: yes -> no` for the fields that differ."""
    parts = []
    for name, new in after.items():
        old = before.get(name)
        if old != new:
            parts.append(f"{labels.get(name, name)}: {_shown(old)} -> {_shown(new)}")
    return "; ".join(parts)


def _shown(value: object) -> str:
    if value is None or value == "":
        return "(blank)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def where_seats_are(session: Session, condition) -> str:
    """`alice 2, LAP-7 1` for the assignments matching `condition` that still hold seats."""
    query = assignment_rows().where(condition, Assignment.held > 0).order_by(Assignment.id)
    holders = to_assignment_views(session, query)
    return ", ".join(f"{view.target} {view.held}" for view in holders)


def refuse_seats_below_held(session: Session, license_: License, seats: int) -> None:
    """Total seats may fall to the seats held, never below; the refusal says who holds them."""
    held = seats_held(session, license_.id)
    if seats < held:
        where = where_seats_are(session, Assignment.license_id == license_.id)
        raise SeatRuleError(
            f"Total Seats cannot be {seats}: {plural(held, 'seat')} "
            f"{'is' if held == 1 else 'are'} checked out ({where}). Check some in first.",
            field="seats",
        )


def edited_values(record, fields: BaseModel, original: BaseModel | None, labels) -> dict:
    """What an edit writes: every field, or, given the values the form opened with, only the
    fields the operator changed; the rest keep what is stored now, a colleague's edit included.

    A field both the operator and a colleague changed since the form opened is refused, so
    neither edit is lost without a word.
    """
    typed = fields.model_dump()
    if original is None:
        return typed
    opened = original.model_dump()
    written = {}
    for name, value in typed.items():
        stored = getattr(record, name)
        if value == opened[name]:
            written[name] = stored
            continue
        if _comparable(stored) != _comparable(opened[name]):
            raise SeatRuleError(
                f"{labels.get(name, name)} was changed by someone else while this form was open "
                f"(now {_shown(stored)}). Reopen the form to see it.",
                field=name,
            )
        written[name] = value
    return written


def _comparable(value: object) -> object:
    # Forms are filled with display-safe text; compare stored text the same way.
    return printable(value) if isinstance(value, str) else value
