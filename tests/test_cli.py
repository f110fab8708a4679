"""The real `assetloom` command in a subprocess, against a temporary SQLite file."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import add_asset, add_license, add_user

from assetloom_tui.repository import Repository
from assetloom_tui.schemas import CheckoutRequest

TODAY = dt.date.today()


def run(*args: str, env: dict[str, str] | None = None, home: Path | None = None):
    """Run `python -m assetloom_tui ARGS`; the default database lives in a throwaway home."""
    environment = {k: v for k, v in os.environ.items() if k != "ASSETLOOM_DATABASE_URL"}
    if home is not None:
        environment.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"))
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "assetloom_tui", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )


def checkout(desk: Repository, license_id: int, user_id: int, quantity: int = 1) -> int:
    """Set-up through the repository (the command's own checkout is tested on its own)."""
    request = CheckoutRequest(
        license_id=license_id, target_type="user", target_id=user_id, quantity=quantity
    )
    return desk.seats.checkout(request, "setup").id


def no_traceback(result) -> bool:
    return "Traceback" not in result.stderr and "Traceback" not in result.stdout


def test_licenses_json_gives_every_promised_field(desk, db_path):
    office = add_license(desk, "Office", seats=5, product_key="OFF-1")
    cad = add_license(
        desk,
        "CAD",
        seats=2,
        reassignable=False,
        expiration_date=dt.date(2030, 1, 31),
        min_available=1,
    )
    checkout(desk, office, add_user(desk, "alice"), 2)

    result = run("licenses", "--json", "--db", str(db_path))

    assert result.returncode == 0, result.stderr
    by_id = {item["id"]: item for item in json.loads(result.stdout)}
    assert by_id[office] | {"manufacturer": None} == {
        "id": office,
        "name": "Office",
        "product_key": "OFF-1",
        "manufacturer": None,
        "seats": 5,
        "held": 2,
        "available": 3,
        "reassignable": True,
        "expires": None,
        "min_available": None,
    }
    cad_fields = (by_id[cad]["expires"], by_id[cad]["reassignable"], by_id[cad]["min_available"])
    assert cad_fields == ("2030-01-31", False, 1)


def test_plain_license_list_is_an_aligned_table(desk, db_path):
    add_license(desk, "Office", seats=5, product_key="OFF-1")
    add_license(desk, "A much longer license name", seats=120, product_key="LONG-KEY-2")

    result = run("--db", str(db_path), "licenses")

    header, rule, *rows = result.stdout.splitlines()
    assert result.returncode == 0
    column = header.index("Product key")
    assert rule[column - 2 : column] == "  " and rule[column] == "-"
    assert sorted(row[column:].split()[0] for row in rows) == ["LONG-KEY-2", "OFF-1"]


def test_db_before_or_after_the_command_and_the_environment_variable(desk, db_path, tmp_path):
    add_license(desk, "Office", seats=5)
    expected = ["Office"]

    before = run("--db", str(db_path), "licenses", "--json", home=tmp_path)
    after = run("licenses", "--json", "--db", str(db_path), home=tmp_path)
    from_env = run(
        "licenses", "--json", env={"ASSETLOOM_DATABASE_URL": f"sqlite:///{db_path}"}, home=tmp_path
    )
    default = run("licenses", "--json", home=tmp_path)

    for result in (before, after, from_env):
        assert result.returncode == 0, result.stderr
        assert [item["name"] for item in json.loads(result.stdout)] == expected
    assert json.loads(default.stdout) == []


def test_checkout_to_a_user_and_an_asset_then_assignments_json(desk, db_path):
    license_id = add_license(desk, "Office", seats=5)
    add_user(desk, "alice")
    add_asset(desk, "LAP-001")

    to_user = run(
        "--db", str(db_path), "checkout", str(license_id), "--user", "alice", "--qty", "2"
    )
    to_asset = run("--db", str(db_path), "checkout", str(license_id), "--asset", "LAP-001")
    listing = run("--db", str(db_path), "assignments", str(license_id), "--json")

    assert to_user.returncode == 0, to_user.stderr
    assert "Checked out 2 seats of 'Office' to alice" in to_user.stdout
    assert "3 of 5 available" in to_user.stdout
    assert "2 of 5 available" in to_asset.stdout
    assert desk.licenses.get(license_id).available == 2
    rows = json.loads(listing.stdout)
    assert [(r["target_type"], r["target"], r["quantity"]) for r in rows] == [
        ("user", "alice", 2),
        ("asset", "LAP-001", 1),
    ]
    assert all(r["checkout_date"] == TODAY.isoformat() and isinstance(r["id"], int) for r in rows)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--qty", "0"], "--qty"),
        (["--qty", "two"], "--qty"),
        (["--qty", "1.5"], "--qty"),
    ],
)
def test_bad_numbers_are_usage_errors_naming_the_argument(desk, db_path, args, needle):
    license_id = add_license(desk, "Office", seats=5)
    add_user(desk, "alice")

    result = run("--db", str(db_path), "checkout", str(license_id), "--user", "alice", *args)

    assert result.returncode == 2
    assert needle in result.stderr and no_traceback(result)
    assert desk.licenses.get(license_id).available == 5


