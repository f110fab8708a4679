"""An asset's detail: what it is, and a Licenses tab where held seats can be checked in."""

from __future__ import annotations

from rich.text import Text

from assetloom_tui.ui.screens.target_detail import TargetDetailScreen, summary_line
from assetloom_tui.views import AssignmentView


class AssetDetailScreen(TargetDetailScreen):
    """One asset and the license seats it holds."""

    TITLE = "Asset"
    KIND = "asset"

    def read(self) -> tuple[Text, list[AssignmentView]]:
        people = self.repository.people
        asset = people.asset(self.target_id)
        summary = summary_line(
            asset.asset_tag,
            ("Name", asset.name),
            ("Model", asset.model),
            ("Serial", asset.serial),
            ("Location", asset.location),
            ("Active", "yes" if asset.active else "no"),
            ("Seats held", asset.seats_held),
        )
        return summary, people.asset_assignments(self.target_id)
