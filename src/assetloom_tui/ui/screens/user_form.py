"""Add a user, or edit one (clearing Active deactivates: held seats stay, no new checkouts)."""

from __future__ import annotations

from assetloom_tui.record_schemas import UserFields
from assetloom_tui.ui.screens.record_form import FieldSpec, RecordFormModal


class UserFormModal(RecordFormModal):
    """Username, full name, email, department, employee number, active."""

    SCHEMA = UserFields
    NOUN = "user"
    FIELDS = (
        FieldSpec("username"),
        FieldSpec("full_name"),
        FieldSpec("email", hint="name@example.org"),
        FieldSpec("department"),
        FieldSpec("employee_number"),
        FieldSpec("active", "check", "can receive new checkouts"),
    )

    def records(self):
        return self.repository.user_records
