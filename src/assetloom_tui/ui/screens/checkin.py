"""Checkin: take some or all seats back from one assignment."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Static

from assetloom_tui.schemas import CheckinRequest
from assetloom_tui.ui.screens.form import FormModal, seats
from assetloom_tui.ui.widgets.form_field import FormField
from assetloom_tui.views import AssignmentView

NOT_REASSIGNABLE = "This license is not reassignable: its seats cannot be checked in."


class CheckinModal(FormModal):
    """What was checked out (read-only), then Checkin Quantity, Checkin Date, Checkin Notes."""

    TITLE_TEXT = "Checkin license seats"

    def __init__(self, assignment: AssignmentView) -> None:
        super().__init__()
        self.assignment = assignment

    def compose_summary(self) -> ComposeResult:
        assignment = self.assignment
        rows = [
            ("License", assignment.license_name),
            ("Assigned To", assignment.target_label),
            ("Checkout Date", assignment.checkout_date.isoformat()),
            ("Quantity", f"{seats(assignment.held)} held (of {assignment.quantity} checked out)"),
        ]
        for label, value in rows:
            yield Static(Text.assemble((f"{label}: ", "bold"), value), classes="summary")
        if not assignment.reassignable:
            yield Static(Text(NOT_REASSIGNABLE), classes="summary warning")

    def compose_fields(self) -> ComposeResult:
        held = str(self.assignment.held)
        yield FormField("Checkin Quantity", Input(held, id="quantity", compact=True), "quantity")
        today = self.repository.seats.today().isoformat()
        date = Input(today, id="checkin_date", placeholder="YYYY-MM-DD", compact=True)
        yield FormField("Checkin Date", date, "checkin_date")
        notes = Input(id="notes", placeholder="Optional", compact=True)
        yield FormField("Checkin Notes", notes, "notes")

    def on_mount(self) -> None:
        self.query_one("#quantity", Input).focus()

    def build_request(self) -> CheckinRequest:
        return CheckinRequest(
            assignment_id=self.assignment.id,
            quantity=self.value("quantity"),
            checkin_date=self.value("checkin_date"),
            notes=self.value("notes"),
        )

    def perform(self, request: CheckinRequest) -> str:
        self.repository.seats.checkin(request, self.desk.operator)
        return (
            f"Checked in {seats(request.quantity)} of {self.assignment.license_name!r} "
            f"from {self.assignment.target}."
        )
