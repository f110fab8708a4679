"""One license: Details, Assignments (check in one or all), History; `c` checks out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane, Tabs

from assetloom_tui.repository.activity import ActivityFilter
from assetloom_tui.ui.screens.base import QUIET_SECTION_KEYS, DeskScreen
from assetloom_tui.ui.screens.checkin import NOT_REASSIGNABLE, CheckinModal
from assetloom_tui.ui.screens.checkin_all import CheckinAllDialog
from assetloom_tui.ui.screens.checkout import CheckoutModal
from assetloom_tui.ui.screens.license_actions import delete_license, edit_license
from assetloom_tui.ui.widgets import cells
from assetloom_tui.ui.widgets.history import HistoryView, history_rows
from assetloom_tui.ui.widgets.record_table import ColumnSpec, RecordTable
from assetloom_tui.ui.widgets.usage_chart import UsageChart
from assetloom_tui.views import ActivityEntry, AssignmentView, LicenseDetail

ASSIGNMENT_COLUMNS = (
    ColumnSpec("Target", minimum=16, weight=2),
    ColumnSpec("Type", 5),
    ColumnSpec("Checkout", 10),
    ColumnSpec("Held", 4, justify="right"),
    ColumnSpec("Notes", minimum=8),
)


@dataclass(frozen=True)
class LicensePage:
    """Everything the license screen shows, read in one worker."""

    license: LicenseDetail
    assignments: list[AssignmentView]
    history: list[tuple[str, ActivityEntry]]
    held_over_time: list[tuple[dt.date, int]]


def detail_rows(
    license_: LicenseDetail, today: dt.date, within_days: int = 0
) -> list[tuple[str, list[Text]]]:
    """Every field of a license as (label, value) rows."""
    cost = "" if license_.purchase_cost is None else f"{license_.purchase_cost:,.2f}"
    fields = [
        ("Name", license_.name),
        ("Product key", license_.product_key),
        ("Manufacturer", license_.manufacturer),
        ("Category", license_.category),
        ("Total seats", license_.seats),
        ("Available seats", license_.available),
        ("Reassignable", "yes" if license_.reassignable else "no"),
        ("Expires", cells.expires(license_.expiration_date, today, within_days)),
        ("Purchase date", license_.purchase_date or ""),
        ("Purchase cost", cost),
        ("Order number", license_.order_number),
        ("Licensed to", license_.licensed_to_name),
        ("Licensed to email", license_.licensed_to_email),
        ("Supplier", license_.supplier),
        ("Notes", license_.notes.replace("\n", " ")),
        ("Minimum available", "" if license_.min_available is None else license_.min_available),
    ]
    return [
        (
            label,
            [Text(label, style="bold"), value if isinstance(value, Text) else cells.literal(value)],
        )
        for label, value in fields
    ]


class LicenseDetailScreen(DeskScreen):
    """A license and its seats, in three tabs."""

    TITLE = "License"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "checkout", "Checkout", id="checkout"),
        Binding("i", "checkin", "Checkin", id="checkin"),
        Binding("a", "checkin_all", "Checkin All", id="checkin_all"),
        Binding("e", "edit", "Edit", id="edit"),
        Binding("d", "delete", "Delete", show=False, id="delete"),
        Binding("1", "tab('details')", "Details", show=False),
        Binding("2", "tab('assignments')", "Assignments", show=False),
        Binding("3", "tab('history')", "History", show=False),
        Binding("4", "tab('usage')", "Usage", show=False),
        Binding("enter", "open_target", "Open target", show=False, priority=True, id="open_target"),
        *QUIET_SECTION_KEYS,
    ]

    def __init__(self, license_id: int) -> None:
        super().__init__()
        self.license_id = license_id
        self.page: LicensePage | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading…", id="license-summary", markup=False)
        with TabbedContent(id="tabs"):
            with TabPane("1 Details", id="details"):
                yield RecordTable((ColumnSpec("Field", 18), ColumnSpec("Value")), id="fields")
            with TabPane("2 Assignments", id="assignments"):
                yield Static("", id="assignment-note", markup=False)
                yield RecordTable(ASSIGNMENT_COLUMNS, id="assignment-table")
            with TabPane("3 History", id="history"):
                yield HistoryView("Target")
            with TabPane("4 Usage", id="usage"):
                yield UsageChart()
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#fields", RecordTable).focus()
        super().on_mount()

    def reload(self) -> None:
        licenses, activity = self.repository.licenses, self.repository.activity
        license_id = self.license_id

        def read() -> LicensePage:
            return LicensePage(
                licenses.get(license_id),
                licenses.assignments(license_id),
                activity.keyed_entries(ActivityFilter(license_id=license_id)),
                licenses.held_over_time(license_id),
            )

        self.load(read, self._show)

    def _show(self, page: LicensePage) -> None:
        self.page = page
        license_ = page.license
        summary = Text.assemble(
            (license_.name, "bold"),
            f"   Total {license_.seats}   Held {license_.held}   Available ",
            cells.available(license_.available),
            f"   Reassignable {'yes' if license_.reassignable else 'no'}",
        )
        self.query_one("#license-summary", Static).update(summary)
        today = self.repository.seats.today()
        window = self.desk.expiry_window_days
        self.query_one("#fields", RecordTable).show(detail_rows(license_, today, window))
        self.query_one("#assignment-table", RecordTable).show(
            (str(item.id), self._assignment_cells(item)) for item in page.assignments
        )
        note = self.query_one("#assignment-note", Static)
        note.update(Text("" if license_.reassignable else NOT_REASSIGNABLE))
        note.display = not license_.reassignable
        self.query_one(HistoryView).show(history_rows(page.history, "target"))
        self.query_one(UsageChart).show(page.held_over_time, today, license_.seats)

    @staticmethod
    def _assignment_cells(item: AssignmentView) -> list[Text]:
        return [
            cells.literal(item.target_label),
            Text(item.target_type),
            cells.day(item.checkout_date),
            cells.number(item.held),
            cells.literal(item.notes.replace("\n", " ")),
        ]

    @property
    def active_tab(self) -> str:
        """The id of the tab shown now."""
        return self.query_one(TabbedContent).active

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_target":
            return self.active_tab == "assignments" and self.app.screen is self
        return super().check_action(action, parameters)

    def action_tab(self, tab: str) -> None:
        """Show one tab and focus its table."""
        self.query_one(TabbedContent).active = tab
        tables = self.query(f"#{tab} RecordTable")
        if tables:
            tables.first().focus()
        else:
            self.query_one(TabbedContent).query_one(Tabs).focus()

    def highlighted_assignment(self) -> AssignmentView | None:
        """The assignment under the cursor on the Assignments tab."""
        key = self.query_one("#assignment-table", RecordTable).highlighted_key()
        if self.page is None or key is None:
            return None
        return next(item for item in self.page.assignments if str(item.id) == key)

    def action_checkout(self) -> None:
        """Check out seats of this license."""
        if self.page is not None:
            license_ = self.page.license
            modal = CheckoutModal(license_.id, license_.name, license_.available)
            self.app.push_screen(modal, self.desk.seats_changed_if_done)

    def action_checkin(self) -> None:
        """Check in seats of the highlighted assignment."""
        if self.active_tab != "assignments":
            self.action_tab("assignments")
            self.notify("Highlight an assignment, then press i.")
            return
        assignment = self.highlighted_assignment()
        if assignment is None:
            self.notify("No seats of this license are checked out.", severity="warning")
            return
        self.app.push_screen(CheckinModal(assignment), self.desk.seats_changed_if_done)

    def action_checkin_all(self) -> None:
        """Check in every held seat of this license, after a confirmation."""
        if self.page is None:
            return
        if not self.page.assignments:
            self.notify("No seats of this license are checked out.", severity="warning")
            return
        dialog = CheckinAllDialog(self.page.license, len(self.page.assignments))
        self.app.push_screen(dialog, self.desk.seats_changed_if_done)

    def action_open_target(self) -> None:
        """Open the user or asset holding the highlighted assignment."""
        assignment = self.highlighted_assignment()
        if assignment is not None:
            self.desk.open_target(assignment.target_type, assignment.target_id)

    def action_edit(self) -> None:
        """Edit every field of this license."""
        edit_license(self, self.license_id)

    def action_delete(self) -> None:
        """Delete this license, after a confirmation; refused while seats are checked out."""
        if self.page is not None:
            delete_license(self, self.license_id, self.page.license.name, leave=True)
