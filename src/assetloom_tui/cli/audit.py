"""For auditors: `assetloom history` (the activity log) and `assetloom check` (log vs. seats)."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import logging
import sys

from assetloom_tui.cli.common import UsageError, repository
from assetloom_tui.cli.listings import table
from assetloom_tui.cli.output import emit, emit_json
from assetloom_tui.repository.activity import ACTIONS, ActivityFilter, local_days, parse_day
from assetloom_tui.text import plural, printable
from assetloom_tui.views import ActivityEntry

log = logging.getLogger(__name__)

HISTORY_FIELDS = (
    "recorded_at",
    "operator",
    "action",
    "record_type",
    "license_id",
    "license",
    "target_type",
    "target",
    "quantity",
    "event_date",
    "notes",
)
DISAGREES = 1


def add_audit_commands(subparsers, common: argparse.ArgumentParser) -> None:
    """`history [filters] [--json|--csv]` and `check`."""
    history = _command(
        subparsers,
        common,
        "history",
        run_history,
        "the activity log, newest first: who checked out, checked in, added, edited or "
        "deleted what",
    )
    history.add_argument("--license", metavar="ID", type=int, help="only this license")
    history.add_argument("--user", metavar="NAME", default="", help="only this username")
    history.add_argument("--asset", metavar="TAG", default="", help="only this asset tag")
    history.add_argument("--operator", metavar="NAME", default="", help="only this operator")
    history.add_argument("--action", choices=ACTIONS, default="", help="only this action")
    history.add_argument("--since", metavar="YYYY-MM-DD", help="from this local day on")
    history.add_argument("--until", metavar="YYYY-MM-DD", help="up to and including this day")
    style = history.add_mutually_exclusive_group()
    style.add_argument("--json", action="store_true", help="print JSON")
    style.add_argument("--csv", action="store_true", help="print CSV")

    _command(
        subparsers,
        common,
        "check",
        run_check,
        "recompute every license's held seats from its history; exit 1 if any differ",
    )


def run_history(args: argparse.Namespace) -> int:
    wanted = history_filter(args)
    with repository(args) as repo:
        entries = repo.activity.entries(wanted)
        unknown = repo.activity.unknown_names(wanted) if not entries else []
    rows = [entry_json(entry) for entry in entries]
    if args.json:
        emit_json(rows)
    elif args.csv:
        sys.stdout.write(_history_csv(rows))
    elif entries:
        emit(_history_table(entries))
    else:
        emit("No entries in the history match.")
    for note in unknown:
        print(f"Note: {note}.", file=sys.stderr)
    return 0


def history_filter(args: argparse.Namespace) -> ActivityFilter:
    """The options as a repository filter; the local days become UTC instants."""
    since = _local_day(args.since, "--since")
    until = _local_day(args.until, "--until")
    if since and until and until < since:
        raise UsageError(f"--until: {args.until} is before --since {args.since}")
    return ActivityFilter(
        license_id=args.license,
        username=args.user.strip(),
        asset_tag=args.asset.strip(),
        operator=args.operator.strip(),
        action=args.action,
        **local_days(since, until),
    )


def entry_json(entry: ActivityEntry) -> dict[str, object]:
    """One entry under the names `history --json` uses; the time local, with its offset."""
    values = {name: getattr(entry, name) for name in HISTORY_FIELDS}
    values["recorded_at"] = entry.recorded_at.astimezone().isoformat(timespec="seconds")
    if entry.event_date is not None:
        values["event_date"] = entry.event_date.isoformat()
    return values


def run_check(args: argparse.Namespace) -> int:
    with repository(args) as repo:
        problems = repo.activity.check()
        kept, deleted = repo.activity.license_count()
    for problem in problems:
        emit(problem.message)
    if problems:
        log.warning("check: %d assignments disagree with their history", len(problems))
        return DISAGREES
    also = f" (and {plural(deleted, 'deleted license')})" if deleted else ""
    emit(f"Checked {plural(kept, 'license')}{also}: every one agrees with its history.")
    return 0


def _history_csv(rows: list[dict[str, object]]) -> str:
    """The rows as CSV text: one header line, empty cells for missing values, text made safe."""
    text = io.StringIO()
    writer = csv.DictWriter(text, HISTORY_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else printable(str(v)) for k, v in row.items()})
    return text.getvalue()


def _history_table(entries: list[ActivityEntry]) -> str:
    rows = [
        (
            entry.recorded_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            entry.operator,
            entry.action,
            entry.license or "",
            entry.target,
            "" if entry.quantity is None else entry.quantity,
            " ".join(entry.notes.split()),
        )
        for entry in entries
    ]
    headers = ("When", "Operator", "Action", "License", "Target", "Qty", "Notes")
    return table(headers, rows)


def _local_day(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return parse_day(text)
    except ValueError:
        raise UsageError(f"{option}: must be a date as YYYY-MM-DD, not {text!r}") from None


def _command(subparsers, common, name: str, run, help_text: str) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(name, parents=[common], help=help_text, description=help_text)
    parser.set_defaults(run=run, command=name)
    return parser
