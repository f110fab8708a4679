"""Writing validated Snipe-IT rows: one transaction per file, batched lookups, the seat rules."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from assetloom_tui.database import Database
from assetloom_tui.errors import AssetLoomError
from assetloom_tui.importers import ImportResult, ParsedFile, ParsedRow, RowError
from assetloom_tui.importers.rows import LICENSE_FIELDS, AssetRow, LicenseRow, UserRow
from assetloom_tui.models import Asset, Assignment, License, User
from assetloom_tui.repository.queries import record_change, refuse_seats_below_held
from assetloom_tui.repository.seats import checkout_in_session
from assetloom_tui.schemas import CheckoutRequest

log = logging.getLogger(__name__)

# Users and assets imports recorded without a named operator show this one.
IMPORT_OPERATOR = "import"
# Stays well under SQLite's limit on bound parameters in one IN (...) list.
LOOKUP_CHUNK = 500
USER_FIELDS = ("full_name", "email", "employee_number", "department")
ASSET_FIELDS = ("name", "serial", "model", "location")


class _Discard(Exception):
    """Raised inside the transaction to roll back a dry run or a file with bad rows."""


@dataclass
class _Tally:
    errors: list[RowError]
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    seats_checked_out: int = 0
    users_created: int = 0
    assets_created: int = 0

    def count(self, created: bool, changed: bool) -> None:
        if created:
            self.created += 1
        elif changed:
            self.updated += 1
        else:
            self.unchanged += 1


@dataclass
class _LicenseIndex:
    """What the license import looks up per row, loaded in batches and kept current."""

    licenses: dict[tuple[str, str], License]
    users: dict[str, User]
    users_by_email: dict[str, User]
    assets: dict[str, Asset]
    holders: set[tuple[int, str, int]] = field(default_factory=set)


class ImportRepository:
    """Imports users, assets and licenses; nothing is written unless the whole file may be."""

    def __init__(self, database: Database, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._database = database
        self._today = today

    def users(
        self,
        parsed: ParsedFile[UserRow],
        dry_run: bool = False,
        skip_invalid: bool = False,
        operator: str = IMPORT_OPERATOR,
    ) -> ImportResult:
        """Create or update users by username; new users are active."""
        return self._run(parsed, dry_run, skip_invalid, _write_users, operator)

    def assets(
        self,
        parsed: ParsedFile[AssetRow],
        dry_run: bool = False,
        skip_invalid: bool = False,
        operator: str = IMPORT_OPERATOR,
    ) -> ImportResult:
        """Create or update assets by asset tag; new assets are active."""
        return self._run(parsed, dry_run, skip_invalid, _write_assets, operator)

    def licenses(
        self,
        parsed: ParsedFile[LicenseRow],
        operator: str,
        dry_run: bool = False,
        skip_invalid: bool = False,
    ) -> ImportResult:
        """Create or update licenses by (name, product key); check seats out to each target.

        A target that already holds seats of the license gets none, so a file imports once.
        """

        def write(session: Session, rows, tally: _Tally) -> None:
            _write_licenses(session, parsed.source, rows, tally, operator, self._today())

        return self._run(parsed, dry_run, skip_invalid, write, operator)

    def _run(
        self, parsed: ParsedFile, dry_run: bool, skip_invalid: bool, write, operator: str
    ) -> ImportResult:
        tally = _Tally(errors=list(parsed.errors))
        written = False
        try:
            with self._database.write() as session:
                write(session, parsed.rows, tally)
                if dry_run or (tally.errors and not skip_invalid):
                    raise _Discard
                summary = (
                    f"{parsed.kind} from {parsed.source}: {tally.created} created, "
                    f"{tally.updated} updated, {tally.unchanged} unchanged, "
                    f"{len(tally.errors)} failed"
                )
                record_change(session, "import", 0, "imported", summary, operator)
            written = True
        except _Discard:
            pass
        log.info(
            "import of %s %s from %s: written=%s, %d bad rows",
            len(parsed.rows),
            parsed.kind,
            parsed.source,
            written,
            len(tally.errors),
        )
        return ImportResult(
            kind=parsed.kind,
            source=parsed.source,
            created=tally.created,
            updated=tally.updated,
            unchanged=tally.unchanged,
            errors=tuple(sorted(tally.errors, key=lambda error: error.row)),
            written=written,
            seats_checked_out=tally.seats_checked_out,
            users_created=tally.users_created,
            assets_created=tally.assets_created,
        )


def _write_users(session: Session, rows: Iterable[ParsedRow[UserRow]], tally: _Tally) -> None:
    rows = list(rows)
    existing = _load(session, User, User.username, [parsed.data.username for parsed in rows])
    by_username = {user.username: user for user in existing}
    for parsed in rows:
        values = _present(parsed, USER_FIELDS)
        user = by_username.get(parsed.data.username)
        if user is None:
            session.add(User(username=parsed.data.username, active=True, **values))
        tally.count(created=user is None, changed=user is not None and _apply(user, values))


def _write_assets(session: Session, rows: Iterable[ParsedRow[AssetRow]], tally: _Tally) -> None:
    rows = list(rows)
    existing = _load(session, Asset, Asset.asset_tag, [parsed.data.asset_tag for parsed in rows])
    by_tag = {asset.asset_tag: asset for asset in existing}
    for parsed in rows:
        values = _present(parsed, ASSET_FIELDS)
        asset = by_tag.get(parsed.data.asset_tag)
        if asset is None:
            session.add(Asset(asset_tag=parsed.data.asset_tag, active=True, **values))
        tally.count(created=asset is None, changed=asset is not None and _apply(asset, values))


def _write_licenses(
    session: Session,
    source: str,
    rows: Iterable[ParsedRow[LicenseRow]],
    tally: _Tally,
    operator: str,
    today: dt.date,
) -> None:
    rows = list(rows)
    index = _license_index(session, [parsed.data for parsed in rows])
    note = f"Imported from {source}"
    for parsed in rows:
        try:
            # A savepoint per row: a row refused half-way leaves nothing of itself behind.
            with session.begin_nested():
                outcome = _license_row(session, parsed, index, operator, today, note)
        except AssetLoomError as error:
            tally.errors.append(parsed.error(_field_of(error, parsed), error.message))
            continue
        # Only now, with the row kept, may the index learn what it created.
        index.licenses[parsed.data.key] = outcome.license
        if isinstance(outcome.new_target, User):
            index.users[outcome.new_target.username] = outcome.new_target
            index.users_by_email.setdefault(outcome.new_target.email, outcome.new_target)
            tally.users_created += 1
        elif isinstance(outcome.new_target, Asset):
            index.assets[outcome.new_target.asset_tag] = outcome.new_target
            tally.assets_created += 1
        if outcome.holder is not None:
            index.holders.add(outcome.holder)
            tally.seats_checked_out += parsed.data.checkout_quantity
        tally.count(outcome.created, outcome.changed or outcome.holder is not None)


@dataclass(frozen=True)
class _LicenseOutcome:
    license: License
    created: bool
    changed: bool
    new_target: User | Asset | None
    holder: tuple[int, str, int] | None


def _license_row(
    session: Session,
    parsed: ParsedRow[LicenseRow],
    index: _LicenseIndex,
    operator: str,
    today: dt.date,
    note: str,
) -> _LicenseOutcome:
    """Create or update one license; check seats out to its target, if it holds none yet."""
    row = parsed.data
    values = _present(parsed, LICENSE_FIELDS)
    license_ = index.licenses.get(row.key)
    created = license_ is None
    if license_ is None:
        license_ = License(**values)
        session.add(license_)
        session.flush()
        changed = True
    else:
        if row.seats < license_.seats:
            refuse_seats_below_held(session, license_, row.seats)
        changed = _apply(license_, values)

    new_target, target = _target(session, row, index)
    holder = None if target is None else (license_.id, *target)
    if holder is not None and holder not in index.holders:
        request = CheckoutRequest(
            license_id=license_.id,
            target_type=target[0],
            target_id=target[1],
            quantity=row.checkout_quantity,
            notes=note,
            # The seat was already out in the system the file came from.
            allow_expired=True,
        )
        checkout_in_session(session, request, operator, today)
    else:
        holder = None
    return _LicenseOutcome(license_, created, changed, new_target, holder)


def _target(
    session: Session, row: LicenseRow, index: _LicenseIndex
) -> tuple[User | Asset | None, tuple[str, int] | None]:
    """The user or asset a license row gives seats to, creating a missing one."""
    if row.asset_tag:
        asset = index.assets.get(row.asset_tag)
        if asset is not None:
            return None, ("asset", asset.id)
        asset = Asset(asset_tag=row.asset_tag, name=row.asset_name, active=True)
        session.add(asset)
        session.flush()
        return asset, ("asset", asset.id)
    if not (row.username or row.email):
        return None, None
    username = row.username or row.email
    user = index.users.get(username)
    if user is None and not row.username:
        user = index.users_by_email.get(row.email)
    if user is not None:
        return None, ("user", user.id)
    user = User(username=username, full_name=row.full_name, email=row.email, active=True)
    session.add(user)
    session.flush()
    return user, ("user", user.id)


def _field_of(error: AssetLoomError, parsed: ParsedRow[LicenseRow]) -> str:
    """The row field a refusal is about, so the message can name its column."""
    row = parsed.data
    if error.field == "quantity":
        return "checkout_quantity" if "checkout_quantity" in parsed.columns else "seats"
    if error.field == "target_id":
        return "asset_tag" if row.asset_tag else ("username" if row.username else "email")
    return error.field or "name"


def _license_index(session: Session, rows: list[LicenseRow]) -> _LicenseIndex:
    licenses = _load(session, License, License.name, [row.name for row in rows])
    usernames = [row.username or row.email for row in rows if row.username or row.email]
    users = _load(session, User, User.username, usernames)
    emails = [row.email for row in rows if row.email and not row.username]
    by_email: dict[str, User] = {}
    for user in sorted(_load(session, User, User.email, emails), key=lambda user: user.id):
        by_email.setdefault(user.email, user)
    assets = _load(session, Asset, Asset.asset_tag, [row.asset_tag for row in rows])
    index = _LicenseIndex(
        licenses={(license_.name, license_.product_key): license_ for license_ in licenses},
        users={user.username: user for user in users},
        users_by_email=by_email,
        assets={asset.asset_tag: asset for asset in assets},
    )
    index.holders = _holders(session, [license_.id for license_ in licenses])
    return index


def _holders(session: Session, license_ids: list[int]) -> set[tuple[int, str, int]]:
    """(license, target type, target) for every target that has held seats of these licenses.

    Seats checked in since count too: re-importing a file must not undo a helpdesk checkin.
    """
    holders: set[tuple[int, str, int]] = set()
    for start in range(0, len(license_ids), LOOKUP_CHUNK):
        query = select(Assignment.license_id, Assignment.user_id, Assignment.asset_id).where(
            Assignment.license_id.in_(license_ids[start : start + LOOKUP_CHUNK]),
        )
        for license_id, user_id, asset_id in session.execute(query):
            target = ("user", user_id) if user_id is not None else ("asset", asset_id)
            holders.add((license_id, *target))
    return holders


def _load(session: Session, model, column, keys: Iterable[str]) -> list:
    """Rows of `model` whose `column` is one of `keys`, fetched in chunks."""
    wanted = sorted({key for key in keys if key})
    found = []
    for start in range(0, len(wanted), LOOKUP_CHUNK):
        chunk = wanted[start : start + LOOKUP_CHUNK]
        kept = model.deleted_at.is_(None)
        found.extend(session.scalars(select(model).where(column.in_(chunk), kept)))
    return found


def _present(parsed: ParsedRow, fields: Iterable[str]) -> dict[str, object]:
    """Values of the fields whose column the file has: a missing column changes nothing."""
    columns = parsed.columns
    present = {}
    for name in fields:
        if name == "full_name":
            if "first_name" in columns or "last_name" in columns:
                present[name] = parsed.data.full_name
        elif name in columns:
            present[name] = getattr(parsed.data, name)
    return present


def _apply(record, values: dict[str, object]) -> bool:
    """Set changed values on a stored record; True if anything changed."""
    changed = False
    for name, value in values.items():
        if getattr(record, name) != value:
            setattr(record, name, value)
            changed = True
    return changed
