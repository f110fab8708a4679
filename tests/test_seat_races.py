"""Real OS processes racing for the same seats on one SQLite file."""

from __future__ import annotations

import multiprocessing
from collections import Counter

import race_workers
from sqlalchemy import func, select, text

from assetloom_tui.models import SeatEvent
from assetloom_tui.repository import Repository
from assetloom_tui.schemas import CheckoutRequest
from conftest import add_license, add_user

PROCESSES = 10


def race(target, argument_sets) -> list[tuple[str, str]]:
    """Start one process per argument set, release them together, and collect outcomes."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(argument_sets))
    results = context.Queue()
    processes = [
        context.Process(target=target, args=(*arguments, barrier, results))
        for arguments in argument_sets
    ]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    crashes = [detail for kind, detail in outcomes if kind == "crash"]
    assert crashes == []
    return outcomes


def seat_events(url: str, action: str) -> int:
    repo = Repository.open(url)
    with repo.database.read() as session:
        total = session.scalar(
            select(func.coalesce(func.sum(SeatEvent.quantity), 0)).where(SeatEvent.action == action)
        )
    repo.close()
    return total


def test_processes_racing_for_the_last_seats_never_oversubscribe(any_repo, any_db_url):
    seats = 5
    license_id = add_license(any_repo, seats=seats)
    users = [add_user(any_repo, f"racer{n}") for n in range(PROCESSES)]

    outcomes = race(race_workers.checkout_one, [(any_db_url, license_id, u) for u in users])

    kinds = Counter(kind for kind, _ in outcomes)
    assert kinds == {"ok": seats, "refused": PROCESSES - seats}
    assert all(
        message == "Only 0 seats of 'Office Suite' available."
        for kind, message in outcomes
        if kind == "refused"
    )
    detail = any_repo.licenses.get(license_id)
    assert (detail.held, detail.available) == (seats, 0)
    assert len(any_repo.licenses.assignments(license_id)) == seats
    assert seat_events(any_db_url, "checkout") == seats


def test_processes_checking_in_one_assignment_never_return_more_than_held(any_repo, any_db_url):
    license_id = add_license(any_repo, seats=7)
    request = CheckoutRequest(
        license_id=license_id, target_type="user", target_id=add_user(any_repo), quantity=5
    )
    assignment = any_repo.seats.checkout(request, operator="setup")
    each = 2

    outcomes = race(race_workers.checkin_some, [(any_db_url, assignment.id, each)] * PROCESSES)

    winners = 5 // each
    kinds = Counter(kind for kind, _ in outcomes)
    assert kinds == {"ok": winners, "refused": PROCESSES - winners}
    left = 5 - winners * each
    assert {message for kind, message in outcomes if kind == "refused"} == {
        f"Checkin Quantity {each} is more than the {left} held by this assignment."
    }
    assert any_repo.seats.assignment(assignment.id).held == left
    assert any_repo.licenses.get(license_id).available == 7 - left
    assert seat_events(any_db_url, "checkin") == winners * each


def test_processes_opening_a_new_database_at_once_create_one_schema(any_db_url):
    url = any_db_url

    outcomes = race(race_workers.open_fresh, [(url,)] * 8)

    assert Counter(kind for kind, _ in outcomes) == {"ok": 8}
    repo = Repository.open(url)
    with repo.database.read() as session:
        versions = session.execute(text("SELECT version_num FROM alembic_version")).all()
    repo.close()
    assert versions == [("0001",)]
