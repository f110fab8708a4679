"""What the seat-change modals share: fields with errors beside them, Ctrl+S, Escape."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, TypeVar, cast

from pydantic import BaseModel, ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from assetloom_tui.errors import AssetLoomError, DatabaseError
from assetloom_tui.schemas import field_errors
from assetloom_tui.ui.background import UnexpectedError, run_in_thread
from assetloom_tui.ui.widgets.form_field import FormField

if TYPE_CHECKING:
    from assetloom_tui.repository import Repository
    from assetloom_tui.ui.app import AssetLoomApp

R = TypeVar("R", bound=BaseModel)
T = TypeVar("T")
WRITING = "Writing… waiting for the database."

log = logging.getLogger(__name__)


class FormModal(ModalScreen[str | None]):
    """A form that validates with a pydantic schema and writes through the repository.

    It dismisses with a one-line message when the change was written, or None when cancelled;
    a refusal keeps the form open with every value as typed.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "Submit", id="submit"),
        Binding("escape", "cancel", "Cancel", id="cancel"),
        # Inputs take printable keys such as `?` as text, so forms also offer F1.
        Binding("f1", "app.help", "Keys", id="help"),
        Binding("question_mark", "app.help", "Keys", key_display="?", show=False),
    ]
    TITLE_TEXT = ""
    SUBMIT_LABEL = "Submit"

    def __init__(self, title: str = "", submit_label: str = "") -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title or self.TITLE_TEXT
        self.submit_label = submit_label or self.SUBMIT_LABEL
        self.submitting = False

    @property
    def desk(self) -> AssetLoomApp:
        """The running app, typed."""
        return cast("AssetLoomApp", self.app)

    @property
    def repository(self) -> Repository:
        """The repository the form writes through."""
        return self.desk.repository

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form-dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield from self.compose_summary()
            for notice in ("form-notice", "form-writing"):
                line = Static("", id=notice, classes="summary warning", markup=False)
                line.display = False
                yield line
            yield Static("", id="form-error", markup=False)
            yield from self.compose_fields()
            with Horizontal(classes="buttons"):
                yield Button(self.submit_label, variant="primary", id="submit", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
        yield Footer(compact=True, show_command_palette=False)

    def compose_summary(self) -> ComposeResult:
        """Read-only lines above the fields."""
        yield from ()

    def compose_fields(self) -> ComposeResult:
        """The editable fields, each a `FormField`."""
        yield from ()

    def build_request(self) -> BaseModel:
        """The validated request from the typed values; raises ValidationError."""
        raise NotImplementedError

    def perform(self, request: BaseModel) -> str:
        """Write the change through the repository (in a worker) and say what happened."""
        raise NotImplementedError

    def reload(self) -> None:
        """Read again what the form shows, as another session may have changed it (in a worker)."""

    def read_again(self, call: Callable[[], T], show: Callable[[T], None]) -> None:
        """Run a repository read for `reload` in a worker; a failure becomes the notice."""
        run_in_thread(self, call, show, self._read_again_failed, "read-again")

    def _read_again_failed(self, error: AssetLoomError) -> None:
        self.show_notice(f"Could not read it again: {error.message}")

    @property
    def notice(self) -> str:
        """The line at the top that says what changed since the form opened, if anything."""
        return self._notice

    _notice = ""

    def show_notice(self, message: str) -> None:
        """Say (literally) at the top of the form what changed since it opened."""
        self._notice = message
        line = self.query_one("#form-notice", Static)
        line.update(Text(message))
        line.display = bool(message)

    def field(self, name: str) -> FormField:
        """The form field for schema field `name`."""
        return self.query_one(f"#field-{name}", FormField)

    def value(self, name: str) -> str:
        """The text typed into field `name`."""
        return cast(Input, self.field(name).control).value

    @property
    def form_error(self) -> str:
        """The message shown at the top of the form, if any."""
        return self._form_error

    _form_error = ""

    def show_errors(self, errors: dict[str, str]) -> None:
        """Put each message beside its field; messages for no field go to the top of the form."""
        for field in self.query(FormField):
            field.clear_error()
        top = []
        for name, message in errors.items():
            fields = self.query(f"#field-{name}")
            if fields:
                cast(FormField, fields.first()).show_error(message)
            else:
                top.append(message)
        self._form_error = "\n".join(top)
        self.query_one("#form-error", Static).update(Text(self._form_error))
        self.query_one("#form-error").set_class(bool(top), "-shown")

    def action_submit(self) -> None:
        """Check the values, then write the change."""
        if self.submitting:
            return
        try:
            request = self.build_request()
        except ValidationError as error:
            self.show_errors(field_errors(error))
            return
        except Exception as error:
            # A bug in a schema must not end the app and lose what was typed.
            log.exception("checking the values of %s failed", type(self).__name__)
            self.desk.show_failure(UnexpectedError(f"{type(error).__name__}: {error}"))
            return
        self.show_errors({})
        self._set_writing(True)
        run_in_thread(self, self._performer(request), self._done, self.refused, "submit")

    def _set_writing(self, writing: bool) -> None:
        """While a change is being written, say so and let neither Submit nor Cancel act."""
        self.submitting = writing
        self.query_one("#submit", Button).disabled = writing
        line = self.query_one("#form-writing", Static)
        line.update(WRITING if writing else "")
        line.display = writing

    def _performer(self, request: BaseModel) -> Callable[[], str]:
        return lambda: self.perform(request)

    def _done(self, message: str) -> None:
        self._set_writing(False)
        # The help may have been opened over the form while it was writing.
        self.pop_until_active()
        self.dismiss(message)

    def refused(self, error: AssetLoomError) -> None:
        """The repository refused the change: say why, beside the field it names."""
        self._set_writing(False)
        if isinstance(error, (DatabaseError, UnexpectedError)):
            self.desk.show_failure(error)
        self.show_errors({error.field or "form": error.message})
        # A refusal often means another session got there first: show everyone the numbers now.
        self.desk.reload_screens()

    def action_cancel(self) -> None:
        """Close the form without writing anything (not while a change is being written)."""
        if self.submitting:
            self.notify(
                "Still writing: the form closes when the database answers.", severity="warning"
            )
            return
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "submit":
            self.action_submit()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()


def seats(count: int) -> str:
    """`1 seat` / `3 seats`."""
    return f"{count} seat" if count == 1 else f"{count} seats"
