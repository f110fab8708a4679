"""What the user list and the asset list share: add, edit, deactivate and delete from the list."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from assetloom_tui.ui.screens.listing import ListScreen
from assetloom_tui.ui.screens.target_actions import (
    delete_target,
    edit_target,
    new_target,
    toggle_active,
)
from assetloom_tui.views import AssetSummary, UserSummary

INACTIVE_STYLE = "dim"


class TargetListScreen(ListScreen):
    """Users or assets; inactive ones are dimmed and say `no` under Active."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New", id="new"),
        Binding("e", "edit", "Edit", id="edit"),
        Binding("x", "toggle_active", "Deactivate/Reactivate", show=False, id="toggle_active"),
        Binding("d", "delete", "Delete", show=False, id="delete"),
    ]
    KIND: ClassVar[str] = ""

    def label(self, record: UserSummary | AssetSummary) -> str:
        """The username or asset tag."""
        raise NotImplementedError

    def row_style(self, record: UserSummary | AssetSummary) -> str:
        """Inactive records are dimmed (their Active cell also says `no`)."""
        return "" if record.active else INACTIVE_STYLE

    @staticmethod
    def active_cell(active: bool) -> Text:
        """`yes`, or `no` in bold so an inactive record is seen without colour too."""
        return Text("yes") if active else Text("no", style="bold")

    def _chosen(self) -> UserSummary | AssetSummary | None:
        record = self.highlighted()
        if record is None:
            self.notify(f"No {self.NOUN} here.", severity="warning")
        return record

    def action_new(self) -> None:
        """Add a user or an asset."""
        new_target(self, self.KIND)

    def action_edit(self) -> None:
        """Edit the highlighted one."""
        if record := self._chosen():
            edit_target(self, self.KIND, record.id)

    def action_toggle_active(self) -> None:
        """Deactivate the highlighted one (its seats stay held), or reactivate it."""
        if record := self._chosen():
            toggle_active(self, self.KIND, record.id, record.active, self.label(record))

    def action_delete(self) -> None:
        """Delete the highlighted one, after a confirmation; refused while it holds seats."""
        if record := self._chosen():
            delete_target(self, self.KIND, record.id, self.label(record))
