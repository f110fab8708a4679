"""Every asset, with the seats it holds; Enter opens the asset detail."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from assetloom_tui.ui.screens.asset_detail import AssetDetailScreen
from assetloom_tui.ui.screens.target_list import TargetListScreen
from assetloom_tui.ui.widgets import cells
from assetloom_tui.ui.widgets.record_table import ColumnSpec
from assetloom_tui.views import AssetSummary


class AssetListScreen(TargetListScreen):
    """Assets by asset tag; the list is capped, and the filter searches the whole table."""

    TITLE = "Assets"
    COLUMNS = (
        ColumnSpec("Asset tag", minimum=10),
        ColumnSpec("Name", minimum=12),
        ColumnSpec("Model", minimum=10),
        ColumnSpec("Location", minimum=8),
        ColumnSpec("Held", 4, justify="right"),
        ColumnSpec("Active", 6),
    )
    FILTER_PLACEHOLDER = "Filter by asset tag, name, serial or model"
    NOUN = "assets"
    LIMIT = 500
    KIND = "asset"

    def fetch(self, search: str) -> list[AssetSummary]:
        return self.repository.people.assets(search, limit=self.LIMIT)

    def cells(self, record: AssetSummary) -> Sequence[Text]:
        style = self.row_style(record)
        return [
            cells.literal(record.asset_tag, style),
            cells.literal(record.name, style),
            cells.literal(record.model, style),
            cells.literal(record.location, style),
            cells.number(record.seats_held, style),
            self.active_cell(record.active),
        ]

    def label(self, record: AssetSummary) -> str:
        return record.asset_tag

    def open_record(self, record: AssetSummary) -> None:
        self.app.push_screen(AssetDetailScreen(record.id))
