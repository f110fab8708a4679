"""Commands that open the app or change data: demo, import, checkout, checkin, checkin-all."""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

from assetloom_tui import importers
from assetloom_tui.cli.common import (
    UsageError,
    open_app,
    open_repository,
    repository,
    seat_count,
    validated,
)
from assetloom_tui.config import current_operator, resolve_database_url, sqlite_url
from assetloom_tui.errors import ExpiredLicenseError
from assetloom_tui.schemas import CheckinAllRequest, CheckinRequest, CheckoutRequest
from assetloom_tui.text import plural, printable

log = logging.getLogger(__name__)


def run_app(args: argparse.Namespace) -> int:
    repo = open_repository(args)
    try:
        open_app(repo, args)
    finally:
        repo.close()
    return 0


def run_demo(args: argparse.Namespace) -> int:
    # The package's demo module; imported here to keep it beside the one command that needs it.
    from assetloom_tui.demo import build_demo

    db = getattr(args, "db", None)
    if args.no_open and not db:
        raise UsageError("--no-open needs --db PATH: a demo in a temporary folder would be lost")
    if db:
        repo = open_repository(args, resolve_database_url(db))
        try:
            summary = build_demo(repo, current_operator())
            print(f"Demo database built in {db}: {summary}.")
            if not args.no_open:
                open_app(repo, args)
        finally:
            repo.close()
        return 0
    with tempfile.TemporaryDirectory(prefix="assetloom-demo-") as folder:
        repo = open_repository(args, sqlite_url(Path(folder) / "demo.db"))
        try:
            build_demo(repo, current_operator())
            open_app(repo, args)
        finally:
            repo.close()
    return 0


def run_import(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        raise UsageError(f"FILE: {args.file} does not exist or is not a file")
    parsed = importers.load(args.file, args.kind)
    repo = open_repository(args)
    try:
        if args.kind == "licenses":
            result = repo.imports.licenses(
                parsed, current_operator(), args.dry_run, args.skip_invalid
            )
        else:
            run = getattr(repo.imports, args.kind)
            result = run(parsed, args.dry_run, args.skip_invalid, current_operator())
    finally:
        repo.close()

    for error in result.errors:
        print(printable(f"{result.source}: {error}"), file=sys.stderr)
    bad = plural(result.failed, "row")
    if args.dry_run:
        print("Dry run: nothing was written.")
    elif not result.written:
        print(
            f"Nothing was written: {bad} with errors. Fix them, or use --skip-invalid to "
            "import the other rows.",
            file=sys.stderr,
        )
    elif result.failed:
        print(f"Skipped {bad} with errors; the other rows were written.")
    # Last, so that scripts can read the counts from the final line.
    print(printable(result.summary()))
    return 1 if result.errors and not args.skip_invalid else 0


def run_checkout(args: argparse.Namespace) -> int:
    with repository(args) as repo:
        if args.user is not None:
            target_type, target_id = "user", repo.people.user_by_username(args.user).id
        else:
            target_type, target_id = "asset", repo.people.asset_by_tag(args.asset).id
        request = validated(
            CheckoutRequest,
            license_id=args.license_id,
            target_type=target_type,
            target_id=target_id,
            quantity=args.qty,
            notes=args.note,
            allow_expired=args.allow_expired,
        )
        try:
            assignment = repo.seats.checkout(request, current_operator())
        except ExpiredLicenseError as error:
            name = repo.licenses.get(args.license_id).name
            raise ExpiredLicenseError(
                f"{name!r} expired on {error.expired_on.isoformat()}. Add --allow-expired to "
                "check out seats of an expired license.",
                expired_on=error.expired_on,
            ) from None
        license_ = repo.licenses.get(assignment.license_id)
    log.info("checked out %d of license %d to %s", request.quantity, license_.id, assignment.target)
    print(
        f"Checked out {seat_count(assignment.quantity)} of {license_.name!r} to "
        f"{assignment.target} (assignment {assignment.id}). "
        f"{license_.available} of {license_.seats} available."
    )
    return 0


def run_checkin(args: argparse.Namespace) -> int:
    with repository(args) as repo:
        before = repo.seats.assignment(args.assignment_id)
        # With no --qty everything held comes back; an empty assignment still goes to the
        # repository (as 1) so that its own message says it was already checked in.
        quantity = args.qty if args.qty is not None else max(before.held, 1)
        request = validated(
            CheckinRequest,
            assignment_id=args.assignment_id,
            quantity=quantity,
            checkin_date=args.date,
            notes=args.note,
        )
        after = repo.seats.checkin(request, current_operator())
        license_ = repo.licenses.get(after.license_id)
    log.info("checked in %d from assignment %d", request.quantity, after.id)
    print(
        f"Checked in {seat_count(request.quantity)} of {license_.name!r} from {after.target} "
        f"(assignment {after.id}, still holding {after.held}). "
        f"{license_.available} of {license_.seats} available."
    )
    return 0


def run_checkin_all(args: argparse.Namespace) -> int:
    if not args.yes:
        raise UsageError(
            f"checkin-all returns every held seat of license {args.license_id}; "
            "add --yes to confirm"
        )
    with repository(args) as repo:
        request = validated(
            CheckinAllRequest,
            license_id=args.license_id,
            checkin_date=args.date,
            notes=args.note,
        )
        result = repo.seats.checkin_all(request, current_operator())
        license_ = repo.licenses.get(args.license_id)
    log.info("checked in all %d seats of license %d", result.seats, license_.id)
    print(
        f"Checked in {seat_count(result.seats)} of {license_.name!r} from "
        f"{result.assignments} assignment{'' if result.assignments == 1 else 's'}. "
        f"{license_.available} of {license_.seats} available."
    )
    return 0
