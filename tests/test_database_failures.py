"""A database that is locked, missing or not a database gives a clear message and loses nothing."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from assetloom_tui.database import open_database
from assetloom_tui.errors import DatabaseError
from assetloom_tui.repository import Repository
from assetloom_tui.schemas import CheckoutRequest
from conftest import add_license, add_user


def test_missing_folder_names_the_folder(tmp_path):
    missing = tmp_path / "no-such-folder" / "seats.db"

    with pytest.raises(DatabaseError, match="folder for the database does not exist") as failure:
        open_database(f"sqlite:///{missing}")

    assert str(missing.parent) in failure.value.message
    assert not missing.parent.exists()


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list\n" * 200)
    before = notes.read_bytes()

    with pytest.raises(DatabaseError, match="could not be used") as failure:
        open_database(f"sqlite:///{notes}")

    assert "notes.txt" in failure.value.message
    assert notes.read_bytes() == before


def test_a_locked_database_refuses_the_checkout_and_keeps_the_seats(repo, db_url, tmp_path):
    license_id = add_license(repo, seats=3)
    user_id = add_user(repo)
    impatient = Repository(open_database(db_url, busy_timeout_ms=200))
    blocker = sqlite3.connect(tmp_path / "assetloom.db", isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")

    request = CheckoutRequest(license_id=license_id, target_type="user", target_id=user_id)
    with pytest.raises(DatabaseError, match="locked by another session; nothing was written"):
        impatient.seats.checkout(request, operator="tester")

    blocker.execute("ROLLBACK")
    blocker.close()
    assert repo.licenses.get(license_id).available == 3
    assert impatient.seats.checkout(request, operator="tester").held == 1
    impatient.close()


def test_opening_and_reading_an_up_to_date_database_does_not_wait_for_a_writer(
    repo, db_url, tmp_path
):
    license_id = add_license(repo, seats=3)
    blocker = sqlite3.connect(tmp_path / "assetloom.db", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    blocker.execute("UPDATE licenses SET notes = 'being edited'")

    reader = Repository(open_database(db_url, busy_timeout_ms=200))
    listed = [(row.id, row.available) for row in reader.licenses.list()]

    blocker.execute("ROLLBACK")
    blocker.close()
    reader.close()
    assert listed == [(license_id, 3)]


def test_a_postgresql_writer_behind_a_held_lock_gives_up_with_the_lock_message(postgres):
    url = postgres.database_url()
    setup = Repository.open(url)
    license_id = add_license(setup, seats=3)
    user_id = add_user(setup)
    impatient = Repository(open_database(url, busy_timeout_ms=300))
    request = CheckoutRequest(license_id=license_id, target_type="user", target_id=user_id)

    with setup.database.write() as session:
        session.execute(
            text("SELECT id FROM licenses WHERE id = :id FOR UPDATE"), {"id": license_id}
        )
        with pytest.raises(DatabaseError, match="locked by another session; nothing was written"):
            impatient.seats.checkout(request, operator="tester")

    assert impatient.seats.checkout(request, operator="tester").held == 1
    assert setup.licenses.get(license_id).available == 2
    impatient.close()
    setup.close()
