"""A row-cursor table of repository records that fits its columns to the terminal width."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.widgets import DataTable

CELL_PADDING = 2
SCROLLBAR = 1  # app.tcss sets scrollbar-size-vertical: 1


@dataclass(frozen=True)
class ColumnSpec:
    """One column: a fixed width, or 0 to take `weight` shares of the width that is left."""

    label: str
    width: int = 0
    minimum: int = 8
    justify: str = "left"
    weight: int = 1


Row = tuple[str, Sequence[Text]]


class RecordTable(DataTable):
    """Rows keyed by record id; keeps the highlighted record across reloads and resizes."""

    def __init__(self, columns: Sequence[ColumnSpec], *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._specs = tuple(columns)
        self._rows: list[Row] = []
        self._widths: tuple[int, ...] = ()

    def show(self, rows: Iterable[Row]) -> None:
        """Replace the rows, keeping the cursor on the same record if it is still there."""
        self._rows = list(rows)
        self._rebuild()

    def highlighted_key(self) -> str | None:
        """The key of the highlighted record, or None when the table is empty."""
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def keys(self) -> list[str]:
        """Keys of every row, top to bottom."""
        return [key for key, _cells in self._rows]

    def row_text(self, key: str) -> list[str]:
        """The plain text of one row's cells (what the operator reads)."""
        cells = dict(self._rows)[key]
        return [cell.plain for cell in cells]

    def on_resize(self, event: events.Resize) -> None:
        if self._column_widths() != self._widths:
            self._rebuild()

    def _column_widths(self) -> tuple[int, ...]:
        fixed = sum(spec.width for spec in self._specs)
        shares = sum(spec.weight for spec in self._specs if not spec.width) or 1
        spare = self.size.width - fixed - CELL_PADDING * len(self._specs) - SCROLLBAR
        return tuple(
            spec.width or max(spec.minimum, spare * spec.weight // shares) for spec in self._specs
        )

    def _rebuild(self) -> None:
        keep, row = self.highlighted_key(), self.cursor_row
        self._widths = self._column_widths()
        self.clear(columns=True)
        for spec, width in zip(self._specs, self._widths, strict=True):
            self.add_column(Text(spec.label, justify=spec.justify), width=width)
        for key, cells in self._rows:
            self.add_row(*cells, key=key)
        if not self._rows:
            return
        keys = self.keys()
        self.move_cursor(row=keys.index(keep) if keep in keys else min(row, len(keys) - 1))
