"""Invariants a database must satisfy after any race or crash: the seat ledger and the schema."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select, text

from assetloom_tui.database import Database
from assetloom_tui.models import Assignment, License, SeatEvent

SEAT_ACTIONS = {"checkout", "checkin"}


def ledger_problems(database: Database) -> list[str]:
    """Every way the stored seats disagree with the rules or with the seat_events ledger."""
    problems = _sqlite_problems(database) if database.is_sqlite else []
    with database.read() as session:
        assignments = session.execute(
            select(Assignment.id, Assignment.license_id, Assignment.quantity, Assignment.held)
        ).all()
        events = session.execute(
            select(
                SeatEvent.assignment_id, SeatEvent.license_id, SeatEvent.action, SeatEvent.quantity
            )
        ).all()
        seats = dict(session.execute(select(License.id, License.seats)).all())
    problems += _assignment_problems(assignments, events)
    held_per_license: dict[int, int] = defaultdict(int)
    for assignment in assignments:
        held_per_license[assignment.license_id] += assignment.held
    for license_id, held in sorted(held_per_license.items()):
        if held > seats[license_id]:
            problems.append(f"license {license_id}: {held} held but only {seats[license_id]} seats")
    return problems


def assert_ledger_consistent(database: Database) -> None:
    """Fail with every problem found, one per line."""
    problems = ledger_problems(database)
    assert not problems, "inconsistent database:\n" + "\n".join(problems)


def count_licenses_named(database: Database, prefix: str) -> int:
    """How many licenses have a name starting with `prefix` (one import's licenses)."""
    with database.read() as session:
        query = select(func.count()).where(License.name.startswith(prefix, autoescape=True))
        return int(session.scalar(query))


def _sqlite_problems(database: Database) -> list[str]:
    with database.read() as session:
        integrity = [row[0] for row in session.execute(text("PRAGMA integrity_check"))]
        foreign_keys = session.execute(text("PRAGMA foreign_key_check")).all()
    problems = [] if integrity == ["ok"] else [f"integrity_check: {integrity}"]
    return problems + [f"foreign_key_check: {row}" for row in foreign_keys]


def _assignment_problems(assignments, events) -> list[str]:
    checkouts: dict[int, list[int]] = defaultdict(list)
    checked_in: dict[int, int] = defaultdict(int)
    license_of = {assignment.id: assignment.license_id for assignment in assignments}
    problems = []
    for event in events:
        if event.action not in SEAT_ACTIONS:
            problems.append(f"assignment {event.assignment_id}: unknown action {event.action!r}")
        elif event.action == "checkout":
            checkouts[event.assignment_id].append(event.quantity)
        else:
            checked_in[event.assignment_id] += event.quantity
        if license_of.get(event.assignment_id) != event.license_id:
            problems.append(
                f"assignment {event.assignment_id}: event names license {event.license_id}"
            )
    for assignment in assignments:
        where = f"assignment {assignment.id}"
        if not 0 <= assignment.held <= assignment.quantity:
            problems.append(f"{where}: held {assignment.held} of {assignment.quantity}")
        if checkouts[assignment.id] != [assignment.quantity]:
            problems.append(
                f"{where}: checkout events {checkouts[assignment.id]}, "
                f"quantity {assignment.quantity}"
            )
        if assignment.quantity - checked_in[assignment.id] != assignment.held:
            problems.append(
                f"{where}: quantity {assignment.quantity} - checked in "
                f"{checked_in[assignment.id]} != held {assignment.held}"
            )
    return problems
