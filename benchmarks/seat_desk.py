"""Benchmark the seat desk at helpdesk scale and print the figures.

Run: .venv/bin/python benchmarks/seat_desk.py [--licenses N] [--users N] [--db URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, text

from assetloom_tui.models import Assignment, License, User
from assetloom_tui.repository import Repository
from assetloom_tui.schemas import CheckinRequest, CheckoutRequest


def populate(repo: Repository, licenses: int, users: int, rng: random.Random) -> None:
    """Bulk-load licenses, users and assignments (setup only; not what is measured)."""
    with repo.database.write() as session:
        session.execute(
            insert(License),
            [
                {
                    "name": f"Product {n:05d}",
                    "product_key": f"KEY-{n:08d}",
                    "seats": 200,
                    "manufacturer": f"Vendor {n % 97}",
                }
                for n in range(licenses)
            ],
        )
        session.execute(
            insert(User),
            [{"username": f"user{n:06d}", "full_name": f"Person {n}"} for n in range(users)],
        )
        rows = []
        for license_id in range(1, licenses + 1):
            for _ in range(rng.randint(0, 40)):
                quantity = rng.randint(1, 3)
                rows.append(
                    {
                        "license_id": license_id,
                        "user_id": rng.randint(1, users),
                        "quantity": quantity,
                        "held": quantity,
                        "operator": "bench",
                        "checkout_date": dt.date(2026, 1, 5),
                        "notes": "",
                    }
                )
        session.execute(insert(Assignment), rows)
    if repo.database.engine.dialect.name == "postgresql":
        # A live server has planner statistics from autovacuum; a fresh bulk load has none yet.
        with repo.database.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))


def timed(label: str, runs: int, action) -> None:
    """Run `action` `runs` times and print the median and the worst time."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    print(
        f"{label:<44} median {statistics.median(samples):8.2f} ms   "
        f"max {max(samples):8.2f} ms   ({runs} runs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--licenses", type=int, default=2_000)
    parser.add_argument("--users", type=int, default=20_000)
    parser.add_argument("--db", help="SQLAlchemy URL (default: a temporary SQLite file)")
    arguments = parser.parse_args()
    rng = random.Random(7)

    with tempfile.TemporaryDirectory() as folder:
        url = arguments.db or f"sqlite:///{Path(folder) / 'bench.db'}"
        repo = Repository.open(url)
        started = time.perf_counter()
        populate(repo, arguments.licenses, arguments.users, rng)
        print(
            f"setup: {arguments.licenses} licenses, {arguments.users} users "
            f"in {time.perf_counter() - started:.1f} s on {repo.database.engine.dialect.name}"
        )

        timed("license list (all rows, seat counts in SQL)", 20, repo.licenses.list)
        timed("license list filtered ('vendor 4')", 20, lambda: repo.licenses.list("vendor 4"))
        timed(
            "license detail with seat count",
            50,
            lambda: repo.licenses.get(rng.randint(1, arguments.licenses)),
        )
        timed(
            "assignments of one license",
            50,
            lambda: repo.licenses.assignments(rng.randint(1, arguments.licenses)),
        )
        timed(
            "user search, 50 shown ('son 12')",
            50,
            lambda: repo.people.users("son 12", active_only=True, limit=50),
        )
        timed(
            "user profile licenses",
            50,
            lambda: repo.people.user_assignments(rng.randint(1, arguments.users)),
        )

        def checkout_and_back() -> None:
            request = CheckoutRequest(
                license_id=rng.randint(1, arguments.licenses),
                target_type="user",
                target_id=rng.randint(1, 500),
            )
            assignment = repo.seats.checkout(request, operator="bench")
            repo.seats.checkin(
                CheckinRequest(
                    assignment_id=assignment.id, quantity=1, checkin_date=dt.date.today()
                ),
                operator="bench",
            )

        timed("checkout 1 seat + checkin it (2 transactions)", 200, checkout_and_back)
        repo.close()


if __name__ == "__main__":
    main()
