"""What a user profile and an asset detail share: who it is, the seats it holds, its history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

from assetloom_tui.ui.screens.base import QUIET_SECTION_KEYS, DeskScreen
from assetloom_tui.ui.screens.checkin import CheckinModal
from assetloom_tui.ui.screens.target_actions import delete_target, edit_target, toggle_active
from assetloom_tui.ui.widgets import cells
from assetloom_tui.ui.widgets.history import HistoryView, history_rows
from assetloom_tui.ui.widgets.record_table import ColumnSpec, RecordTable
from assetloom_tui.views import ActivityEntry, AssignmentView

HELD_COLUMNS = (
    ColumnSpec("License", minimum=16, weight=2),
    ColumnSpec("Held", 4, justify="right"),
    ColumnSpec("Checkout", 10),
    ColumnSpec("Reas.", 5),
    ColumnSpec("Notes", minimum=8),
)


@dataclass(frozen=True)
class TargetPage:
    """Everything a user or asset screen shows, read in one worker."""

    label: str
    active: bool
    summary: Text
    held: list[AssignmentView]
    history: list[tuple[str, ActivityEntry]]


class TargetDetailScreen(DeskScreen):
    """A user or an asset: a summary line, the licenses it holds seats of, and its history."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i", "checkin", "Checkin", id="checkin"),
        Binding("enter", "open_license", "Open license", priority=True, id="open_license"),
        Binding("e", "edit", "Edit", id="edit"),
        Binding("x", "toggle_active", "Deactivate/Reactivate", id="toggle_active"),
        Binding("d", "delete", "Delete", show=False, id="delete"),
        Binding("1", "tab('licenses')", "Licenses tab", show=False),
        Binding("2", "tab('history')", "History tab", show=False),
        *QUIET_SECTION_KEYS,
    ]
    KIND: ClassVar[str] = ""

    def __init__(self, target_id: int) -> None:
        super().__init__()
        self.target_id = target_id
        self.page: TargetPage | None = None

    @property
    def held(self) -> list[AssignmentView]:
        """The assignments shown on the Licenses tab."""
        return self.page.held if self.page else []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading…", id="target-summary", markup=False)
        with TabbedContent(id="tabs"):
            with TabPane("1 Licenses", id="licenses"):
                yield RecordTable(HELD_COLUMNS, id="held-table")
            with TabPane("2 History", id="history"):
                yield HistoryView("License")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.table.focus()
        super().on_mount()

    @property
    def table(self) -> RecordTable:
        """The Licenses tab's table."""
        return self.query_one("#held-table", RecordTable)

    def read(self) -> TargetPage:
        """Everything this screen shows (runs in a worker thread)."""
        raise NotImplementedError

    def reload(self) -> None:
        self.load(self.read, self._show)

    def _show(self, page: TargetPage) -> None:
        self.page = page
        self.query_one("#target-summary", Static).update(page.summary)
        self.table.show((str(item.id), self._cells(item)) for item in page.held)
        self.query_one(HistoryView).show(history_rows(page.history, "license"))

    @staticmethod
    def _cells(item: AssignmentView) -> list[Text]:
        return [
            cells.literal(item.license_name),
            cells.number(item.held),
            cells.day(item.checkout_date),
            cells.yes_no(item.reassignable),
            cells.literal(item.notes.replace("\n", " ")),
        ]

    def highlighted_assignment(self) -> AssignmentView | None:
        """The assignment under the cursor."""
        key = self.table.highlighted_key()
        return next((item for item in self.held if str(item.id) == key), None)

    @property
    def active_tab(self) -> str:
        """The id of the tab shown now."""
        return self.query_one(TabbedContent).active

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_license":
            return self.app.screen is self and self.active_tab == "licenses"
        return super().check_action(action, parameters)

    def action_tab(self, tab: str) -> None:
        """Show one tab and focus its table."""
        self.query_one(TabbedContent).active = tab
        self.query_one(f"#{tab} RecordTable", RecordTable).focus()

    def action_checkin(self) -> None:
        """Check in seats of the highlighted license."""
        if self.active_tab != "licenses":
            self.action_tab("licenses")
        assignment = self.highlighted_assignment()
        if assignment is None:
            self.notify(f"This {self.KIND} holds no license seats.", severity="warning")
            return
        self.app.push_screen(CheckinModal(assignment), self.desk.seats_changed_if_done)

    def action_open_license(self) -> None:
        """Open the highlighted license."""
        assignment = self.highlighted_assignment()
        if assignment is not None:
            self.desk.open_license(assignment.license_id)

    def action_edit(self) -> None:
        """Edit this user or asset."""
        edit_target(self, self.KIND, self.target_id)

    def action_toggle_active(self) -> None:
        """Deactivate (held seats stay, no new checkouts) or reactivate."""
        if self.page is not None:
            toggle_active(self, self.KIND, self.target_id, self.page.active, self.page.label)

    def action_delete(self) -> None:
        """Delete, after a confirmation; refused while it holds seats."""
        if self.page is not None:
            delete_target(self, self.KIND, self.target_id, self.page.label, leave=True)


def summary_line(title: str, *parts: tuple[str, object]) -> Text:
    """`title` in bold, then `Label: value` pairs, all literal."""
    line = Text(title, style="bold")
    line.append("   ")
    return line + cells.label_line(*parts)
