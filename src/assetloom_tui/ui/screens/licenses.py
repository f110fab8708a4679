"""The first screen: every license with its seats and alerts; `/` filters, Enter opens."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from assetloom_tui.ui.screens.checkout import CheckoutModal
from assetloom_tui.ui.screens.license_actions import delete_license, edit_license, new_license
from assetloom_tui.ui.screens.license_detail import LicenseDetailScreen
from assetloom_tui.ui.screens.listing import ListScreen
from assetloom_tui.ui.widgets import cells
from assetloom_tui.ui.widgets.record_table import ColumnSpec
from assetloom_tui.views import LicenseSummary

USED_COLUMN = 6
FLAGS_COLUMN = 7


class LicenseListScreen(ListScreen):
    """Licenses by name: product key, manufacturer, seats, expiry, how much is used, alerts."""

    TITLE = "Licenses"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "checkout", "Checkout", id="checkout"),
        Binding("n", "new", "New", id="new"),
        Binding("e", "edit", "Edit", id="edit"),
        Binding("d", "delete", "Delete", show=False, id="delete"),
    ]
    COLUMNS = (
        ColumnSpec("Name", minimum=14, weight=3),
        ColumnSpec("Product key", minimum=8, weight=2),
        ColumnSpec("Manufacturer", 8),
        ColumnSpec("Total", 5, justify="right"),
        ColumnSpec("Avail", 5, justify="right"),
        ColumnSpec("Expires", 11),
        ColumnSpec("Used", 8),
        ColumnSpec("!", 2),
    )
    FILTER_PLACEHOLDER = "Filter by name, product key or manufacturer"
    NOUN = "licenses"

    def fetch(self, search: str) -> list[LicenseSummary]:
        return self.repository.licenses.list(search)

    def reasons(self, record: LicenseSummary) -> tuple[str, ...]:
        """Why this license needs attention, under the app's expiry window."""
        return record.alerts(self.repository.seats.today(), self.desk.expiry_window_days)

    def cells(self, record: LicenseSummary) -> Sequence[Text]:
        today, reasons = self.repository.seats.today(), self.reasons(record)
        available = cells.available(record.available)
        if "low" in reasons and record.available > 0:
            available.stylize(cells.ALERT_STYLES["low"])
        return [
            cells.literal(record.name),
            cells.literal(record.product_key),
            cells.literal(record.manufacturer),
            cells.number(record.seats),
            available,
            cells.expires(record.expiration_date, today, self.desk.expiry_window_days),
            cells.usage_bar(record.held, record.seats),
            cells.alert_flags(reasons),
        ]

    def status(self, records: list[LicenseSummary]) -> Text:
        counts = Counter(reason for record in records for reason in self.reasons(record))
        line = super().status(records)
        line.append("   ! ")
        legend = [
            ("E", "expired", counts["expired"]),
            ("S", f"expiring within {self.desk.expiry_window_days} days", counts["expiring"]),
            ("L", "low", counts["low"]),
        ]
        for index, (letter, words, count) in enumerate(legend):
            line.append(" · " if index else "")
            line.append(letter, style="bold")
            line.append(f" {words} {count}")
        return line

    def open_record(self, record: LicenseSummary) -> None:
        self.app.push_screen(LicenseDetailScreen(record.id))

    def _chosen(self, doing: str) -> LicenseSummary | None:
        record = self.highlighted()
        if record is None:
            self.notify(f"No license to {doing}.", severity="warning")
        return record

    def action_checkout(self) -> None:
        """Check out seats of the highlighted license."""
        if record := self._chosen("check out"):
            modal = CheckoutModal(record.id, record.name, record.available)
            self.app.push_screen(modal, self.desk.seats_changed_if_done)

    def action_new(self) -> None:
        """Add a license."""
        new_license(self)

    def action_edit(self) -> None:
        """Edit the highlighted license."""
        if record := self._chosen("edit"):
            edit_license(self, record.id)

    def action_delete(self) -> None:
        """Delete the highlighted license, after a confirmation; refused while seats are out."""
        if record := self._chosen("delete"):
            delete_license(self, record.id, record.name)
