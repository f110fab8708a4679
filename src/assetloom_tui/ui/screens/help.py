"""The `?` help: every key of the screen it was opened from, with what it does."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Label

# Focus moves and copying are the same on every screen; the hint line below the table says so.
NOT_LISTED = {"command_palette", "app.focus_next", "app.focus_previous", "screen.copy_text"}

Key = tuple[str, str, str, DOMNode]


def screen_keys(app: App, screen: Screen) -> list[Key]:
    """(keys, description, action, namespace) of each action of `screen` and of the app.

    Keys bound to the same action are listed once, joined with " / ".
    """
    found: dict[tuple[str, str], Key] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        own = isinstance(active.node, (Screen, App))
        if not own or not binding.description or binding.action in NOT_LISTED:
            continue
        key, name = app.get_key_display(binding), (binding.action, binding.description)
        if name in found:
            key = f"{found[name][0]} / {key}"
        found[name] = (key, binding.description, binding.action, active.node)
    return list(found.values())


class HelpModal(ModalScreen[None]):
    """A table of keys; Escape or `?` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="close"),
        Binding("question_mark", "close", "Close", key_display="?", show=False),
    ]

    def __init__(self, keys: list[Key]) -> None:
        super().__init__(classes="dialog-screen")
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help-dialog"):
            yield Label("Keys on this screen", classes="dialog-title")
            yield DataTable(id="help-keys", cursor_type="row", show_cursor=False)
            yield Label(
                "Tab / Shift+Tab move between fields; arrows move in lists and tabs.\n"
                "Ctrl+P opens the command palette: every action by name. Esc closes this.",
                classes="hint",
            )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Key", "Action")
        for key, description, _action, _node in self.keys:
            table.add_row(Text(key, style="bold"), Text(description))
        table.focus()

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss()
