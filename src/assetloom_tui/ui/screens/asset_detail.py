"""An asset's detail: what it is, the seats it holds (check in from here), its history."""

from __future__ import annotations

from assetloom_tui.repository.activity import ActivityFilter
from assetloom_tui.ui.screens.target_detail import TargetDetailScreen, TargetPage, summary_line


class AssetDetailScreen(TargetDetailScreen):
    """One asset, the license seats it holds, and every change to it."""

    TITLE = "Asset"
    KIND = "asset"

    def read(self) -> TargetPage:
        repository = self.repository
        asset = repository.people.asset(self.target_id)
        summary = summary_line(
            asset.asset_tag,
            ("Name", asset.name),
            ("Model", asset.model),
            ("Serial", asset.serial),
            ("Location", asset.location),
            ("Active", "yes" if asset.active else "NO (inactive: no new checkouts)"),
            ("Seats held", asset.seats_held),
        )
        return TargetPage(
            asset.asset_tag,
            asset.active,
            summary,
            repository.people.asset_assignments(self.target_id),
            repository.activity.keyed_entries(ActivityFilter(asset_id=self.target_id)),
        )
