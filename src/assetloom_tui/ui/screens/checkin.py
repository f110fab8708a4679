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
        ]
        for label, value in rows:
            yield Static(Text.assemble((f"{label}: ", "bold"), value), classes="summary")
        yield Static(self._held_line(), id="checkin-held", classes="summary")

    def _held_line(self) -> Text:
        assignment = self.assignment
        held = f"{seats(assignment.held)} held (of {assignment.quantity} checked out)"
        return Text.assemble(("Quantity: ", "bold"), held)

    def compose_fields(self) -> ComposeResult:
        held = str(self.assignment.held)
        yield FormField("Checkin Quantity", Input(held, id="quantity", compact=True), "quantity")
        today = self.repository.seats.default_checkin_date(self.assignment).isoformat()
        date = Input(today, id="checkin_date", placeholder="YYYY-MM-DD", compact=True)
        yield FormField("Checkin Date", date, "checkin_date")
        notes = Input(id="notes", placeholder="Optional", compact=True)
        yield FormField("Checkin Notes", notes, "notes")

    def on_mount(self) -> None:
        self.query_one("#quantity", Input).focus()
        if not self.assignment.reassignable:
            # Said once, where the refusal will appear if the operator submits anyway.
            self.show_errors({"form": NOT_REASSIGNABLE})

    def reload(self) -> None:
        seat_rules, assignment_id = self.repository.seats, self.assignment.id
        self.read_again(lambda: seat_rules.assignment(assignment_id), self._show_assignment)

    def _show_assignment(self, assignment: AssignmentView) -> None:
        """Another session changed this assignment: show what it holds now, keep what was typed."""
        if assignment.held == self.assignment.held:
            return
        self.assignment = assignment
        self.query_one("#checkin-held", Static).update(self._held_line())
        self.show_notice(f"Assignment changed: now {seats(assignment.held)} held.")

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
