"""Reports for scripts and cron: `assetloom alerts` and `assetloom export`."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from assetloom_tui.cli.common import UsageError, repository
from assetloom_tui.cli.listings import table
from assetloom_tui.cli.output import emit, emit_json, license_json
from assetloom_tui.importers import writer
from assetloom_tui.repository import Repository
from assetloom_tui.views import EXPIRY_WINDOW_DAYS

log = logging.getLogger(__name__)

EXPORT_KINDS = ("licenses", "assignments", "users", "assets")
# A window longer than a century is a typing mistake, and would overflow the calendar.
MAX_WINDOW_DAYS = 36_500
NEEDS_ATTENTION = 3


def add_report_commands(subparsers, common: argparse.ArgumentParser) -> None:
    """`alerts [--within DAYS] [--json]` and `export KIND FILE`."""
    alerts = _command(
        subparsers,
        common,
        "alerts",
        run_alerts,
        "licenses expired, expiring soon or at their minimum available; exit 3 if any",
    )
    alerts.add_argument(
        "--within",
        metavar="DAYS",
        default=str(EXPIRY_WINDOW_DAYS),
        help=f"count licenses expiring within DAYS as expiring (default {EXPIRY_WINDOW_DAYS})",
    )
    alerts.add_argument("--json", action="store_true", help="print JSON")

    export = _command(
        subparsers, common, "export", run_export, "write licenses, assignments, users or assets"
    )
    export.add_argument("kind", choices=EXPORT_KINDS, help="what to export")
    export.add_argument("file", metavar="FILE", help="the CSV file to write (- for stdout)")


def run_alerts(args: argparse.Namespace) -> int:
    within = _days(args.within)
    with repository(args) as repo:
        alerts = repo.licenses.alerts(within)
    if args.json:
        emit_json(
            [
                license_json(alert.license)
                | {"reasons": list(alert.reasons), "message": alert.message}
                for alert in alerts
            ]
        )
    elif alerts:
        rows = [
            (
                alert.license.id,
                alert.license.name,
                alert.license.available,
                alert.license.seats,
                alert.message,
            )
            for alert in alerts
        ]
        emit(table(("ID", "Name", "Available", "Total", "Needs attention"), rows))
    else:
        emit(f"No license is expired, expiring within {within} days or at its minimum.")
    log.info("alerts within %d days: %d licenses", within, len(alerts))
    return NEEDS_ATTENTION if alerts else 0


def run_export(args: argparse.Namespace) -> int:
    with repository(args) as repo:
        header, rows, records = _report(repo, args.kind)
    if args.file == "-":
        writer.write_csv(sys.stdout, header, rows)
        return 0
    path = Path(args.file)
    try:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer.write_csv(handle, header, rows)
    except OSError as error:
        raise UsageError(f"FILE: cannot write {path}: {error.strerror}") from None
    log.info("exported %d %s to %s", records, args.kind, path)
    emit(f"Exported {records} {args.kind} to {path} ({len(rows)} rows).")
    return 0


def _report(repo: Repository, kind: str) -> tuple[tuple[str, ...], list[list[str]], int]:
    """The header, the rows and how many records they describe."""
    if kind == "licenses":
        licenses, holdings = repo.exports.license_report()
        rows = writer.license_rows(licenses, holdings)
        return writer.LICENSE_HEADER, rows, len(licenses)
    if kind == "assignments":
        rows = writer.assignment_rows(repo.exports.assignments())
        return writer.ASSIGNMENT_HEADER, rows, len(rows)
    if kind == "users":
        rows = writer.user_rows(repo.exports.users())
        return writer.USER_HEADER, rows, len(rows)
    rows = writer.asset_rows(repo.exports.assets())
    return writer.ASSET_HEADER, rows, len(rows)


def _days(text: str) -> int:
    value = text.strip()
    if not value.isascii() or not value.isdigit() or int(value) > MAX_WINDOW_DAYS:
        raise UsageError(
            f"--within: must be a whole number of days from 0 to {MAX_WINDOW_DAYS}, not {text!r}"
        )
    return int(value)


def _command(subparsers, common, name: str, run, help_text: str) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(name, parents=[common], help=help_text, description=help_text)
    parser.set_defaults(run=run, command=name)
    return parser
