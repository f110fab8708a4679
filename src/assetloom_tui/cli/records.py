"""`assetloom license|user|asset ACTION`: add, edit, deactivate and delete records from scripts."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import ValidationError

from assetloom_tui.cli.common import UsageError, repository, validated_as
from assetloom_tui.cli.output import (
    ASSET_FIELDS,
    USER_FIELDS,
    emit,
    emit_json,
    license_block,
    license_record_json,
    record_json,
    target_block,
)
from assetloom_tui.config import current_operator
from assetloom_tui.record_schemas import AssetFields, LicenseFields, UserFields
from assetloom_tui.repository import Repository

log = logging.getLogger(__name__)

# Field -> (option, help). The option names what to fix when a value is refused.
LICENSE_OPTIONS = {
    "name": ("--name", "license name (required to add)"),
    "product_key": ("--key", "product key"),
    "manufacturer": ("--manufacturer", "manufacturer"),
    "category": ("--category", "category"),
    "seats": ("--seats", "total seats, 0 or more (required to add); never below the seats held"),
    "reassignable": ("--reassignable", "seats can be checked in (--no-reassignable: they stay)"),
    "expiration_date": ("--expires", 'expiration date, YYYY-MM-DD ("" clears it)'),
    "purchase_date": ("--purchase-date", 'purchase date, YYYY-MM-DD ("" clears it)'),
    "purchase_cost": ("--cost", 'purchase cost like 1234.50 ("" clears it)'),
    "order_number": ("--order-number", "order number"),
    "licensed_to_name": ("--licensed-to", "licensed to (name)"),
    "licensed_to_email": ("--licensed-to-email", "licensed to (email address)"),
    "supplier": ("--supplier", "supplier"),
    "notes": ("--notes", "notes"),
    "min_available": (
        "--min-available",
        'alert when available seats fall to N or below ("" clears it)',
    ),
}
USER_OPTIONS = {
    "username": ("--username", "username (required to add)"),
    "full_name": ("--full-name", "full name"),
    "email": ("--email", "email address"),
    "department": ("--department", "department"),
    "employee_number": ("--employee-number", "employee number"),
}
ASSET_OPTIONS = {
    "asset_tag": ("--tag", "asset tag (required to add)"),
    "name": ("--name", "asset name"),
    "serial": ("--serial", "serial number"),
    "model": ("--model", "model"),
    "location": ("--location", "location"),
}


@dataclass(frozen=True)
class TargetKind:
    """What differs between the user and the asset commands."""

    name: str
    model: type
    options: dict[str, tuple[str, str]]
    key: str
    metavar: str
    fields: tuple[str, ...]
    records: Callable[[Repository], object]
    lookup: Callable[[Repository, str], object]
    holdings: Callable[[Repository, int], list]


USER = TargetKind(
    "user",
    UserFields,
    USER_OPTIONS,
    "username",
    "USERNAME",
    USER_FIELDS,
    lambda repo: repo.user_records,
    lambda repo, key: repo.exports.user(key),
    lambda repo, record_id: repo.people.user_assignments(record_id),
)
ASSET = TargetKind(
    "asset",
    AssetFields,
    ASSET_OPTIONS,
    "asset_tag",
    "TAG",
    ASSET_FIELDS,
    lambda repo: repo.asset_records,
    lambda repo, key: repo.exports.asset(key),
    lambda repo, record_id: repo.people.asset_assignments(record_id),
)


def add_record_commands(subparsers, common: argparse.ArgumentParser) -> None:
    """`license add|edit|delete`, `user ...` and `asset add|edit|deactivate|activate|delete`."""
    actions = _group(subparsers, common, "license", "add, edit or delete a license")
    _options(_action(actions, common, "license add", run_license_add, "add a license"), "license")
    edit = _action(actions, common, "license edit", run_license_edit, "change the options given")
    edit.add_argument("license_id", metavar="LICENSE_ID", type=int)
    _options(edit, "license")
    delete = _action(
        actions, common, "license delete", run_license_delete, "delete a license holding no seats"
    )
    delete.add_argument("license_id", metavar="LICENSE_ID", type=int)
    delete.add_argument("--yes", action="store_true", help="confirm: required")

    for kind in (USER, ASSET):
        actions = _group(
            subparsers, common, kind.name, f"add, edit, deactivate, activate or delete {kind.name}s"
        )
        add = _action(actions, common, f"{kind.name} add", run_target_add, f"add a {kind.name}")
        add.set_defaults(kind=kind)
        _options(add, kind.name)
        for action, run, help_text in (
            ("edit", run_target_edit, "change the options given"),
            ("deactivate", run_target_deactivate, "keep its seats, allow no new checkouts"),
            ("activate", run_target_activate, "allow checkouts again"),
            ("delete", run_target_delete, f"delete a {kind.name} holding no seats"),
        ):
            parser = _action(actions, common, f"{kind.name} {action}", run, help_text)
            parser.set_defaults(kind=kind)
            parser.add_argument("key", metavar=kind.metavar)
            if action == "edit":
                _options(parser, kind.name)
            if action == "delete":
                parser.add_argument("--yes", action="store_true", help="confirm: required")


def _original(model, stored: dict[str, object]):
    """The record as read, so the edit writes only the options given (None if it won't parse)."""
    try:
        return model.model_validate(stored)
    except ValidationError:
        return None


def run_license_add(args: argparse.Namespace) -> int:
    values = _given(args, LICENSE_OPTIONS)
    fields = validated_as(LicenseFields, values, _names(LICENSE_OPTIONS))
    with repository(args) as repo:
        license_id = repo.license_records.add(fields, current_operator())
        record = repo.licenses.get(license_id)
    log.info("added license %d", license_id)
    return _show_license(args, record, f"Added license {license_id}.")


def run_license_edit(args: argparse.Namespace) -> int:
    given = _nonempty(_given(args, LICENSE_OPTIONS))
    with repository(args) as repo:
        current = repo.exports.license(args.license_id)
        stored = {name: getattr(current, name) for name in LicenseFields.model_fields}
        fields = validated_as(LicenseFields, stored | given, _names(LICENSE_OPTIONS))
        original = _original(LicenseFields, stored)
        summary = repo.license_records.edit(args.license_id, fields, current_operator(), original)
        record = repo.licenses.get(args.license_id)
    log.info("edited license %d: %s", args.license_id, summary or "no change")
    return _show_license(args, record, _edited(f"license {args.license_id}", summary))


def run_license_delete(args: argparse.Namespace) -> int:
    _require_yes(args, f"license {args.license_id}")
    with repository(args) as repo:
        record = repo.licenses.get(args.license_id)
        repo.license_records.delete(args.license_id, current_operator())
    log.info("deleted license %d", args.license_id)
    if args.json:
        emit_json(license_record_json(record) | {"deleted": True})
    else:
        emit(f"Deleted license {record.id} {record.name!r} ({record.seats} seats).")
    return 0


def run_target_add(args: argparse.Namespace) -> int:
    kind: TargetKind = args.kind
    fields = validated_as(kind.model, _given(args, kind.options), _names(kind.options))
    with repository(args) as repo:
        record_id = kind.records(repo).add(fields, current_operator())
        record = kind.lookup(repo, getattr(fields, kind.key))
    log.info("added %s %d", kind.name, record_id)
    return _show_target(args, kind, record, [], f"Added {kind.name} {record_id}.")


def run_target_edit(args: argparse.Namespace) -> int:
    kind: TargetKind = args.kind
    given = _nonempty(_given(args, kind.options))
    with repository(args) as repo:
        current = kind.lookup(repo, args.key)
        stored = {name: getattr(current, name) for name in kind.model.model_fields}
        fields = validated_as(kind.model, stored | given, _names(kind.options))
        original = _original(kind.model, stored)
        summary = kind.records(repo).edit(current.id, fields, current_operator(), original)
        record = kind.lookup(repo, getattr(fields, kind.key))
        holdings = kind.holdings(repo, record.id)
    log.info("edited %s %d: %s", kind.name, record.id, summary or "no change")
    return _show_target(args, kind, record, holdings, _edited(f"{kind.name} {args.key}", summary))


def run_target_deactivate(args: argparse.Namespace) -> int:
    return _set_active(args, active=False)


def run_target_activate(args: argparse.Namespace) -> int:
    return _set_active(args, active=True)


def run_target_delete(args: argparse.Namespace) -> int:
    kind: TargetKind = args.kind
    _require_yes(args, f"{kind.name} {args.key}")
    with repository(args) as repo:
        record = kind.lookup(repo, args.key)
        kind.records(repo).delete(record.id, current_operator())
    log.info("deleted %s %d", kind.name, record.id)
    if args.json:
        emit_json(record_json(record, kind.fields) | {"deleted": True})
    else:
        emit(f"Deleted {kind.name} {args.key}.")
    return 0


def _set_active(args: argparse.Namespace, active: bool) -> int:
    kind: TargetKind = args.kind
    with repository(args) as repo:
        record = kind.lookup(repo, args.key)
        summary = kind.records(repo).set_active(record.id, active, current_operator())
        record = kind.lookup(repo, args.key)
        holdings = kind.holdings(repo, record.id)
    state = "active" if active else "inactive"
    log.info("%s %d now %s", kind.name, record.id, state)
    said = f"{summary}." if summary else f"{kind.name.capitalize()} was already {state}."
    return _show_target(args, kind, record, holdings, said)


def _show_license(args: argparse.Namespace, record, said: str) -> int:
    if args.json:
        emit_json(license_record_json(record))
    else:
        emit(f"{said}\n{license_block(record)}")
    return 0


def _show_target(args: argparse.Namespace, kind: TargetKind, record, holdings, said: str) -> int:
    if args.json:
        emit_json(record_json(record, kind.fields))
    else:
        emit(f"{said}\n{target_block(kind.name, record, kind.fields, holdings)}")
    return 0


def _edited(what: str, summary: str) -> str:
    return f"Edited {what}: {summary}." if summary else f"Nothing changed on {what}."


def _require_yes(args: argparse.Namespace, what: str) -> None:
    if not args.yes:
        raise UsageError(f"deleting {what} cannot be undone here; add --yes to confirm")


def _nonempty(given: dict[str, object]) -> dict[str, object]:
    if not given:
        raise UsageError("give at least one option to change (see --help)")
    return given


def _given(args: argparse.Namespace, options: dict[str, tuple[str, str]]) -> dict[str, object]:
    """The fields whose option was typed; an empty string is given (it clears a value)."""
    values = {name: getattr(args, name) for name in options}
    return {name: value for name, value in values.items() if value is not None}


def _names(options: dict[str, tuple[str, str]]) -> dict[str, str]:
    return {name: option for name, (option, _) in options.items()}


def _group(subparsers, common, name: str, help_text: str):
    parser = subparsers.add_parser(name, parents=[common], help=help_text, description=help_text)
    parser.set_defaults(command=name)
    return parser.add_subparsers(title="actions", metavar="ACTION", dest="action", required=True)


def _action(actions, common, command: str, run, help_text: str) -> argparse.ArgumentParser:
    name = command.split()[1]
    parser = actions.add_parser(name, parents=[common], help=help_text, description=help_text)
    parser.set_defaults(run=run, command=command)
    parser.add_argument("--json", action="store_true", help="print the record as JSON")
    return parser


def _options(parser: argparse.ArgumentParser, kind: str) -> None:
    options = {"license": LICENSE_OPTIONS, "user": USER_OPTIONS, "asset": ASSET_OPTIONS}[kind]
    for field, (option, help_text) in options.items():
        if field == "reassignable":
            parser.add_argument(
                option, dest=field, action=argparse.BooleanOptionalAction, help=help_text
            )
        else:
            parser.add_argument(option, dest=field, metavar=_metavar(field), help=help_text)


def _metavar(field: str) -> str:
    if field in ("seats", "min_available"):
        return "N"
    if field.endswith("_date"):
        return "YYYY-MM-DD"
    if field.endswith("email"):
        return "EMAIL"
    return "AMOUNT" if field == "purchase_cost" else "TEXT"