def test_usage_errors_from_argparse_exit_2(db_path):
    for args in (
        ["checkout", "x", "--user", "a"],
        ["checkout", "1", "--user", "a", "--asset", "b"],
    ):
        result = run("--db", str(db_path), *args)
        assert result.returncode == 2, args
        assert no_traceback(result)


def test_refused_actions_exit_1_with_the_rule_on_stderr(desk, db_path):
    license_id = add_license(desk, "Office", seats=1)
    fixed = add_license(desk, "OEM", seats=3, reassignable=False)
    checkout(desk, fixed, add_user(desk, "alice"))
    held = desk.licenses.assignments(fixed)[0].id

    too_many = run(
        "--db", str(db_path), "checkout", str(license_id), "--user", "alice", "--qty", "2"
    )
    nobody = run("--db", str(db_path), "checkout", str(license_id), "--user", "nobody")
    not_back = run("--db", str(db_path), "checkin", str(held))
    missing = run("--db", str(db_path), "assignments", "999")

    assert [r.returncode for r in (too_many, nobody, not_back, missing)] == [1, 1, 1, 1]
    assert "Only 1 seat of 'Office' available." in too_many.stderr
    assert "nobody" in nobody.stderr
    assert "not reassignable" in not_back.stderr
    assert "License 999 does not exist" in missing.stderr
    assert all(no_traceback(r) for r in (too_many, nobody, not_back, missing))


def test_checkin_defaults_to_everything_held_and_today(desk, db_path):
    license_id = add_license(desk, "Office", seats=5)
    assignment = checkout(desk, license_id, add_user(desk, "alice"), 3)

    one = run("--db", str(db_path), "checkin", str(assignment), "--qty", "1", "--note", "spare")
    rest = run("--db", str(db_path), "checkin", str(assignment))
    again = run("--db", str(db_path), "checkin", str(assignment))

    assert one.returncode == 0 and "3 of 5 available" in one.stdout
    assert rest.returncode == 0 and "Checked in 2 seats" in rest.stdout
    assert "5 of 5 available" in rest.stdout
    assert again.returncode == 1 and "already been checked in" in again.stderr
    history = desk.licenses.history(license_id)
    assert [(h.action, h.quantity, h.event_date) for h in history] == [
        ("checkin", 2, TODAY),
        ("checkin", 1, TODAY),
        ("checkout", 3, TODAY),
    ]


def test_checkin_dates_bad_format_is_usage_and_future_is_refused(desk, db_path):
    license_id = add_license(desk, "Office", seats=5)
    assignment = checkout(desk, license_id, add_user(desk, "alice"))
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()

    malformed = run("--db", str(db_path), "checkin", str(assignment), "--date", "31/12/2024")
    future = run("--db", str(db_path), "checkin", str(assignment), "--date", tomorrow)

    assert malformed.returncode == 2 and "--date" in malformed.stderr
    assert future.returncode == 1 and "in the future" in future.stderr
    assert desk.licenses.get(license_id).available == 4


def test_checkin_all_needs_yes(desk, db_path):
    license_id = add_license(desk, "Office", seats=5)
    for name in ("alice", "bob"):
        checkout(desk, license_id, add_user(desk, name), 2)

    refused = run("--db", str(db_path), "checkin-all", str(license_id))
    confirmed = run("--db", str(db_path), "checkin-all", str(license_id), "--yes", "--note", "EOY")

    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert confirmed.returncode == 0, confirmed.stderr
    assert "Checked in 4 seats of 'Office' from 2 assignments" in confirmed.stdout
    assert desk.licenses.get(license_id).available == 5


def test_a_missing_folder_or_a_non_database_is_one_clean_line(tmp_path):
    missing = tmp_path / "nowhere" / "desk.db"
    not_db = tmp_path / "notes.db"
    not_db.write_text("not a database\n" * 100)

    for path in (missing, not_db):
        result = run("--db", str(path), "licenses")
        assert result.returncode == 1
        assert no_traceback(result)
        assert len(result.stderr.strip().splitlines()) == 1
        assert str(path) in result.stderr
    assert not missing.parent.exists()


def test_a_locked_database_gives_a_clean_message(desk, db_path):
    license_id = add_license(desk, "Office", seats=5)
    add_user(desk, "alice")
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        result = run(
            "--db", str(db_path), "--wait", "0.2", "checkout", str(license_id), "--user", "alice"
        )
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()

    assert result.returncode == 1
    assert "locked" in result.stderr and str(db_path) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and no_traceback(result)
    assert desk.licenses.get(license_id).available == 5


