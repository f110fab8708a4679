"""Real OS processes racing checkouts against a cut of total seats and against Checkin All."""

from __future__ import annotations

import multiprocessing
import re
from collections import Counter, defaultdict

import race_workers
from ledger_checks import assert_ledger_consistent
from sqlalchemy import func, select

from assetloom_tui.models import Assignment, ChangeEvent, SeatEvent, User
from assetloom_tui.schemas import CheckoutRequest
from conftest import TODAY, add_license, add_user

ROUNDS = 3
RACERS = 8
SEATS = 10
KEPT = 4
CUT_TO = 6


def race_rounds(jobs, rounds: int) -> dict[int, list[tuple[str, str, str]]]:
    """Start one process per (worker, arguments), race them `rounds` times; outcomes per round."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(jobs))
    results = context.Queue()
    processes = [
        context.Process(target=worker, args=(*arguments, barrier, results))
        for worker, arguments in jobs
    ]
    for process in processes:
        process.start()
    outcomes = defaultdict(list)
    try:
        for _ in range(len(jobs) * rounds):
            number, who, kind, detail = results.get(timeout=60)
            outcomes[number].append((who, kind, detail))
    finally:
        for process in processes:
            process.join(timeout=30)
            if process.exitcode is None:
                process.kill()
    assert [process.exitcode for process in processes] == [0] * len(processes)
    crashes = [
        detail for round_ in outcomes.values() for _, kind, detail in round_ if kind == "crash"
    ]
    assert crashes == []
    return outcomes


def seat_pool(repo, name: str, keepers: dict[str, int]) -> int:
    """A SEATS-seat license with seats already checked out to each keeper."""
    license_id = add_license(repo, name=name, seats=SEATS)
    for username, quantity in keepers.items():
        request = CheckoutRequest(
            license_id=license_id,
            target_type="user",
            target_id=add_user(repo, f"{username}-{license_id}"),
            quantity=quantity,
        )
        repo.seats.checkout(request, operator="setup")
    return license_id


def racers(repo) -> dict[int, str]:
    """RACERS users, by id, who each ask for one seat per round."""
    return {add_user(repo, f"racer{n}"): f"racer{n}" for n in range(RACERS)}


def winners_in_commit_order(repo, license_id: int) -> list[tuple[int, str, int]]:
    """(assignment id, username, seat event id) of every racer's checkout, first committed first.

    Ids are handed out under the license lock, so their order is the order of the commits.
    """
    query = (
        select(Assignment.id, User.username, SeatEvent.id)
        .join(User, User.id == Assignment.user_id)
        .join(SeatEvent, SeatEvent.assignment_id == Assignment.id)
        .where(
            Assignment.license_id == license_id,
            SeatEvent.action == "checkout",
            User.username.startswith("racer"),
        )
        .order_by(Assignment.id)
    )
    with repo.database.read() as session:
        return [tuple(row) for row in session.execute(query)]


def pairs(repo, key, value, license_id: int, action: str | None = None) -> dict[int, int]:
    """{key: value} over one license's assignments, or over its seat events of `action`."""
    query = select(key, value).where(key.class_.license_id == license_id)
    if action is not None:
        query = query.where(SeatEvent.action == action)
    with repo.database.read() as session:
        return dict(session.execute(query).all())


def only_none_left(name: str) -> str:
    return f"Only 0 seats of '{name}' available."


