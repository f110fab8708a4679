"""Every license that needs attention (expired, expiring soon, low on seats) and why."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from assetloom_tui.ui.screens.base import DeskScreen
from assetloom_tui.ui.widgets import cells
from assetloom_tui.ui.widgets.record_table import ColumnSpec, RecordTable
from assetloom_tui.views import LicenseAlert

COLUMNS = (
    ColumnSpec("!", 2),
    ColumnSpec("License", minimum=14, weight=2),
    ColumnSpec("Why", minimum=20, weight=3),
    ColumnSpec("Avail", 5, justify="right"),
)


class AlertsScreen(DeskScreen):
    """Licenses expired, expiring within the app's window, or at or below their minimum."""

    TITLE = "Alerts"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open license", key_display="Enter", priority=True, id="open"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.alerts: dict[str, LicenseAlert] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="alerts-intro", markup=False)
        yield RecordTable(COLUMNS, id="alerts-table")
        yield Static("", id="alert-line", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(RecordTable).focus()
        super().on_mount()

    def reload(self) -> None:
        licenses, window = self.repository.licenses, self.desk.expiry_window_days
        self.load(lambda: licenses.alerts(window), self._show)

    def _show(self, alerts: list[LicenseAlert]) -> None:
        self.alerts = {str(alert.license.id): alert for alert in alerts}
        self.query_one(RecordTable).show(
            (key, self._cells(alert)) for key, alert in self.alerts.items()
        )
        window = self.desk.expiry_window_days
        if alerts:
            count = "1 license needs" if len(alerts) == 1 else f"{len(alerts)} licenses need"
            intro = (
                f"{count} attention: expired (E), expiring within {window} days (S), "
                "or at or below the minimum available (L). Enter opens one."
            )
        else:
            intro = f"Nothing needs attention: none expired, expiring within {window} days, or low."
        self.query_one("#alerts-intro", Static).update(Text(intro))
        self._show_line()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_line()

    def _show_line(self) -> None:
        """The highlighted alert in full, under the table (its reason may be cut off above)."""
        alert = self.alerts.get(self.query_one(RecordTable).highlighted_key() or "")
        line = Text.assemble((alert.license.name, "bold"), ": ", alert.message) if alert else ""
        self.query_one("#alert-line", Static).update(line)

    @staticmethod
    def _cells(alert: LicenseAlert) -> list[Text]:
        license_ = alert.license
        return [
            cells.alert_flags(alert.reasons),
            cells.literal(license_.name),
            cells.literal(alert.message),
            cells.available(license_.available),
        ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return self.app.screen is self
        return super().check_action(action, parameters)

    def action_open(self) -> None:
        """Open the highlighted license."""
        key = self.query_one(RecordTable).highlighted_key()
        if key is None:
            self.notify("No license needs attention.", severity="warning")
            return
        self.desk.open_license(self.alerts[key].license.id)
