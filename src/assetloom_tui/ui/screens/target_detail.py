"""What a user profile and an asset detail share: who it is, and a Licenses tab to check in from."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

from assetloom_tui.ui.screens.base import DeskScreen
from assetloom_tui.ui.screens.checkin import CheckinModal
from assetloom_tui.ui.widgets import cells
from assetloom_tui.ui.widgets.record_table import ColumnSpec, RecordTable
from assetloom_tui.views import AssignmentView

HELD_COLUMNS = (
    ColumnSpec("License", minimum=16, weight=2),
    ColumnSpec("Held", 4, justify="right"),
    ColumnSpec("Checkout", 10),
    ColumnSpec("Reas.", 5),
    ColumnSpec("Notes", minimum=8),
)


class TargetDetailScreen(DeskScreen):
    """A user or an asset: a summary line, and the licenses it holds seats of."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i", "checkin", "Checkin", id="checkin"),
        Binding("enter", "open_license", "Open license", priority=True, id="open_license"),
    ]
    KIND: ClassVar[str] = ""

    def __init__(self, target_id: int) -> None:
        super().__init__()
        self.target_id = target_id
        self.held: list[AssignmentView] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading…", id="target-summary", markup=False)
        with TabbedContent(id="tabs"), TabPane("Licenses", id="licenses"):
            yield RecordTable(HELD_COLUMNS, id="held-table")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.table.focus()
        super().on_mount()

    @property
    def table(self) -> RecordTable:
        """The Licenses tab's table."""
        return self.query_one("#held-table", RecordTable)

    def read(self) -> tuple[Text, list[AssignmentView]]:
        """The summary line and the seats held (runs in a worker thread)."""
        raise NotImplementedError

    def reload(self) -> None:
        read: Callable[[], tuple[Text, list[AssignmentView]]] = self.read
        self.load(read, self._show)

    def _show(self, result: tuple[Text, list[AssignmentView]]) -> None:
        summary, self.held = result
        self.query_one("#target-summary", Static).update(summary)
        self.table.show((str(item.id), self._cells(item)) for item in self.held)

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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_license":
            return self.app.screen is self
        return super().check_action(action, parameters)

    def action_checkin(self) -> None:
        """Check in seats of the highlighted license."""
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


def summary_line(title: str, *parts: tuple[str, object]) -> Text:
    """`title` in bold, then `Label: value` pairs, all literal."""
    line = Text(title, style="bold")
    line.append("   ")
    return line + cells.label_line(*parts)
