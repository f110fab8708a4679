"""What the license, user and asset forms share: one line per field, in a scrolling list."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from pydantic import BaseModel, ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Static, TextArea

from assetloom_tui.record_schemas import RECORD_LABELS
from assetloom_tui.ui.screens.form import FormModal
from assetloom_tui.ui.widgets.form_field import FormField


@dataclass(frozen=True)
class FieldSpec:
    """One field of a record form: a one-line text, a yes/no checkbox, or several lines of notes."""

    name: str
    kind: str = "text"
    hint: str = ""


class RecordFormModal(FormModal):
    """Add a record (no `record_id`) or edit one, starting from its stored `values`."""

    SCHEMA: ClassVar[type[BaseModel]]
    FIELDS: ClassVar[tuple[FieldSpec, ...]] = ()
    NOUN: ClassVar[str] = "record"

    def __init__(
        self, record_id: int | None = None, values: Mapping[str, object] | None = None
    ) -> None:
        editing = record_id is not None
        super().__init__(
            f"Edit {self.NOUN}" if editing else f"New {self.NOUN}",
            "Save" if editing else f"Add {self.NOUN}",
        )
        self.record_id = record_id
        self.values = dict(values or {})

    @property
    def label(self) -> str:
        """What the record is called in messages, as stored (before this edit)."""
        return str(self.values.get(self.FIELDS[0].name, ""))

    def compose_summary(self) -> ComposeResult:
        if self.record_id is not None:
            line = Text.assemble((f"{self.NOUN.capitalize()}: ", "bold"), self.label)
            yield Static(line, classes="summary")

    def compose_fields(self) -> ComposeResult:
        with VerticalScroll(id="form-fields"):
            for spec in self.FIELDS:
                yield FormField(RECORD_LABELS[spec.name], self._control(spec), spec.name)

    def _control(self, spec: FieldSpec) -> Widget:
        value = self.values.get(spec.name)
        if spec.kind == "check":
            checked = True if value is None else bool(value)
            return Checkbox(spec.hint, checked, id=spec.name, compact=True)
        if spec.kind == "notes":
            return TextArea(str(value or ""), id=spec.name, compact=True, placeholder=spec.hint)
        shown = value.isoformat() if hasattr(value, "isoformat") else value
        text = "" if shown is None else str(shown)
        return Input(text, id=spec.name, placeholder=spec.hint, compact=True)

    def on_mount(self) -> None:
        self.query_one(f"#{self.FIELDS[0].name}").focus()

    def value(self, name: str) -> str:
        control = self.field(name).control
        if isinstance(control, TextArea):
            return control.text
        if isinstance(control, Checkbox):
            return "yes" if control.value else "no"
        return super().value(name)

    def typed(self) -> dict[str, str]:
        """Every field as the operator left it."""
        return {spec.name: self.value(spec.name) for spec in self.FIELDS}

    def build_request(self) -> BaseModel:
        return self.SCHEMA(**self.typed())

    def show_errors(self, errors: dict[str, str]) -> None:
        super().show_errors(errors)
        # Take the operator to the first refused field; the list may have scrolled it away.
        for spec in self.FIELDS:
            if spec.name in errors:
                self.field(spec.name).control.focus()
                break

    def records(self):
        """The repository part that adds and edits this kind of record."""
        raise NotImplementedError

    def describe(self, request: BaseModel) -> str:
        """How messages name the record."""
        return str(getattr(request, self.FIELDS[0].name))

    def added(self, request: BaseModel) -> str:
        """What the toast says once the record was added."""
        return f"Added {self.NOUN} {self.describe(request)}."

    def original(self) -> BaseModel | None:
        """The record as the form opened it, so saving writes only what the operator changed."""
        opened = {
            name: self.values[name] for name in self.SCHEMA.model_fields if name in self.values
        }
        try:
            return self.SCHEMA.model_validate(opened)
        except ValidationError:
            return None

    def perform(self, request: BaseModel) -> str:
        records, operator, name = self.records(), self.desk.operator, self.describe(request)
        if self.record_id is None:
            records.add(request, operator)
            return self.added(request)
        changed = records.edit(self.record_id, request, operator, self.original())
        if not changed:
            return f"Nothing to save: {name} is unchanged."
        return f"Saved {name}: {changed}."
