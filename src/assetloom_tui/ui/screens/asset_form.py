"""Add an asset, or edit one (clearing Active deactivates: held seats stay, no new checkouts)."""

from __future__ import annotations

from assetloom_tui.record_schemas import AssetFields
from assetloom_tui.ui.screens.record_form import FieldSpec, RecordFormModal


class AssetFormModal(RecordFormModal):
    """Asset tag, name, serial, model, location, active."""

    SCHEMA = AssetFields
    NOUN = "asset"
    FIELDS = (
        FieldSpec("asset_tag"),
        FieldSpec("name"),
        FieldSpec("serial"),
        FieldSpec("model"),
        FieldSpec("location"),
        FieldSpec("active", "check", "can receive new checkouts"),
    )

    def records(self):
        return self.repository.asset_records
