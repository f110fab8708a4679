"""Code that runs in separate OS processes racing for the same seats."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import time
import traceback
from pathlib import Path

from sqlalchemy import event

from assetloom_tui.database import open_database
from assetloom_tui.errors import AssetLoomError
from assetloom_tui.importers import load
from assetloom_tui.record_schemas import LicenseFields
from assetloom_tui.repository import Repository
from assetloom_tui.schemas import CheckinAllRequest, CheckinRequest, CheckoutRequest

WRITES = ("INSERT", "UPDATE", "DELETE")


def _run(barrier, results, action) -> None:
    try:
        barrier.wait(timeout=60)
        action()
        results.put(("ok", ""))
    except AssetLoomError as refused:
        results.put(("refused", refused.message))
    except Exception:  # anything else must fail the test, so report it in full
        results.put(("crash", traceback.format_exc()))


def checkout_one(url: str, license_id: int, user_id: int, barrier, results) -> None:
    """Open the database in this process and check out one seat at the barrier's signal."""
    repo = Repository.open(url)
    request = CheckoutRequest(license_id=license_id, target_type="user", target_id=user_id)
    _run(barrier, results, lambda: repo.seats.checkout(request, operator="racer"))
    repo.close()


def checkin_some(url: str, assignment_id: int, quantity: int, barrier, results) -> None:
    """Open the database in this process and check in `quantity` seats at the signal."""
    repo = Repository.open(url)
    request = CheckinRequest(
        assignment_id=assignment_id, quantity=quantity, checkin_date=dt.date.today()
    )
    _run(barrier, results, lambda: repo.seats.checkin(request, operator="racer"))
    repo.close()


def open_fresh(url: str, barrier, results) -> None:
    """Open (and so create) the same brand-new database as the other processes."""
    _run(barrier, results, lambda: Repository.open(url).close())


def _dated(url: str, today: str) -> Repository:
    """A repository whose 'today' is the test's fixed day, whatever the clock says."""
    day = dt.date.fromisoformat(today)
    return Repository(open_database(url), today=lambda: day)


def _outcome(action) -> tuple[str, str]:
    """Run one seat action: ("ok", what it returned), ("refused", message) or ("crash", ...)."""
    try:
        return ("ok", str(action()))
    except AssetLoomError as refused:
        return ("refused", refused.message)
    except Exception:  # noqa: BLE001 - anything else must fail the test, so report it in full
        return ("crash", traceback.format_exc())


def _rounds(who: str, actions, barrier, results) -> None:
    """Run one action per round, all processes released together by the barrier each round."""
    for number, action in enumerate(actions):
        try:
            barrier.wait(timeout=60)
        except Exception:  # noqa: BLE001 - a broken barrier is reported, not raised
            results.put((number, who, "crash", traceback.format_exc()))
            return
        results.put((number, who, *_outcome(action)))


def checkout_rounds(url: str, today: str, license_ids, user_id: int, barrier, results) -> None:
    """Check out one seat of each license in turn, one license per round."""
    repo = _dated(url, today)
    requests = [
        CheckoutRequest(license_id=license_id, target_type="user", target_id=user_id)
        for license_id in license_ids
    ]
    actions = [
        lambda r=request: repo.seats.checkout(r, operator="racer").id for request in requests
    ]
    _rounds(f"user:{user_id}", actions, barrier, results)
    repo.close()


def cut_seats_rounds(url: str, today: str, licenses, seats: int, barrier, results) -> None:
    """Edit each (license id, name) in turn to `seats` total seats, all other fields unchanged."""
    repo = _dated(url, today)
    actions = [
        lambda i=license_id, n=name: repo.license_records.edit(
            i, LicenseFields(name=n, seats=seats), operator="cutter"
        )
        for license_id, name in licenses
    ]
    _rounds("cut", actions, barrier, results)
    repo.close()


def checkin_all_rounds(url: str, today: str, license_ids, barrier, results) -> None:
    """Check in every held seat of each license in turn, one license per round."""
    repo = _dated(url, today)
    day = dt.date.fromisoformat(today)

    def checkin_all(license_id: int) -> str:
        request = CheckinAllRequest(license_id=license_id, checkin_date=day)
        result = repo.seats.checkin_all(request, operator="sweeper")
        return f"{result.assignments} {result.seats}"

    actions = [lambda i=license_id: checkin_all(i) for license_id in license_ids]
    _rounds("checkin_all", actions, barrier, results)
    repo.close()


def die_at_write(repo: Repository, write: int, marker: Path) -> None:
    """SIGKILL this process just before its `write`-th INSERT, UPDATE or DELETE.

    Every write runs inside a transaction, and most actions write twice (the assignment, then
    its seat event), so about half of these kills land between the two.
    """
    count = 0

    @event.listens_for(repo.database.engine, "before_cursor_execute")
    def count_and_die(_connection, _cursor, statement: str, *_arguments) -> None:
        nonlocal count
        if statement.lstrip().upper().startswith(WRITES):
            count += 1
            if count == write:
                marker.write_text(str(write))
                os.kill(os.getpid(), signal.SIGKILL)


def churn_seats(
    url: str, today: str, license_ids, user_ids, seed: int, die_at: int, folder: str
) -> None:
    """Check seats out and in at random until killed (by the test or by itself)."""
    repo = _dated(url, today)
    folder = Path(folder)
    rng = random.Random(seed)
    day = dt.date.fromisoformat(today)
    if die_at:
        die_at_write(repo, die_at, folder / f"died-{seed}")
    (folder / f"ready-{seed}").touch()
    while True:
        license_id = rng.choice(license_ids)
        choice = rng.random()
        try:
            if choice < 0.5:
                request = CheckoutRequest(
                    license_id=license_id,
                    target_type="user",
                    target_id=rng.choice(user_ids),
                    quantity=rng.randint(1, 3),
                )
                repo.seats.checkout(request, operator="churn")
            elif choice < 0.95:
                held = [view for view in repo.licenses.assignments(license_id) if view.held]
                if held:
                    view = rng.choice(held)
                    request = CheckinRequest(
                        assignment_id=view.id, quantity=rng.randint(1, view.held), checkin_date=day
                    )
                    repo.seats.checkin(request, operator="churn")
            else:
                request = CheckinAllRequest(license_id=license_id, checkin_date=day)
                repo.seats.checkin_all(request, operator="churn")
        except AssetLoomError:
            pass  # refusals and lock waits are expected among several churners


def import_licenses(
    url: str, today: str, csv_path: str, die_at: int, start_after: float, folder: str
) -> None:
    """Import one licenses file in one transaction; leave a marker once it has committed."""
    repo = _dated(url, today)
    folder = Path(folder)
    parsed = load(csv_path, "licenses")
    if die_at:
        die_at_write(repo, die_at, folder / "died-import")
    (folder / "ready-import").touch()
    time.sleep(start_after)
    result = repo.imports.licenses(parsed, operator="importer", skip_invalid=True)
    (folder / "imported").write_text(f"{result.written} {result.created}")
    repo.close()
