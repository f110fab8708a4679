"""Add a license, or edit every field of one; total seats are never cut below the seats held."""

from __future__ import annotations

from dataclasses import asdict

from assetloom_tui.record_schemas import LicenseFields
from assetloom_tui.ui.screens.form import seats
from assetloom_tui.ui.screens.record_form import FieldSpec, RecordFormModal
from assetloom_tui.views import LicenseDetail


class LicenseFormModal(RecordFormModal):
    """Every field of a license; the list of fields scrolls at 80x24."""

    SCHEMA = LicenseFields
    NOUN = "license"
    FIELDS = (
        FieldSpec("name"),
        FieldSpec("product_key", hint="Optional"),
        FieldSpec("manufacturer"),
        FieldSpec("category"),
        FieldSpec("seats", hint="A whole number, 0 or more"),
        FieldSpec("reassignable", "check", "seats can be checked in and reused"),
        FieldSpec("expiration_date", hint="YYYY-MM-DD or m/d/yyyy; blank if it never expires"),
        FieldSpec("purchase_date", hint="YYYY-MM-DD or m/d/yyyy"),
        FieldSpec("purchase_cost", hint="e.g. 1234.50"),
        FieldSpec("order_number"),
        FieldSpec("licensed_to_name"),
        FieldSpec("licensed_to_email", hint="name@example.org"),
        FieldSpec("supplier"),
        FieldSpec("notes", "notes"),
        FieldSpec("min_available", hint="Alert at or below this many available; blank for none"),
    )

    @classmethod
    def editing(cls, license_: LicenseDetail) -> LicenseFormModal:
        """A form filled in with the license as stored."""
        return cls(license_.id, asdict(license_))

    def records(self):
        return self.repository.license_records

    def describe(self, request: LicenseFields) -> str:
        return repr(request.name)

    def added(self, request: LicenseFields) -> str:
        return f"Added license {request.name!r} with {seats(request.seats)}."
