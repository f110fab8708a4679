"""One history table for seat events and record changes, newest first, with the full line below."""

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
from assetloom_tui.views import ChangeEntry, HistoryEntry

ACTION_STYLES = {"checkin": "green", "checkout": "yellow", "deleted": "red", "deactivated": "red"}


def history_columns(who: str) -> tuple[ColumnSpec, ...]:
    """Date, Action, Qty, `who` (Target or License), Notes, Operator."""
    return (
        ColumnSpec("Date", 10),
        ColumnSpec("Action", 11),
        ColumnSpec("Qty", 4, justify="right"),
        ColumnSpec(who, minimum=10),
        ColumnSpec("Notes", minimum=10, weight=2),
        ColumnSpec("Operator", 10),
    )


@dataclass(frozen=True)
class HistoryRow:
    """One row of the table, and the whole of it as one line of text."""

    key: str
    recorded_at: dt.datetime
    cells: list[Text]
    full: Text


def seat_rows(entries: Iterable[HistoryEntry], who_is_license: bool = False) -> list[HistoryRow]:
    """Checkouts and checkins; `who` is the target, or the license on a user or asset screen."""
    rows = []
    for entry in entries:
        who = entry.license_name if who_is_license else entry.target
        notes = entry.notes.replace("\n", " ")
        row = [
            cells.day(entry.event_date),
            Text(entry.action, style=ACTION_STYLES.get(entry.action, "")),
            cells.number(entry.quantity),
            cells.literal(who),
            cells.literal(notes),
            cells.literal(entry.operator),
        ]
        full = Text(f"{entry.event_date.isoformat()} {entry.action} {entry.quantity} ")
        full.append(f"{'of' if who_is_license else 'to/from'} {who}")
        full.append(f" by {entry.operator}" + (f": {notes}" if notes else ""))
        rows.append(HistoryRow(f"seat-{entry.id}", entry.recorded_at, row, full))
    return rows


def change_rows(entries: Iterable[ChangeEntry]) -> list[HistoryRow]:
    """Added, edited, deactivated, reactivated, deleted: the summary goes under Notes."""
    rows = []
    for entry in entries:
        day = entry.recorded_at.astimezone().date()
        row = [
            cells.day(day),
            Text(entry.action, style=ACTION_STYLES.get(entry.action, "")),
            Text(""),
            Text(""),
            cells.literal(entry.summary),
            cells.literal(entry.operator),
        ]
        full = Text(f"{day.isoformat()} {entry.action} by {entry.operator}: {entry.summary}")
        rows.append(HistoryRow(f"change-{entry.id}", entry.recorded_at, row, full))
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

    def show(self, *groups: list[HistoryRow]) -> None:
        """Show every row of every group, newest first."""
        rows = sorted(
            (row for group in groups for row in group),
            key=lambda row: row.recorded_at,
            reverse=True,
        )
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
