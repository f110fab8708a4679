"""A labelled form field with its own error line right beside it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Label, Static


class FormField(Vertical):
    """A label, the input widget, and an error line that appears only when needed."""

    def __init__(self, label: str, control: Widget, field: str) -> None:
        super().__init__(classes="form-field", id=f"field-{field}")
        self.field = field
        self.control = control
        self._label = label
        self.error = ""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="field-row"):
            yield Label(self._label, classes="field-label", markup=False)
            yield self.control
        yield Static("", classes="field-error", markup=False)

    def set_label(self, label: str) -> None:
        """Change the label text."""
        self._label = label
        self.query_one(".field-label", Label).update(label)

    def show_error(self, message: str) -> None:
        """Show `message` (literally) under the field."""
        self.error = message
        self.query_one(".field-error", Static).update(Text(message))
        self.add_class("-invalid")

    def clear_error(self) -> None:
        """Hide the error line."""
        self.error = ""
        self.query_one(".field-error", Static).update("")
        self.remove_class("-invalid")
