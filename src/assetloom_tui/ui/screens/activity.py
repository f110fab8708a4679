"""Every entry of the activity log, newest first, narrowed by a bar of filters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Input, Static

from assetloom_tui.repository.activity import ACTIONS, ActivityFilter, local_days, parse_day
from assetloom_tui.ui.screens.base import DeskScreen
from assetloom_tui.ui.widgets import cells
from assetloom_tui.ui.widgets.history import HistoryRow, action_text, describe, local_time, one_line
from assetloom_tui.ui.widgets.record_table import ColumnSpec, RecordTable
from assetloom_tui.views import ActivityEntry

COLUMNS = (
    ColumnSpec("When", 16),
    ColumnSpec("Operator", 8),
    ColumnSpec("Action", 8),
    ColumnSpec("License", minimum=10, weight=2),
    ColumnSpec("Target", minimum=8),
    ColumnSpec("Qty", 3, justify="right"),
    ColumnSpec("Notes", minimum=6),
)
# (input id, placeholder, what it filters): the bar above the table, left to right.
FILTERS = (
    ("license", "License ID", "only the license with this id"),
    ("user", "User", "only this username"),
    ("asset", "Asset tag", "only this asset tag"),
    ("operator", "Operator", "only what this operator did"),
    ("action", "Action", "one of: " + ", ".join(ACTIONS)),
    ("since", "Since", "from this day on (YYYY-MM-DD, local)"),
    ("until", "Until", "up to and including this day (YYYY-MM-DD, local)"),
)
# Enough to scroll through a busy week; more is narrowed with the filters, or read with
# `assetloom history`.
LIMIT = 500


@dataclass(frozen=True)
class ActivityPage:
    """One read of the log: the entries (one more than shown, to tell when it was capped)."""

    entries: list[tuple[str, ActivityEntry]]
    unknown: list[str] = field(default_factory=list)


class FilterField(Input):
    """One filter of the bar; Enter applies the filters, Escape goes back to the table."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Leave filters", id="leave_filters")
    ]

    def action_leave(self) -> None:
        """Give the focus to the table."""
        self.screen.query_one(RecordTable).focus()


def entry_cells(entry: ActivityEntry) -> list[Text]:
    """The table cells of one entry, all literal."""
    return [
        cells.literal(local_time(entry.recorded_at)),
        cells.literal(entry.operator),
        action_text(entry.action),
        cells.literal(entry.license),
        cells.literal(entry.target),
        Text("") if entry.quantity is None else cells.number(entry.quantity),
        cells.literal(one_line(entry.notes)),
    ]


class ActivityScreen(DeskScreen):
    """The whole activity log: who checked out, checked in, added, edited or deleted what."""

    TITLE = "Activity"
    CSS_PATH = "../activity.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter", key_display="/", id="filter"),
        Binding("enter", "open", "Open license", key_display="Enter", priority=True, id="open"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, HistoryRow] = {}
        # The filters last applied: live reloads use them, not what is half typed in the bar.
        self.applied = ActivityFilter(limit=LIMIT + 1)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="activity-filters"):
            for name, placeholder, tooltip in FILTERS:
                field_ = FilterField(placeholder=placeholder, id=f"filter-{name}", compact=True)
                field_.tooltip = tooltip
                yield field_
        yield RecordTable(COLUMNS, id="activity-table")
        yield Static("", id="activity-line", markup=False)
        yield Static("", id="activity-status", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(RecordTable).focus()
        super().on_mount()

    def typed(self, name: str) -> str:
        """What is typed in one filter, without surrounding spaces."""
        return self.query_one(f"#filter-{name}", Input).value.strip()

    def wanted(self) -> ActivityFilter:
        """The filters as typed; a ValueError says which one cannot be used."""
        license_id = self.typed("license")
        if license_id and not (license_id.isascii() and license_id.isdigit()):
            raise ValueError(f"License ID must be a number, not {license_id!r}.")
        action = self.typed("action").lower()
        if action and action not in ACTIONS:
            raise ValueError(f"Action must be one of {', '.join(ACTIONS)}; not {action!r}.")
        days = {}
        for name in ("since", "until"):
            try:
                days[name] = parse_day(self.typed(name)) if self.typed(name) else None
            except ValueError:
                raise ValueError(f"{name.capitalize()} must be a date as YYYY-MM-DD.") from None
        if days["since"] and days["until"] and days["until"] < days["since"]:
            raise ValueError("Until is before Since.")
        return ActivityFilter(
            license_id=int(license_id) if license_id else None,
            username=self.typed("user"),
            asset_tag=self.typed("asset"),
            operator=self.typed("operator"),
            action=action,
            limit=LIMIT + 1,
            **local_days(days["since"], days["until"]),
        )

    def apply(self) -> None:
        """Read the log again with the filters as typed, or say which filter is wrong."""
        try:
            self.applied = self.wanted()
        except ValueError as error:
            self.query_one("#activity-status", Static).update(Text(str(error), style="bold red"))
            return
        self.reload()

    def reload(self) -> None:
        activity, wanted = self.repository.activity, self.applied

        def read() -> ActivityPage:
            entries = activity.keyed_entries(wanted)
            return ActivityPage(entries, [] if entries else activity.unknown_names(wanted))

        self.load(read, self._show, group="activity")

    def _show(self, page: ActivityPage) -> None:
        shown = page.entries[:LIMIT]
        self.rows = {key: HistoryRow(key, entry, [], describe(entry)) for key, entry in shown}
        table = self.query_one(RecordTable)
        table.show((key, entry_cells(entry)) for key, entry in shown)
        self.query_one("#activity-status", Static).update(self._status(page))
        self._show_line()

    def _status(self, page: ActivityPage) -> Text:
        filtered = self.applied != ActivityFilter(limit=LIMIT + 1)
        if len(page.entries) > LIMIT:
            return Text(f"The newest {LIMIT} entries: narrow them with the filters (press /).")
        if not page.entries:
            notes = "".join(f" Note: {note}." for note in page.unknown)
            return Text(
                ("No entry matches the filters." if filtered else "No history yet.") + notes
            )
        count = "1 entry" if len(page.entries) == 1 else f"{len(page.entries)} entries"
        return Text(count + (" match the filters." if filtered else ", newest first."))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.apply()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_line()

    def _show_line(self) -> None:
        """The highlighted entry in full, under the table (its notes may be cut off above)."""
        row = self.rows.get(self.query_one(RecordTable).highlighted_key() or "")
        self.query_one("#activity-line", Static).update(row.full if row else Text(""))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            # In a filter, Enter applies the filters instead.
            return self.app.screen is self and not isinstance(self.focused, Input)
        return super().check_action(action, parameters)

    def action_filter(self) -> None:
        """Type in the filters; Enter applies them."""
        self.query_one("#filter-license", Input).focus()

    def action_open(self) -> None:
        """Open the license of the highlighted entry."""
        row = self.rows.get(self.query_one(RecordTable).highlighted_key() or "")
        if row is None:
            self.notify("No entry to open.", severity="warning")
        elif row.entry.license_id is None:
            self.notify("This entry is not about a license.", severity="warning")
        else:
            self.desk.open_license(row.entry.license_id)