def test_import_from_the_command_line(db_path, snipeit_dir):
    path = snipeit_dir / "licenses-sample.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    bad = [
        n
        for n, row in enumerate(rows, start=1)
        if row["reassignable"].strip().lower() not in {"yes", "no", "true", "false", "1", "0", ""}
    ]
    good = len(rows) - len(bad)

    strict = run("--db", str(db_path), "import", "licenses", str(path))
    dry = run("import", "licenses", str(path), "--dry-run", "--skip-invalid", "--db", str(db_path))
    empty = run("--db", str(db_path), "licenses", "--json")
    lenient = run("--db", str(db_path), "import", "licenses", str(path), "--skip-invalid")
    again = run("--db", str(db_path), "import", "licenses", str(path), "--skip-invalid")

    assert strict.returncode == 1
    assert [line for line in strict.stderr.splitlines() if "column 'reassignable'" in line] == [
        line for line in strict.stderr.splitlines() if line.startswith("licenses-sample.csv: row")
    ]
    for number in bad:
        assert f"row {number} (line" in strict.stderr
    assert "Nothing was written" in strict.stderr
    assert dry.returncode == 0 and "nothing was written" in dry.stdout
    assert json.loads(empty.stdout) == []
    assert lenient.returncode == 0
    assert f"{good} created, 0 updated, 0 unchanged, {len(bad)} failed" in lenient.stdout
    assert f"0 created, 0 updated, {good} unchanged, {len(bad)} failed" in again.stdout
    listed = json.loads(run("--db", str(db_path), "licenses", "--json").stdout)
    assert len(listed) == good and all(i["available"] == i["seats"] - 1 for i in listed)


def test_import_of_a_missing_file_is_a_usage_error(db_path, tmp_path):
    result = run("--db", str(db_path), "import", "users", str(tmp_path / "absent.csv"))
    assert result.returncode == 2 and "absent.csv" in result.stderr
    assert not db_path.exists()


def test_log_file_records_the_action(desk, db_path, tmp_path):
    license_id = add_license(desk, "Office", seats=5)
    add_user(desk, "alice")
    log = tmp_path / "desk.log"

    run("--db", str(db_path), "checkout", str(license_id), "--user", "alice", "--log", str(log))

    assert "checked out 1 of license" in log.read_text()


@pytest.mark.parametrize("wait", ["inf", "nan", "1e308", "-1", "86401"])
def test_wait_outside_0_to_a_day_is_a_usage_error(desk, db_path, wait):
    result = run("licenses", "--db", str(db_path), "--wait", wait)

    assert result.returncode == 2
    assert "--wait: must be 0 to 86400 seconds" in result.stderr
    assert no_traceback(result)


def test_an_empty_db_path_is_refused_instead_of_using_the_default(tmp_path):
    home = tmp_path / "home"

    result = run("licenses", "--db", "", home=home)

    assert (result.returncode, result.stderr.strip()) == (
        2,
        "assetloom licenses: error: --db: the path is empty",
    )
    assert not (home / "data").exists()


def test_import_summary_is_the_last_line_and_says_when_nothing_was_written(snipeit_dir, db_path):
    path = snipeit_dir / "licenses-sample.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    bad = sum(row["reassignable"].strip().lower() == "sometimes" for row in rows)

    refused = run("import", "licenses", str(path), "--db", str(db_path))
    written = run("import", "licenses", str(path), "--skip-invalid", "--db", str(db_path))

    assert refused.returncode == 1
    assert (
        refused.stdout.strip()
        .splitlines()[-1]
        .startswith(
            f"{path.name}: nothing written; the file would give {len(rows) - bad} created, "
        )
    )
    assert f"Nothing was written: {bad} rows with errors." in refused.stderr
    assert written.returncode == 0
    assert (
        written.stdout.strip()
        .splitlines()[-1]
        .startswith(
            f"{path.name}: {len(rows) - bad} created, 0 updated, 0 unchanged, {bad} failed; "
        )
    )


@pytest.mark.parametrize("days", ["-1", "36501", "soon"])
def test_expiring_within_must_be_a_day_count(days, db_path):
    result = run("--db", str(db_path), "--expiring-within", days)

    assert result.returncode == 2
    assert "--expiring-within" in result.stderr
    assert no_traceback(result)


def test_a_reader_that_stops_early_gets_no_traceback(desk, db_path):
    for number in range(300):
        add_license(desk, name=f"License {number:03d}", seats=1)
    command = [sys.executable, "-m", "assetloom_tui", "licenses", "--json", "--db", str(db_path)]

    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        process.stdout.read(10)
        process.stdout.close()
        stderr = process.stderr.read().decode()
        process.wait(timeout=60)

    assert "Traceback" not in stderr
    assert "BrokenPipeError" not in stderr
