"""The `assetloom` command: open the app, build the demo, import Snipe-IT files, script seats."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from assetloom_tui import importers
from assetloom_tui.cli import commands, listings
from assetloom_tui.cli.audit import add_audit_commands
from assetloom_tui.cli.common import UsageError
from assetloom_tui.cli.records import add_record_commands
from assetloom_tui.cli.reports import add_report_commands
from assetloom_tui.config import DATABASE_URL_VARIABLE
from assetloom_tui.database import SQLITE_BUSY_TIMEOUT_MS
from assetloom_tui.errors import AssetLoomError
from assetloom_tui.text import printable

log = logging.getLogger(__name__)

IMPORT_EPILOG = """\
users:    Username, First Name, Last Name, Email, Employee Number, Department.
          Snipe-IT's Activated column means "may log in to Snipe-IT", not employment:
          it is checked (yes/no) but every new user is imported as active.
assets:   Asset Tag, Name, Serial, Model, Location (Purchase Date/Cost are checked,
          not kept). The "Checked Out To" columns are hardware checkouts, not
          license seats, and are ignored.
licenses: Item name, serial number (the product key), seats, reassignable, dates,
          purchase cost, order number, supplier, notes, Min Available... A row
          naming a user (Username, or Email) or an Asset Tag checks out
          Checkout Quantity seats (blank: 1) to it; a missing user or asset
          (Asset Tag, Asset Name) is created. A target already holding seats of
          the license gets none, so re-importing the same file changes nothing.
          `assetloom export licenses` writes a file in these columns.

Header names ignore case and spaces. Without --skip-invalid one bad row means
nothing is written; every bad row is listed with its row, line, column and value.
Exit status: 0 written (or dry run clean), 1 bad rows and nothing written, 2 usage.
"""


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit status: 0 done, 1 refused or failed, 2 usage."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        _set_up_logging(getattr(args, "log", None))
        return args.run(args)
    except UsageError as error:
        prog = " ".join(part for part in (parser.prog, args.command) if part)
        print(f"{prog}: error: {printable(str(error))}", file=sys.stderr)
        return 2
    except AssetLoomError as error:
        log.warning("%s refused: %s", args.command or "app", error.message)
        print(printable(error.message), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python from complaining
        # again when it flushes stdout on exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


EXPIRING_WITHIN = {
    "dest": "expiring_within",
    "metavar": "DAYS",
    "type": int,
    "default": argparse.SUPPRESS,
    "help": "in the app, mark licenses expiring within DAYS (default 30)",
}


def build_parser() -> argparse.ArgumentParser:
    """Every command and option; --db, --log and --wait work before or after the command."""
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS keeps a subcommand from overwriting an option given before its name.
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=f"SQLite file or SQLAlchemy URL to use (default: ${DATABASE_URL_VARIABLE}, "
        "else the file in your data folder)",
    )
    common.add_argument(
        "--log", metavar="FILE", default=argparse.SUPPRESS, help="write a log to FILE"
    )
    common.add_argument(
        "--wait",
        metavar="SECONDS",
        type=float,
        default=argparse.SUPPRESS,
        help="how long to wait for a database another session is writing to "
        f"(default {SQLITE_BUSY_TIMEOUT_MS // 1000})",
    )
    parser = argparse.ArgumentParser(
        prog="assetloom",
        parents=[common],
        description="AssetLoom: check software license seats out and in, from the keyboard. "
        "Without a command, opens the app.",
    )
    parser.set_defaults(run=commands.run_app, command=None)
    parser.add_argument("--expiring-within", **EXPIRING_WITHIN)
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, run, help_text: str) -> argparse.ArgumentParser:
        sub = subparsers.add_parser(name, parents=[common], help=help_text, description=help_text)
        sub.set_defaults(run=run, command=name)
        return sub

    demo = command(
        "demo",
        commands.run_demo,
        "open the app on a fresh demo database (thrown away on exit unless --db PATH is given)",
    )
    demo.add_argument(
        "--no-open", action="store_true", help="with --db: build the demo database and stop"
    )
    demo.add_argument("--expiring-within", **EXPIRING_WITHIN)

    import_ = command(
        "import", commands.run_import, "import a Snipe-IT CSV export (users, assets, licenses)"
    )
    import_.epilog = IMPORT_EPILOG
    import_.formatter_class = argparse.RawDescriptionHelpFormatter
    import_.add_argument("kind", choices=importers.KINDS, help="what the file holds")
    import_.add_argument("file", metavar="FILE", type=Path, help="the CSV file")
    import_.add_argument(
        "--dry-run", action="store_true", help="check the file and report; write nothing"
    )
    import_.add_argument(
        "--skip-invalid", action="store_true", help="write the good rows, list the bad ones"
    )

    listing = command("licenses", listings.run_licenses, "list licenses with their seat counts")
    listing.add_argument("--json", action="store_true", help="print JSON")

    held = command("assignments", listings.run_assignments, "list who holds seats of one license")
    held.add_argument("license_id", metavar="LICENSE_ID", type=int)
    held.add_argument("--json", action="store_true", help="print JSON")

    checkout = command("checkout", commands.run_checkout, "check seats out to a user or asset")
    checkout.add_argument("license_id", metavar="LICENSE_ID", type=int)
    target = checkout.add_mutually_exclusive_group(required=True)
    target.add_argument("--user", metavar="USERNAME")
    target.add_argument("--asset", metavar="TAG")
    checkout.add_argument("--qty", metavar="N", default="1", help="seats to check out (default 1)")
    checkout.add_argument("--note", metavar="TEXT", default="")
    checkout.add_argument(
        "--allow-expired",
        action="store_true",
        help="check out seats of a license past its expiration date",
    )

    checkin = command("checkin", commands.run_checkin, "check seats of one assignment back in")
    checkin.add_argument("assignment_id", metavar="ASSIGNMENT_ID", type=int)
    checkin.add_argument("--qty", metavar="N", help="seats to check in (default: all it holds)")
    checkin.add_argument("--date", metavar="YYYY-MM-DD", help="checkin date (default today)")
    checkin.add_argument("--note", metavar="TEXT", default="")

    every = command("checkin-all", commands.run_checkin_all, "check in every held seat")
    every.add_argument("license_id", metavar="LICENSE_ID", type=int)
    every.add_argument("--date", metavar="YYYY-MM-DD", help="checkin date (default today)")
    every.add_argument("--note", metavar="TEXT", default="")
    every.add_argument("--yes", action="store_true", help="confirm: required")

    add_record_commands(subparsers, common)
    add_report_commands(subparsers, common)
    add_audit_commands(subparsers, common)
    return parser


def _set_up_logging(path: str | None) -> None:
    if path is None:
        # Without a log file, warnings must not leak onto the terminal as extra lines.
        logging.getLogger().addHandler(logging.NullHandler())
        return
    try:
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"--log: cannot write to {path}: {error.strerror}") from None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler])
