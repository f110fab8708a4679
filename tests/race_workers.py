"""Code that runs in separate OS processes racing for the same seats."""

from __future__ import annotations

import datetime as dt
import traceback

from assetloom_tui.errors import AssetLoomError
from assetloom_tui.repository import Repository
from assetloom_tui.schemas import CheckinRequest, CheckoutRequest


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
