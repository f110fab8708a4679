"""The shape every list screen shares: a `/` filter, a table, Enter to open a row."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Input, Static

from assetloom_tui.text import plural
from assetloom_tui.ui.screens.base import DeskScreen
from assetloom_tui.ui.widgets.filter_input import FilterInput
from assetloom_tui.ui.widgets.record_table import ColumnSpec, RecordTable


class ListScreen(DeskScreen):
    """A filterable list of records; subclasses say what to fetch and what Enter opens."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter", key_display="/", id="filter"),
        Binding("enter", "open", "Open", key_display="Enter", priority=True, id="open"),
    ]
    COLUMNS: ClassVar[Sequence[ColumnSpec]] = ()
    FILTER_PLACEHOLDER: ClassVar[str] = "Filter"
    NOUN: ClassVar[str] = "records"
    LIMIT: ClassVar[int | None] = None

    def __init__(self) -> None:
        super().__init__()
        self.records: dict[str, object] = {}
        # What the table shows, as comparable text with its styles (Text equality ignores them).
        self.drawn: list[tuple[str, list[str]]] = []
        # The filter text the rows on screen were fetched for, and an Enter waiting for rows
        # of the newest filter (a pasted filter and Enter can arrive before its rows do).
        self.shown_for: str | None = None
        self.open_when_shown = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield FilterInput(f"/ {self.FILTER_PLACEHOLDER}")
        yield RecordTable(self.COLUMNS, id="records")
        yield Static("", id="list-status", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.table.focus()
        super().on_mount()

    @property
    def table(self) -> RecordTable:
        """The list itself."""
        return self.query_one("#records", RecordTable)

    @property
    def filter_text(self) -> str:
        """What is typed in the filter now."""
        return self.query_one(FilterInput).value

    def reload(self) -> None:
        search = self.filter_text
        self.load(lambda: self.fetch(search), partial(self._show_for, search), group="list")

    def _show_for(self, search: str, records: list) -> None:
        self._show_records(records)
        self.shown_for = search
        if self.open_when_shown and search == self.filter_text:
            self.open_when_shown = False
            self.action_open()

    def fetch(self, search: str) -> list:
        """Records matching `search` (runs in a worker thread)."""
        raise NotImplementedError

    def cells(self, record) -> Sequence[Text]:
        """The table cells of one record."""
        raise NotImplementedError

    def highlighted(self):
        """The highlighted record, or None when the list is empty."""
        key = self.table.highlighted_key()
        return None if key is None else self.records[key]

    def _show_records(self, records: list) -> None:
        self.records = {str(record.id): record for record in records}
        rows = [(key, self.cells(record)) for key, record in self.records.items()]
        # A live reload that changed nothing here leaves the table (and its scrolling) alone.
        drawn = [(key, [cell.markup for cell in cells]) for key, cells in rows]
        if drawn != self.drawn:
            self.drawn = drawn
            self.table.show(rows)
        self.query_one("#list-status", Static).update(self.status(records))

    def status(self, records: list) -> Text:
        """The line under the list: how many records are shown."""
        shown = len(records)
        count = plural(shown, self.NOUN.removesuffix("s"))
        if self.LIMIT is not None and shown >= self.LIMIT:
            count = f"The first {shown} {self.NOUN}: press / and type to narrow."
        elif self.filter_text:
            count += " matches the filter" if shown == 1 else " match the filter"
        return Text(count)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.reload()

    def action_filter(self) -> None:
        """Type to filter the list."""
        self.query_one(FilterInput).focus()

    def action_open(self) -> None:
        """Open the highlighted record."""
        if self.shown_for != self.filter_text:
            self.open_when_shown = True
            return
        record = self.highlighted()
        if record is None:
            self.notify(f"No {self.NOUN} to open.", severity="warning")
            return
        self.open_record(record)

    def open_record(self, record) -> None:
        """Show one record's screen."""
        raise NotImplementedError
