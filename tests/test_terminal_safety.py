"""Text from the database can never drive the terminal: control characters are shown, not obeyed."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from assetloom_tui.errors import SeatRuleError
from assetloom_tui.schemas import CheckoutRequest
from assetloom_tui.text import printable
from conftest import add_license, add_user

HOSTILE_NAME = "\x1b[31mRED\x1b[0m \x1b]0;PWNED\x07x\r\n\u202eevil"
CONTROL_CHARACTERS = {chr(code) for code in [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F]}


def test_printable_shows_each_control_character_as_a_visible_symbol():
    assert printable("a\x1bb\x07c\x00d\x7fe\x9bf") == "a\u241bb\u2407c\u2400d\u2421e\ufffdf"
    assert printable("line one\r\nline two\tend") == "line one\nline two\tend"
    assert printable("right\u202eto left") == "right\ufffdto left"
    assert printable("[bold]kept as typed[/]") == "[bold]kept as typed[/]"


@pytest.mark.parametrize("character", sorted(CONTROL_CHARACTERS))
def test_no_control_character_survives(character):
    assert not set(printable(f"x{character}y")) & CONTROL_CHARACTERS


def test_repository_results_and_messages_are_safe(repo):
    license_id = add_license(repo, name=HOSTILE_NAME, seats=1)
    user_id = add_user(repo, username="esc\x1b[2J", full_name=HOSTILE_NAME)
    repo.seats.checkout(
        CheckoutRequest(license_id=license_id, target_type="user", target_id=user_id), "tester"
    )

    [summary] = repo.licenses.list()
    [assignment] = repo.people.user_assignments(user_id)
    with pytest.raises(SeatRuleError) as refused:
        repo.seats.checkout(
            CheckoutRequest(license_id=license_id, target_type="user", target_id=user_id), "t"
        )

    shown = [summary.name, assignment.target, assignment.target_name, refused.value.message]
    assert all(not set(text) & CONTROL_CHARACTERS for text in shown)
    assert summary.name == "\u241b[31mRED\u241b[0m \u241b]0;PWNED\u2407x\n\ufffdevil"
    assert assignment.target == "esc\u241b[2J"


def test_command_line_output_carries_no_escape_codes(repo, db_url):
    license_id = add_license(repo, name=HOSTILE_NAME, seats=2)
    add_user(repo, username="esc1", full_name=HOSTILE_NAME)
    run = [sys.executable, "-m", "assetloom_tui", "--db", db_url.removeprefix("sqlite:///")]
    note = "\x1b[2J wiped"

    checkout = subprocess.run(
        [*run, "checkout", str(license_id), "--user", "esc1", "--note", note],
        capture_output=True,
        text=True,
    )
    listing = subprocess.run([*run, "assignments", str(license_id)], capture_output=True, text=True)
    as_json = subprocess.run(
        [*run, "assignments", str(license_id), "--json"], capture_output=True, text=True
    )

    outputs = [checkout, listing, as_json]
    assert [output.returncode for output in outputs] == [0, 0, 0]
    for output in outputs:
        assert not set(output.stdout + output.stderr) & CONTROL_CHARACTERS - {"\n"}
    assert "\u241b[31mRED" in listing.stdout
    assert json.loads(as_json.stdout)[0]["notes"] == "\u241b[2J wiped"
