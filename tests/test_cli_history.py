"""`assetloom history` and `assetloom check`: the real command in a subprocess, on both backends."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from sqlalchemy import select, update
from test_cli import no_traceback, run

from assetloom_tui.models import Assignment, ChangeEvent, SeatEvent
from assetloom_tui.record_schemas import AssetFields, LicenseFields, UserFields
from assetloom_tui.repository import Repository
from assetloom_tui.schemas import CheckinRequest, CheckoutRequest

# A zone an hour east of UTC in December, so a local day starts at 23:00 UTC the day before.
ZONE = {"TZ": "Europe/Berlin"}
BERLIN = dt.timezone(dt.timedelta(hours=1))
UTC = dt.UTC


@pytest.fixture
def desk(any_db_url: str):
    repository = Repository.open(any_db_url)
    yield repository
    repository.close()


def history(url: str, *args: str):
    return run("history", "--db", url, *args, env=ZONE)


def set_time(desk: Repository, model, when: dt.datetime, *where) -> None:
    """Move events of `model` to one instant, through the ORM as the app stores them."""
    with desk.database.write() as session:
        session.execute(update(model).where(*where).values(recorded_at=when))


def seat_desk(desk: Repository) -> dict[str, int]:
    """A license with a user and an asset: ann adds, cat checks out, dan checks one seat in."""
    ids = {
        "cad": desk.license_records.add(LicenseFields(name="CAD [pro]", seats="6"), "ann"),
        "bob": desk.user_records.add(UserFields(username="bob"), "ann"),
        "pc": desk.asset_records.add(AssetFields(asset_tag="PC-1"), "ann"),
    }
    to_bob = desk.seats.checkout(
        CheckoutRequest(
            license_id=ids["cad"], target_type="user", target_id=ids["bob"], quantity=3
        ),
        "cat",
    )
    desk.seats.checkout(
        CheckoutRequest(license_id=ids["cad"], target_type="asset", target_id=ids["pc"]), "cat"
    )
    desk.seats.checkin(
        CheckinRequest(
            assignment_id=to_bob.id,
            quantity=1,
            checkin_date=dt.date.today(),
            notes="spare\nseat",
        ),
        "dan",
    )
    ids["assignment"] = to_bob.id
    return ids


def test_json_gives_every_field_in_local_time_newest_first(desk, any_db_url):
    ids = seat_desk(desk)
    set_time(desk, ChangeEvent, dt.datetime(2026, 12, 1, 8, 0, tzinfo=UTC))
    with desk.database.read() as session:
        event_ids = session.scalars(select(SeatEvent.id).order_by(SeatEvent.id)).all()
    for event_id, hour in zip(event_ids, (9, 10, 11), strict=True):
        when = dt.datetime(2026, 12, 2, hour, 30, 5, tzinfo=UTC)
        set_time(desk, SeatEvent, when, SeatEvent.id == event_id)

    result = history(any_db_url, "--json")

    assert result.returncode == 0, result.stderr
    entries = json.loads(result.stdout)
    assert [(e["action"], e["operator"]) for e in entries] == [
        ("checkin", "dan"),
        ("checkout", "cat"),
        ("checkout", "cat"),
        ("added", "ann"),
        ("added", "ann"),
        ("added", "ann"),
    ]
    assert entries[0] == {
        "recorded_at": "2026-12-02T12:30:05+01:00",
        "operator": "dan",
        "action": "checkin",
        "record_type": "license",
        "license_id": ids["cad"],
        "license": "CAD [pro]",
        "target_type": "user",
        "target": "bob",
        "quantity": 1,
        "event_date": dt.date.today().isoformat(),
        "notes": "spare\nseat",
    }
    assert entries[1]["target_type"] == "asset" and entries[1]["target"] == "PC-1"
    added = [e for e in entries if e["action"] == "added"]
    assert {e["recorded_at"] for e in added} == {"2026-12-01T09:00:00+01:00"}
    assert {(e["record_type"], e["quantity"], e["event_date"]) for e in added} == {
        ("license", None, None),
        ("user", None, None),
        ("asset", None, None),
    }


def test_filters_narrow_to_the_license_user_asset_operator_and_action(desk, any_db_url):
    ids = seat_desk(desk)
    other = desk.license_records.add(LicenseFields(name="Office", seats="2"), "eve")

    def actions(*args: str) -> list[tuple[str, str, str]]:
        result = history(any_db_url, "--json", *args)
        assert result.returncode == 0, result.stderr
        return [(e["action"], e["license"], e["target"]) for e in json.loads(result.stdout)]

    assert actions("--license", str(other)) == [("added", "Office", "")]
    assert actions("--user", "bob") == [
        ("checkin", "CAD [pro]", "bob"),
        ("checkout", "CAD [pro]", "bob"),
        ("added", "", "bob"),
    ]
    assert actions("--asset", "PC-1") == [("checkout", "CAD [pro]", "PC-1"), ("added", "", "PC-1")]
    assert actions("--operator", "cat", "--user", "bob") == [("checkout", "CAD [pro]", "bob")]
    assert actions("--action", "checkout", "--license", str(ids["cad"])) == [
        ("checkout", "CAD [pro]", "PC-1"),
        ("checkout", "CAD [pro]", "bob"),
    ]


def test_since_and_until_are_whole_local_days(desk, any_db_url):
    late = desk.license_records.add(LicenseFields(name="Late", seats="1"), "ann")
    early = desk.license_records.add(LicenseFields(name="Early", seats="1"), "ann")
    # 23:59:59 on 3 December in Berlin, then the midnight that starts 4 December.
    last_second = dt.datetime(2026, 12, 3, 22, 59, 59, tzinfo=UTC)
    set_time(desk, ChangeEvent, last_second, ChangeEvent.record_id == late)
    midnight = dt.datetime(2026, 12, 3, 23, 0, 0, tzinfo=UTC)
    set_time(desk, ChangeEvent, midnight, ChangeEvent.record_id == early)

    def names(*args: str) -> list[str]:
        result = history(any_db_url, "--json", *args)
        assert result.returncode == 0, result.stderr
        return [e["license"] for e in json.loads(result.stdout)]

    assert names("--since", "2026-12-04") == ["Early"]
    assert names("--until", "2026-12-03") == ["Late"]
    assert names("--since", "2026-12-03", "--until", "2026-12-03") == ["Late"]
    assert names("--since", "2026-12-03", "--until", "2026-12-04") == ["Early", "Late"]
    assert names("--since", "2026-12-05") == []
    table = history(any_db_url, "--until", "2026-12-03")
    assert "2026-12-03 23:59" in table.stdout and "Late" in table.stdout
    assert "Early" not in table.stdout


def test_csv_has_the_json_fields_and_the_table_is_literal(desk, any_db_url):
    ids = seat_desk(desk)

    as_csv = history(any_db_url, "--csv", "--user", "bob")
    as_table = history(any_db_url, "--user", "bob")

    assert as_csv.returncode == 0, as_csv.stderr
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert list(rows[0]) == [
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
    ]
    assert [(r["action"], r["quantity"], r["license_id"]) for r in rows] == [
        ("checkin", "1", str(ids["cad"])),
        ("checkout", "3", str(ids["cad"])),
        ("added", "", ""),
    ]
    assert rows[0]["notes"] == "spare\nseat"
    assert dt.datetime.fromisoformat(rows[0]["recorded_at"]).utcoffset() == dt.timedelta(hours=1)
    assert as_table.returncode == 0, as_table.stderr
    lines = as_table.stdout.splitlines()
    assert lines[0].split() == ["When", "Operator", "Action", "License", "Target", "Qty", "Notes"]
    assert "CAD [pro]" in lines[2] and "spare seat" in lines[2] and " dan " in lines[2]


def test_nothing_matching_is_not_an_error_but_an_unknown_name_gets_a_note(desk, any_db_url):
    seat_desk(desk)

    known = history(any_db_url, "--user", "bob", "--action", "deleted")
    unknown = history(any_db_url, "--user", "bobb")
    unknown_json = history(any_db_url, "--asset", "PC-9", "--json")

    assert (known.returncode, known.stdout.strip(), known.stderr) == (
        0,
        "No entries in the history match.",
        "",
    )
    assert unknown.returncode == 0 and "No entries" in unknown.stdout
    assert unknown.stderr.strip() == "Note: no user is named 'bobb'."
    assert unknown_json.returncode == 0 and json.loads(unknown_json.stdout) == []
    assert "no asset has the tag 'PC-9'" in unknown_json.stderr


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--since", "2026-1-5"), "--since"),
        (("--until", "tomorrow"), "--until"),
        (("--since", "2026-12-05", "--until", "2026-12-04"), "--until"),
        (("--license", "CAD"), "--license"),
        (("--action", "stolen"), "--action"),
        (("--json", "--csv"), "--csv"),
    ],
)
def test_usage_errors_exit_2_naming_the_option(db_url, args, named):
    result = run("history", "--db", db_url, *args)

    assert result.returncode == 2
    assert named in result.stderr and no_traceback(result)


def test_check_agrees_then_reports_a_corrupted_assignment(desk, any_db_url):
    ids = seat_desk(desk)
    desk.license_records.add(LicenseFields(name="Office", seats="2"), "eve")

    clean = run("check", "--db", any_db_url)
    with desk.database.write() as session:
        session.execute(update(Assignment).where(Assignment.id == ids["assignment"]).values(held=3))
    broken = run("check", "--db", any_db_url)

    assert (clean.returncode, clean.stdout.strip()) == (
        0,
        "Checked 2 licenses: every one agrees with its history.",
    )
    assert broken.returncode == 1, broken.stderr
    assert broken.stdout.strip() == (
        f"License {ids['cad']} 'CAD [pro]', assignment {ids['assignment']}: "
        "holds 3 of 3, but its history adds up to 2 of 3."
    )
