"""Checkin All: after a confirmation, take back every held seat of one license."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Static

from assetloom_tui.schemas import CheckinAllRequest
from assetloom_tui.ui.screens.checkin import NOT_REASSIGNABLE
from assetloom_tui.ui.screens.form import FormModal, seats
from assetloom_tui.ui.widgets.form_field import FormField
from assetloom_tui.views import LicenseDetail


class CheckinAllDialog(FormModal):
    """Asks to confirm, with one Checkin Date and one note for every assignment."""

    TITLE_TEXT = "Checkin All"
    SUBMIT_LABEL = "Check in all"

    def __init__(self, license_: LicenseDetail, assignments: int) -> None:
        super().__init__()
        self.license = license_
        self.assignments = assignments

    def compose_summary(self) -> ComposeResult:
        yield Static(self._question(), id="checkin-all-question", classes="summary")

    def _question(self) -> Text:
        plural = "assignment" if self.assignments == 1 else "assignments"
        return Text.assemble(
            "Check in all ",
            (seats(self.license.held), "bold"),
            f" held by {self.assignments} {plural} of ",
            (self.license.name, "bold"),
            "? Each assignment gets its own checkin record.",
        )

    def compose_fields(self) -> ComposeResult:
        today = self.repository.seats.today().isoformat()
        date = Input(today, id="checkin_date", placeholder="YYYY-MM-DD", compact=True)
        yield FormField("Checkin Date", date, "checkin_date")
        notes = Input(id="notes", placeholder="Optional", compact=True)
        yield FormField("Checkin Notes", notes, "notes")

    def on_mount(self) -> None:
        self.query_one("#checkin_date", Input).focus()
        if not self.license.reassignable:
            # Said once, where the refusal will appear if the operator submits anyway.
            self.show_errors({"form": NOT_REASSIGNABLE})

    def reload(self) -> None:
        licenses, license_id = self.repository.licenses, self.license.id

        def read() -> tuple[LicenseDetail, int]:
            return licenses.get(license_id), len(licenses.assignments(license_id))

        self.read_again(read, self._show_seats)

    def _show_seats(self, now: tuple[LicenseDetail, int]) -> None:
        """Another session changed the held seats: ask about the new numbers."""
        license_, assignments = now
        if (license_.held, assignments) == (self.license.held, self.assignments):
            return
        self.license, self.assignments = license_, assignments
        self.query_one("#checkin-all-question", Static).update(self._question())
        self.show_notice(f"Seats changed: now {seats(license_.held)} held.")

    def build_request(self) -> CheckinAllRequest:
        return CheckinAllRequest(
            license_id=self.license.id,
            checkin_date=self.value("checkin_date"),
            notes=self.value("notes"),
        )

    def perform(self, request: CheckinAllRequest) -> str:
        result = self.repository.seats.checkin_all(request, self.desk.operator)
        plural = "assignment" if result.assignments == 1 else "assignments"
        return (
            f"Checked in all {seats(result.seats)} of {self.license.name!r} "
            f"from {result.assignments} {plural}."
        )
