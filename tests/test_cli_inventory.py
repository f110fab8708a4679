"""`assetloom license|user|asset ...`: every field rule, the seat-rule refusals, the JSON shapes."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from conftest import add_asset, add_license, add_user

from assetloom_tui.repository import Repository
from assetloom_tui.schemas import CheckoutRequest

LICENSE_JSON_KEYS = {
    "id",
    "name",
    "product_key",
    "manufacturer",
    "seats",
    "held",
    "available",
    "reassignable",
    "expires",
    "min_available",
    "category",
    "purchase_date",
    "purchase_cost",
    "order_number",
    "licensed_to_name",
    "licensed_to_email",
    "supplier",
    "notes",
}
LONG = "x" * 256


def checkout(desk: Repository, license_id: int, target_id: int, qty: int, target="user") -> None:
    request = CheckoutRequest(
        license_id=license_id, target_type=target, target_id=target_id, quantity=qty
    )
    desk.seats.checkout(request, "setup")


def test_license_add_with_every_option_prints_the_record_as_json(cli, desk):
    code, out, err = cli(
        "license", "add", "--json", "--name", "Visio", "--key", "V-9",
        "--manufacturer", "Microsoft", "--category", "Diagrams", "--seats", "12",
        "--no-reassignable", "--expires", "2031-01-31", "--purchase-date", "2026-03-01",
        "--cost", "$1,234.5", "--order-number", "PO-7", "--licensed-to", "Finance",
        "--licensed-to-email", "finance@example.org", "--supplier", "Reseller",
        "--notes", "two\nlines", "--min-available", "2",
    )  # fmt: skip

    assert code == 0, err
    shown = json.loads(out)
    assert set(shown) == LICENSE_JSON_KEYS
    detail = desk.licenses.get(shown["id"])
    assert shown == {
        "id": detail.id,
        "name": "Visio",
        "product_key": "V-9",
        "manufacturer": "Microsoft",
        "seats": 12,
        "held": 0,
        "available": 12,
        "reassignable": False,
        "expires": "2031-01-31",
        "min_available": 2,
        "category": "Diagrams",
        "purchase_date": "2026-03-01",
        "purchase_cost": "1234.50",
        "order_number": "PO-7",
        "licensed_to_name": "Finance",
        "licensed_to_email": "finance@example.org",
        "supplier": "Reseller",
        "notes": "two\nlines",
    }
    assert (detail.purchase_cost, detail.expiration_date) == (
        Decimal("1234.50"),
        dt.date(2031, 1, 31),
    )
    listed = json.loads(cli("licenses", "--json")[1])
    assert listed == [{key: shown[key] for key in listed[0]}]


def test_license_add_plain_output_is_a_readable_block(cli):
    code, out, _ = cli("license", "add", "--name", "Office", "--seats", "5", "--key", "K-1")

    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Added license ")
    assert lines[1].endswith(": Office")
    assert "  Total Seats        5 (0 held, 5 available)" in lines
    assert "  Product Key        K-1" in lines


LICENSE_RULES = [
    ("--name", ""),
    ("--name", LONG),
    ("--name", "two\nlines"),
    ("--key", LONG),
    ("--key", "a\nb"),
    ("--manufacturer", LONG),
    ("--category", LONG),
    ("--seats", ""),
    ("--seats", "-1"),
    ("--seats", "2.5"),
    ("--seats", "five"),
    ("--seats", "99999999999"),
    ("--expires", "31/31/2027"),
    ("--expires", "2027-02-30"),
    ("--expires", "soon"),
    ("--purchase-date", "yesterday"),
    ("--cost", "12,50"),
    ("--cost", "-5"),
    ("--cost", "99999999999"),
    ("--order-number", LONG),
    ("--licensed-to", LONG),
    ("--licensed-to-email", "not-an-address"),
    ("--supplier", LONG),
    ("--min-available", "-1"),
    ("--min-available", "x"),
    ("--min-available", "99999999999"),
]


@pytest.mark.parametrize(("option", "value"), LICENSE_RULES)
def test_a_bad_license_value_names_its_option_and_writes_nothing(cli, desk, option, value):
    license_id = add_license(desk, "Kept", seats=5, product_key="K-1")
    before = desk.licenses.get(license_id)

    added = cli("license", "add", "--name", "New", "--seats", "3", option, value)
    edited = cli("license", "edit", str(license_id), option, value)

    for code, out, err in (added, edited):
        assert code == 2 and out == ""
        assert f"{option}: " in err and "Traceback" not in err
    assert [item.name for item in desk.licenses.list()] == ["Kept"]
    assert desk.licenses.get(license_id) == before
    assert desk.licenses.changes(license_id) == []


TARGET_RULES = [
    ("user", "--username", ""),
    ("user", "--username", LONG),
    ("user", "--username", "a\nb"),
    ("user", "--full-name", LONG),
    ("user", "--email", "nobody-at-example"),
    ("user", "--department", "a\nb"),
    ("user", "--employee-number", LONG),
    ("asset", "--tag", ""),
    ("asset", "--tag", LONG),
    ("asset", "--name", LONG),
    ("asset", "--serial", "a\nb"),
    ("asset", "--model", LONG),
    ("asset", "--location", LONG),
]


@pytest.mark.parametrize(("kind", "option", "value"), TARGET_RULES)
def test_a_bad_user_or_asset_value_names_its_option_and_writes_nothing(
    cli, desk, kind, option, value
):
    key_option, key = ("--username", "ada") if kind == "user" else ("--tag", "LAP-1")
    (add_user if kind == "user" else add_asset)(desk, key)
    listing = desk.people.users if kind == "user" else desk.people.assets
    before = listing()

    added = cli(kind, "add", key_option, "new-one", option, value)
    edited = cli(kind, "edit", key, option, value)

    for code, out, err in (added, edited):
        assert code == 2 and out == ""
        assert f"{option}: " in err and "Traceback" not in err
    assert listing() == before


def test_edit_changes_only_the_options_given_and_blank_clears(cli, desk):
    code, out, _ = cli(
        "license", "add", "--json", "--name", "CAD", "--seats", "4", "--key", "C-1",
        "--expires", "2030-06-30", "--min-available", "1", "--cost", "99.90",
        "--supplier", "Acme", "--notes", "keep\r\nme",
    )  # fmt: skip
    license_id = json.loads(out)["id"]

    code, out, err = cli(
        "license", "edit", str(license_id), "--json", "--seats", "8", "--no-reassignable",
        "--expires", "", "--min-available", "",
    )  # fmt: skip

    assert code == 0, err
    shown = json.loads(out)
    assert (shown["seats"], shown["reassignable"], shown["expires"]) == (8, False, None)
    assert shown["min_available"] is None
    [record] = desk.exports.licenses()
    assert (record.product_key, record.supplier, record.purchase_cost) == (
        "C-1",
        "Acme",
        Decimal("99.90"),
    )
    assert record.notes == "keep\r\nme"
    [change, _added] = desk.licenses.changes(license_id)
    assert "Total Seats: 4 -> 8" in change.summary and "Supplier" not in change.summary
    assert cli("license", "edit", str(license_id))[0] == 2


def test_seats_below_held_is_refused_naming_the_holders(cli, desk):
    license_id = add_license(desk, "Office", seats=5)
    checkout(desk, license_id, add_user(desk, "alice"), 2)
    checkout(desk, license_id, add_asset(desk, "LAP-7"), 1, target="asset")

    code, out, err = cli("license", "edit", str(license_id), "--seats", "2")

    assert (code, out) == (1, "")
    assert "3 seats are checked out" in err and "alice 2" in err and "LAP-7 1" in err
    assert desk.licenses.get(license_id).seats == 5
    assert cli("license", "edit", str(license_id), "--seats", "3")[0] == 0


def test_delete_needs_yes_and_is_refused_while_seats_are_held(cli, desk):
    held = add_license(desk, "Office", seats=5)
    free = add_license(desk, "Spare", seats=2)
    checkout(desk, held, add_user(desk, "alice"), 2)

    unconfirmed = cli("license", "delete", str(free))
    refused = cli("license", "delete", str(held), "--yes")
    deleted = cli("license", "delete", str(free), "--yes", "--json")

    assert unconfirmed[0] == 2 and "--yes" in unconfirmed[2]
    assert refused[0] == 1 and "2 seats are checked out (alice 2)" in refused[2]
    assert deleted[0] == 0
    assert json.loads(deleted[1])["deleted"] is True and json.loads(deleted[1])["id"] == free
    assert [item.name for item in desk.licenses.list()] == ["Office"]
    assert desk.licenses.changes(free)[0].action == "deleted"


def test_duplicate_license_and_missing_records_exit_1(cli, desk):
    add_license(desk, "Office", seats=5, product_key="K-1")

    duplicate = cli("license", "add", "--name", "Office", "--key", "K-1", "--seats", "1")
    missing = cli("license", "edit", "999", "--seats", "1")
    nobody = cli("user", "edit", "nobody", "--email", "n@example.org")
    no_asset = cli("asset", "deactivate", "NO-TAG")

    assert duplicate[0] == 1 and "already exists" in duplicate[2]
    assert missing[0] == 1 and "License 999 does not exist" in missing[2]
    assert nobody[0] == 1 and "nobody" in nobody[2]
    assert no_asset[0] == 1 and "NO-TAG" in no_asset[2]
    assert len(desk.licenses.list()) == 1


def test_user_lifecycle_deactivate_keeps_seats_and_blocks_checkout(cli, desk):
    license_id = add_license(desk, "Office", seats=5)
    code, out, err = cli(
        "user", "add", "--json", "--username", "ada", "--full-name", "Ada L",
        "--email", "ada@example.org", "--department", "R&D", "--employee-number", "E-1",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out) == {
        "id": desk.people.user_by_username("ada").id,
        "username": "ada",
        "full_name": "Ada L",
        "email": "ada@example.org",
        "department": "R&D",
        "employee_number": "E-1",
        "active": True,
        "seats_held": 0,
    }
    checkout(desk, license_id, desk.people.user_by_username("ada").id, 2)

    deactivated = cli("user", "deactivate", "ada")
    refused = cli("checkout", str(license_id), "--user", "ada")
    not_deleted = cli("user", "delete", "ada", "--yes")
    renamed = cli("user", "edit", "ada", "--username", "ada2", "--json")

    assert deactivated[0] == 0
    assert "still holds 'Office' 2" in deactivated[1]
    assert "holds 2 of 'Office'" in deactivated[1]
    assert refused[0] == 1 and "inactive" in refused[2]
    assert not_deleted[0] == 1 and "'Office' 2" in not_deleted[2]
    assert json.loads(renamed[1])["active"] is False
    assert json.loads(renamed[1])["seats_held"] == 2
    assert desk.people.user_by_username("ada2").seats_held == 2
    assert cli("user", "activate", "ada2")[0] == 0
    assert desk.people.user_by_username("ada2").active


def test_asset_add_edit_and_delete(cli, desk):
    code, out, err = cli("asset", "add", "--tag", "LAP-1", "--name", "Laptop", "--json")
    assert code == 0, err
    assert set(json.loads(out)) == {
        "id", "asset_tag", "name", "serial", "model", "location", "active", "seats_held"
    }  # fmt: skip

    edited = cli("asset", "edit", "LAP-1", "--location", "Room 4", "--serial", "SN-9")
    unconfirmed = cli("asset", "delete", "LAP-1")

    assert edited[0] == 0 and "Location: (blank) -> Room 4" in edited[1]
    assert unconfirmed[0] == 2 and "--yes" in unconfirmed[2]
    [asset] = desk.people.assets()
    assert (asset.name, asset.serial, asset.location) == ("Laptop", "SN-9", "Room 4")
    assert cli("asset", "delete", "LAP-1", "--yes")[0] == 0
    assert desk.people.assets() == []
