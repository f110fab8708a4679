"""The first screen: every license with its seats; `/` filters, Enter opens, `c` checks out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from assetloom_tui.ui.screens.checkout import CheckoutModal
from assetloom_tui.ui.screens.license_detail import LicenseDetailScreen
from assetloom_tui.ui.screens.listing import ListScreen
from assetloom_tui.ui.widgets import cells
from assetloom_tui.ui.widgets.record_table import ColumnSpec
from assetloom_tui.views import LicenseSummary


class LicenseListScreen(ListScreen):
    """Licenses by name: product key, manufacturer, total and available seats, expiry."""

    TITLE = "Licenses"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("c", "checkout", "Checkout", id="checkout")]
    COLUMNS = (
        ColumnSpec("Name", minimum=14, weight=3),
        ColumnSpec("Product key", minimum=10, weight=2),
        ColumnSpec("Manufacturer", 9),
        ColumnSpec("Total", 5, justify="right"),
        ColumnSpec("Avail", 5, justify="right"),
        ColumnSpec("Expires", 11),
        ColumnSpec("Reas.", 5),
    )
    FILTER_PLACEHOLDER = "Filter by name, product key or manufacturer"
    NOUN = "licenses"

    def fetch(self, search: str) -> list[LicenseSummary]:
        return self.repository.licenses.list(search)

    def cells(self, record: LicenseSummary) -> Sequence[Text]:
        return [
            cells.literal(record.name),
            cells.literal(record.product_key),
            cells.literal(record.manufacturer),
            cells.number(record.seats),
            cells.available(record.available),
            cells.expires(record.expiration_date, self.repository.seats.today()),
            cells.yes_no(record.reassignable),
        ]

    def open_record(self, record: LicenseSummary) -> None:
        self.app.push_screen(LicenseDetailScreen(record.id))

    def action_checkout(self) -> None:
        """Check out seats of the highlighted license."""
        record = self.highlighted()
        if record is None:
            self.notify("No license to check out.", severity="warning")
            return
        modal = CheckoutModal(record.id, record.name, record.available)
        self.app.push_screen(modal, self.desk.seats_changed_if_done)
