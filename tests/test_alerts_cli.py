"""`assetloom alerts` for cron (exit 3 when anything needs attention) and expired checkouts."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from conftest import add_license, add_user

from assetloom_tui.schemas import CheckoutRequest

TODAY = dt.date.today()


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@pytest.fixture
def shelf(desk):
    """Licenses around the default 30-day window and a threshold; ids by role."""
    ids = {
        "expired": add_license(desk, "Expired", seats=5, expiration_date=days(-1)),
        "today": add_license(desk, "Ends today", seats=5, expiration_date=TODAY),
        "soon": add_license(desk, "Soon", seats=5, expiration_date=days(30)),
        "later": add_license(desk, "Later", seats=5, expiration_date=days(31)),
        "low": add_license(desk, "Low", seats=4, min_available=2),
        "fine": add_license(desk, "Fine", seats=4, min_available=1),
        "both": add_license(desk, "Both", seats=2, min_available=0, expiration_date=days(-40)),
    }
    user_id = add_user(desk, "alice")
    for role, quantity in (("low", 2), ("fine", 2), ("both", 2)):
        request = CheckoutRequest(
            license_id=ids[role],
            target_type="user",
            target_id=user_id,
            quantity=quantity,
            allow_expired=True,
        )
        desk.seats.checkout(request, "setup")
    return ids


def test_alerts_json_lists_each_license_with_its_reasons(cli, shelf):
    code, out, err = cli("alerts", "--json")

    assert code == 3, err
    found = {item["id"]: item for item in json.loads(out)}
    expected = {
        shelf["expired"]: ["expired"],
        shelf["today"]: ["expiring"],
        shelf["soon"]: ["expiring"],
        shelf["low"]: ["low"],
        shelf["both"]: ["expired", "low"],
    }
    assert {key: item["reasons"] for key, item in found.items()} == expected
    assert found[shelf["expired"]]["message"] == f"expired {days(-1).isoformat()}"
    assert found[shelf["soon"]]["message"] == f"expires {days(30).isoformat()} (in 30 days)"
    assert found[shelf["low"]]["message"] == "2 available, threshold 2"
    low = found[shelf["low"]]
    assert (low["seats"], low["held"], low["available"], low["min_available"]) == (4, 2, 2, 2)
    listed = {item["id"]: item for item in json.loads(cli("licenses", "--json")[1])}
    for key, item in found.items():
        assert {name: item[name] for name in listed[key]} == listed[key]


@pytest.mark.parametrize(
    ("within", "expiring"),
    [("0", {"today"}), ("29", {"today"}), ("31", {"today", "soon", "later"})],
)
def test_the_window_decides_what_is_expiring(cli, shelf, within, expiring):
    code, out, _ = cli("alerts", "--within", within, "--json")

    assert code == 3
    reasons = {item["id"]: item["reasons"] for item in json.loads(out)}
    assert {role for role, key in shelf.items() if reasons.get(key) == ["expiring"]} == expiring


def test_plain_alerts_are_a_table(cli, shelf):
    code, out, _ = cli("alerts")

    header, rule, *rows = out.splitlines()
    assert code == 3
    assert header.split()[:2] == ["ID", "Name"] and set(rule) <= {"-", " "}
    assert sorted(row.split()[1] for row in rows) == ["Both", "Ends", "Expired", "Low", "Soon"]


def test_nothing_to_report_exits_0(cli, desk):
    add_license(desk, "Far", seats=3, expiration_date=days(400), min_available=1)

    assert cli("alerts", "--json")[:2] == (0, "[]\n")
    code, out, _ = cli("alerts")
    assert code == 0 and "No license" in out


@pytest.mark.parametrize("within", ["-1", "x", "1.5", "99999999"])
def test_a_bad_window_is_a_usage_error(cli, within):
    code, _, err = cli("alerts", "--within", within)
    assert code == 2 and "--within" in err


def test_alerts_exit_3_from_the_real_command(desk, db_path):
    add_license(desk, "Expired", seats=1, expiration_date=days(-3))

    result = subprocess.run(
        [sys.executable, "-m", "assetloom_tui", "--db", str(db_path), "alerts"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 3
    assert f"expired {days(-3).isoformat()}" in result.stdout


def test_checkout_of_an_expired_license_needs_allow_expired(cli, desk):
    license_id = add_license(desk, "Old", seats=3, expiration_date=days(-2))
    add_user(desk, "alice")

    refused = cli("checkout", str(license_id), "--user", "alice")
    assert refused[0] == 1
    assert days(-2).isoformat() in refused[2] and "--allow-expired" in refused[2]
    assert desk.licenses.get(license_id).held == 0

    allowed = cli("checkout", str(license_id), "--user", "alice", "--qty", "2", "--allow-expired")
    assert allowed[0] == 0, allowed[2]
    assert desk.licenses.get(license_id).held == 2


def test_a_license_expiring_today_is_not_yet_expired_for_checkout(cli, desk):
    license_id = add_license(desk, "Last day", seats=3, expiration_date=TODAY)
    add_user(desk, "alice")

    assert cli("checkout", str(license_id), "--user", "alice")[0] == 0