def test_checkouts_racing_a_cut_of_total_seats_never_end_above_it(any_repo, any_db_url):
    users = racers(any_repo)
    names = [f"Cut {n}" for n in range(ROUNDS)]
    licenses = [(seat_pool(any_repo, name, {"keeper": KEPT}), name) for name in names]
    ids = [license_id for license_id, _ in licenses]
    today = TODAY.isoformat()
    jobs = [(race_workers.checkout_rounds, (any_db_url, today, ids, user)) for user in users]
    jobs.append((race_workers.cut_seats_rounds, (any_db_url, today, licenses, CUT_TO)))

    outcomes = race_rounds(jobs, ROUNDS)

    cuts = 0
    for number, (license_id, name) in enumerate(licenses):
        [(_, cut, message)] = [entry for entry in outcomes[number] if entry[0] == "cut"]
        checkouts = Counter(kind for who, kind, _ in outcomes[number] if who != "cut")
        refusals = {d for who, kind, d in outcomes[number] if kind == "refused" and who != "cut"}
        winners = winners_in_commit_order(any_repo, license_id)
        detail = any_repo.licenses.get(license_id)
        assert len(winners) == checkouts["ok"]
        if cut == "ok":
            # Only CUT_TO - KEPT racers won in all, so held never passed the new total.
            cuts += 1
            assert checkouts == {"ok": CUT_TO - KEPT, "refused": RACERS - (CUT_TO - KEPT)}
            assert (detail.seats, detail.held, detail.available) == (CUT_TO, CUT_TO, 0)
        else:
            # Refused: the message names exactly the first winners to commit, and nothing else.
            assert cut == "refused"
            assert checkouts == {"ok": SEATS - KEPT, "refused": RACERS - (SEATS - KEPT)}
            assert (detail.seats, detail.held, detail.available) == (SEATS, SEATS, 0)
            before = int(re.search(r": (\d+) seats are", message)[1]) - KEPT
            assert CUT_TO - KEPT < before <= SEATS - KEPT
            holders = ", ".join(
                [f"keeper-{license_id} {KEPT}"] + [f"{user} 1" for _, user, _ in winners[:before]]
            )
            assert message == (
                f"Total Seats cannot be {CUT_TO}: {KEPT + before} seats are checked out "
                f"({holders}). Check some in first."
            )
        assert refusals <= {only_none_left(name)}
    with any_repo.database.read() as session:
        edits = session.scalar(
            select(func.count()).where(
                ChangeEvent.record_type == "license", ChangeEvent.action == "edited"
            )
        )
    assert edits == cuts
    assert_ledger_consistent(any_repo.database)


def test_checkouts_racing_checkin_all_keep_exactly_the_later_seats(any_repo, any_db_url):
    users = racers(any_repo)
    keepers = {"keeper-a": 3, "keeper-b": 1}
    names = [f"Sweep {n}" for n in range(ROUNDS)]
    ids = [seat_pool(any_repo, name, keepers) for name in names]
    today = TODAY.isoformat()
    jobs = [(race_workers.checkout_rounds, (any_db_url, today, ids, user)) for user in users]
    jobs.append((race_workers.checkin_all_rounds, (any_db_url, today, ids)))

    outcomes = race_rounds(jobs, ROUNDS)

    for number, (license_id, name) in enumerate(zip(ids, names)):
        [(_, sweep, result)] = [entry for entry in outcomes[number] if entry[0] == "checkin_all"]
        assert sweep == "ok"
        checkouts = Counter(kind for who, kind, _ in outcomes[number] if who != "checkin_all")
        refusals = {detail for who, kind, detail in outcomes[number] if kind == "refused"}
        swept = pairs(any_repo, SeatEvent.assignment_id, SeatEvent.id, license_id, "checkin")
        held = pairs(any_repo, Assignment.id, Assignment.held, license_id)
        first, last = min(swept.values()), max(swept.values())
        winners = winners_in_commit_order(any_repo, license_id)
        before = [assignment for assignment, _, event in winners if event < first]
        after = [assignment for assignment, _, event in winners if event > last]

        assert len(before) + len(after) == len(winners) == checkouts["ok"]
        assert len(before) <= SEATS - sum(keepers.values())
        if checkouts["refused"]:
            # A checkout is refused only while the license is full, before Checkin All.
            assert len(before) == SEATS - sum(keepers.values())
            assert refusals == {only_none_left(name)}
        kept = [assignment for assignment in held if assignment not in {*before, *after}]
        assert len(kept) == len(keepers)
        assert sorted(swept) == sorted(kept + before)
        assert result == f"{len(kept) + len(before)} {sum(keepers.values()) + len(before)}"
        assert {assignment: held[assignment] for assignment in after} == dict.fromkeys(after, 1)
        assert sum(held.values()) == len(after)
        assert any_repo.licenses.get(license_id).available == SEATS - len(after)
    assert_ledger_consistent(any_repo.database)
