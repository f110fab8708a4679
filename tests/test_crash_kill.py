"""SIGKILL in the middle of checkouts, checkins and an import leaves a consistent database."""

from __future__ import annotations

import csv
import multiprocessing
import random
import signal
import time
from pathlib import Path

import race_workers
from ledger_checks import assert_ledger_consistent, count_licenses_named
from sqlalchemy import func, select, text

from assetloom_tui.database import Database
from assetloom_tui.models import Assignment, License, SeatEvent, User
from assetloom_tui.schemas import CheckoutRequest
from conftest import TODAY, add_license, add_user

SEED = 4_2026
IMPORT_ROWS = 2_000
IMPORT_USERS = 200
CHURNERS = 3
# What each round does to the importer: kill it at a random SQL statement inside its one
# transaction, kill it (and the churners) after a random delay, or let it finish.
ROUNDS = ("die inside", "killed", "finish", "killed")
# Long enough for the slowest machine to start a Python process and open the database.
START_TIMEOUT = 60
PROBE_LOCK_TIMEOUT = "5s"


def licenses_file(path: Path, tag: str) -> Path:
    """A Snipe-IT licenses export of IMPORT_ROWS new licenses, each giving a seat to a user."""
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Item name", "serial number", "seats", "reassignable", "Username"])
        for row in range(IMPORT_ROWS):
            username = f"imp-{tag}-{row % IMPORT_USERS}"
            writer.writerow([f"Crash {tag} {row:05d}", f"K-{tag}-{row}", 3, "yes", username])
    return path


def wait_for(paths: list[Path], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not all(path.exists() for path in paths):
        assert time.monotonic() < deadline, f"never appeared: {[str(p) for p in paths]}"
        time.sleep(0.02)


def users_named(database: Database, prefix: str) -> int:
    with database.read() as session:
        return int(session.scalar(select(func.count()).where(User.username.startswith(prefix))))


def no_dead_transactions_left(database: Database) -> None:
    """The killed clients' transactions are gone and hold no lock: a writer gets every row."""
    if not database.is_sqlite:
        # The server notices a dropped connection and rolls its transaction back; wait for it.
        deadline = time.monotonic() + 10
        busy = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        busy += "AND pid <> pg_backend_pid() AND state <> 'idle'"
        while True:
            with database.read() as session:
                if session.scalar(text(busy)) == 0:
                    break
            assert time.monotonic() < deadline, "a killed client's session is still open"
            time.sleep(0.05)
    with database.write() as session:
        if not database.is_sqlite:
            session.execute(text(f"SET LOCAL lock_timeout = '{PROBE_LOCK_TIMEOUT}'"))
        session.execute(select(License.id).with_for_update()).all()
        session.execute(select(Assignment.id).with_for_update()).all()


def seed_pool(repo) -> tuple[list[int], list[int]]:
    """Licenses and users for the churners, with some seats already out."""
    licenses = [add_license(repo, name=f"Pool {n}", seats=6) for n in range(4)]
    users = [add_user(repo, f"churn{n}") for n in range(12)]
    for n, license_id in enumerate(licenses):
        request = CheckoutRequest(
            license_id=license_id, target_type="user", target_id=users[n], quantity=2
        )
        repo.seats.checkout(request, operator="setup")
    return licenses, users


def test_sigkill_mid_action_leaves_a_consistent_database(any_repo, any_db_url, tmp_path):
    licenses, users = seed_pool(any_repo)
    rng = random.Random(SEED)
    context = multiprocessing.get_context("spawn")
    today = TODAY.isoformat()

    for number, mode in enumerate(ROUNDS):
        folder = tmp_path / f"round{number}"
        folder.mkdir()
        tag = f"r{number}"
        source = licenses_file(folder / "licenses.csv", tag)
        # The import writes 3 to 4 rows per line of the file, so this lands inside its transaction.
        import_dies_at = rng.randint(10, 3 * IMPORT_ROWS) if mode == "die inside" else 0
        # A late import leaves the churners time to write, even on SQLite's single writer.
        start_after = 0.0 if mode == "die inside" else rng.uniform(0, 1.0)
        churners = [
            context.Process(
                target=race_workers.churn_seats,
                args=(
                    any_db_url,
                    today,
                    licenses,
                    users,
                    seed,
                    rng.choice([0, rng.randint(1, 30)]),
                ),
                kwargs={"folder": str(folder)},
            )
            for seed in range(number * 10, number * 10 + CHURNERS)
        ]
        importer = context.Process(
            target=race_workers.import_licenses,
            args=(any_db_url, today, str(source), import_dies_at, start_after, str(folder)),
        )
        processes = [*churners, importer]
        for process in processes:
            process.start()
        ready = [folder / f"ready-{seed}" for seed in range(number * 10, number * 10 + CHURNERS)]
        wait_for([*ready, folder / "ready-import"], START_TIMEOUT)

        time.sleep(rng.uniform(0.05, 1.5))
        for process in churners:
            process.kill()
            process.join(timeout=30)
        if mode in ("die inside", "finish"):
            importer.join(timeout=60)
        importer.kill()
        importer.join(timeout=30)
        exits = [process.exitcode for process in processes]

        assert all(code == -signal.SIGKILL for code in exits[:-1]), exits
        database = Database(any_db_url)
        try:
            no_dead_transactions_left(database)
            assert_ledger_consistent(database)
            imported = count_licenses_named(database, f"Crash {tag} ")
            users_made = users_named(database, f"imp-{tag}-")
        finally:
            database.dispose()
        assert (imported, users_made) in {(0, 0), (IMPORT_ROWS, IMPORT_USERS)}, mode
        if mode == "finish":
            assert exits[-1] == 0
            assert (folder / "imported").read_text() == f"True {IMPORT_ROWS}"
            assert imported == IMPORT_ROWS
        elif mode == "die inside":
            assert exits[-1] == -signal.SIGKILL
            assert (folder / "died-import").exists()
            assert imported == 0
        elif (folder / "imported").exists():
            assert imported == IMPORT_ROWS
    assert churned(any_repo.database) == {"checkout", "checkin"}


def churned(database: Database) -> set[str]:
    """The seat actions the churners got written, to show the kills hit a working system."""
    with database.read() as session:
        query = select(SeatEvent.action).where(SeatEvent.operator == "churn").distinct()
        return set(session.scalars(query))
