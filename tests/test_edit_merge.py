"""Two people editing one record: each keeps the other's change; the same field is refused."""

from __future__ import annotations

import pytest
from conftest import add_license
from ui_helpers import SIZE, field_error, fill, make_app, press, settle

from assetloom_tui.errors import SeatRuleError
from assetloom_tui.record_schemas import LicenseFields, UserFields
from assetloom_tui.ui.screens.license_form import LicenseFormModal


def office(**changes) -> LicenseFields:
    return LicenseFields(**{"name": "Office", "seats": "5", "supplier": "Insight", **changes})


def test_an_edit_writes_only_what_changed_since_the_form_opened(repo):
    license_id = repo.license_records.add(office(), "ann")
    opened = office()
    repo.license_records.edit(license_id, office(supplier="CDW", notes="by bob"), "bob", opened)

    summary = repo.license_records.edit(license_id, office(seats="6"), "ann", opened)

    detail = repo.licenses.get(license_id)
    assert (detail.seats, detail.supplier, detail.notes) == (6, "CDW", "by bob")
    assert summary == "Total Seats: 5 -> 6"


def test_the_same_field_changed_by_both_is_refused_at_that_field(repo):
    license_id = repo.license_records.add(office(), "ann")
    opened = office()
    repo.license_records.edit(license_id, office(supplier="CDW"), "bob", opened)

    with pytest.raises(SeatRuleError) as refused:
        repo.license_records.edit(license_id, office(supplier="SoftwareOne"), "ann", opened)

    assert refused.value.field == "supplier"
    assert refused.value.message == (
        "Supplier was changed by someone else while this form was open (now CDW). "
        "Reopen the form to see it."
    )
    assert repo.licenses.get(license_id).supplier == "CDW"


def test_saving_an_untouched_user_form_does_not_undo_a_deactivation(repo):
    user_id = repo.user_records.add(UserFields(username="jsingh"), "ann")
    opened = UserFields(username="jsingh", active="yes")
    repo.user_records.set_active(user_id, False, "bob")

    summary = repo.user_records.edit(user_id, opened, "ann", opened)

    assert summary == ""
    assert repo.people.user(user_id).active is False


async def test_the_license_form_keeps_a_colleagues_edit_to_another_field(repo):
    license_id = add_license(repo, "Office", seats=5, supplier="Insight")
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "e")
        assert isinstance(app.screen, LicenseFormModal)
        repo.license_records.edit(license_id, office(supplier="CDW"), "bob", office())
        await fill(pilot, "seats", "7")
        await press(pilot, "ctrl+s")
        await settle(pilot)

        detail = repo.licenses.get(license_id)
        assert (detail.seats, detail.supplier) == (7, "CDW")

        await press(pilot, "e")
        repo.license_records.edit(license_id, office(seats="7", supplier="Dell"), "bob", None)
        await fill(pilot, "supplier", "Lenovo")
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LicenseFormModal)
        assert field_error(pilot, "supplier").startswith("Supplier was changed by someone else")
        assert repo.licenses.get(license_id).supplier == "Dell"
