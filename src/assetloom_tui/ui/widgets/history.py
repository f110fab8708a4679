"""The history table of the activity log, newest first, with the highlighted entry in full below."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from assetloom_tui.ui.widgets import cells
from assetloom_tui.ui.widgets.record_table import ColumnSpec, RecordTable
from assetloom_tui.views import ActivityEntry

ACTION_STYLES = {"checkin": "green", "checkout": "yellow", "deleted": "red", "deactivated": "red"}


def history_columns(who: str) -> tuple[ColumnSpec, ...]:
    """When, Action, Qty, `who` (Target or License), Notes, Operator."""
    return (
        ColumnSpec("When", 16),
        ColumnSpec("Action", 11),
        ColumnSpec("Qty", 4, justify="right"),
        ColumnSpec(who, minimum=10),
        ColumnSpec("Notes", minimum=10, weight=2),
        ColumnSpec("Operator", 10),
    )


def local_time(moment: dt.datetime) -> str:
    """A stored UTC time as the operator's local `YYYY-MM-DD HH:MM`."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def action_text(action: str) -> Text:
    """The action, coloured by what it did to seats or records."""
    return Text(action, style=ACTION_STYLES.get(action, ""))


def one_line(text: str) -> str:
    """Notes on one table line: line breaks become spaces."""
    return text.replace("\r\n", " ").replace("\n", " ")


@dataclass(frozen=True)
class HistoryRow:
    """One row of the table, and the whole entry as one line of text."""

    key: str
    entry: ActivityEntry
    cells: list[Text]
    full: Text


def describe(entry: ActivityEntry) -> Text:
    """The whole entry in words: when, what, how many, of what, to whom, by whom, why."""
    line = Text(f"{local_time(entry.recorded_at)} ")
    line.append_text(action_text(entry.action))
    if entry.quantity is not None:
        line.append(f" {entry.quantity} of {entry.license} ")
        line.append(f"{'to' if entry.action == 'checkout' else 'from'} {entry.target}")
        if entry.event_date is not None:
            line.append(f", dated {entry.event_date.isoformat()}")
    else:
        subject = entry.license if entry.record_type == "license" else entry.target
        line.append(f" {entry.record_type} {subject}".rstrip())
    line.append(f" by {entry.operator}")
    if entry.notes:
        line.append(f": {one_line(entry.notes)}")
    return line


def history_rows(keyed: Iterable[tuple[str, ActivityEntry]], who: str) -> list[HistoryRow]:
    """Rows of a History tab; `who` is "target" on a license, "license" on a user or asset."""
    rows = []
    for key, entry in keyed:
        row = [
            cells.literal(local_time(entry.recorded_at)),
            action_text(entry.action),
            Text("") if entry.quantity is None else cells.number(entry.quantity),
            cells.literal(getattr(entry, who)),
            cells.literal(one_line(entry.notes)),
            cells.literal(entry.operator),
        ]
        rows.append(HistoryRow(key, entry, row, describe(entry)))
    return rows


class HistoryView(Vertical):
    """The table, and under it the highlighted row in full (long notes and summaries wrap)."""

    def __init__(self, who: str, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="history-view")
        self._who = who
        self.rows: dict[str, HistoryRow] = {}

    def compose(self) -> ComposeResult:
        yield RecordTable(history_columns(self._who), id="history-table")
        yield Static("", id="history-line", markup=False)

    def show(self, rows: list[HistoryRow]) -> None:
        """Show the rows in the order given (the log reads newest first)."""
        self.rows = {row.key: row for row in rows}
        table = self.query_one(RecordTable)
        table.show((row.key, row.cells) for row in rows)
        self._show_line(table.highlighted_key())

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # Rebuilding the table posts a highlight per step; the cursor's row now is what counts.
        self._show_line(self.query_one(RecordTable).highlighted_key())

    def _show_line(self, key: str | None) -> None:
        row = self.rows.get(key or "")
        self.query_one("#history-line", Static).update(row.full if row else Text("No history yet."))
