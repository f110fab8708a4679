"""Checkout: give some seats of one license to a user or an asset."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, RadioButton, RadioSet, Static

from assetloom_tui.errors import AssetLoomError, ExpiredLicenseError
from assetloom_tui.schemas import CheckoutRequest
from assetloom_tui.ui.screens.confirm import ConfirmDialog
from assetloom_tui.ui.screens.form import FormModal, seats
from assetloom_tui.ui.widgets.form_field import FormField
from assetloom_tui.ui.widgets.target_picker import Target, TargetPicker


class CheckoutModal(FormModal):
    """Checkout To (User or Asset), whom, Assigned Quantity and Checkout Notes."""

    TITLE_TEXT = "Checkout license seats"

    def __init__(self, license_id: int, license_name: str, available: int) -> None:
        super().__init__()
        self.license_id = license_id
        self.license_name = license_name
        self.available = available
        # Set once the operator has confirmed checking out seats of an expired license.
        self.allow_expired = False

    def compose_summary(self) -> ComposeResult:
        yield Static(self._summary(), id="checkout-summary", classes="summary", markup=False)

    def _summary(self) -> Text:
        return Text.assemble(
            ("License: ", "bold"),
            self.license_name,
            "   ",
            (seats(self.available), "bold"),
            " available",
        )

    def _quantity_label(self) -> str:
        return f"Assigned Quantity (of {self.available})"

    def compose_fields(self) -> ComposeResult:
        kinds = RadioSet(
            RadioButton("User", value=True, id="kind-user"),
            RadioButton("Asset", id="kind-asset"),
            id="target-kind",
            compact=True,
        )
        yield FormField("Checkout To", kinds, "target_type")
        picker = TargetPicker(self._search, self.desk.show_failure, id="picker")
        yield FormField("Which user", picker, "target_id")
        quantity = Input("1", id="quantity", compact=True)
        yield FormField(self._quantity_label(), quantity, "quantity")
        notes = Input(id="notes", placeholder="Optional", compact=True)
        yield FormField("Checkout Notes", notes, "notes")

    def on_mount(self) -> None:
        self.query_one("#target-search", Input).focus()

    def reload(self) -> None:
        licenses, license_id = self.repository.licenses, self.license_id
        self.read_again(lambda: licenses.get(license_id).available, self._show_available)

    def _show_available(self, available: int) -> None:
        """Another session changed the license: show the new count, keep what was typed."""
        if available == self.available:
            return
        self.available = available
        self.query_one("#checkout-summary", Static).update(self._summary())
        self.field("quantity").set_label(self._quantity_label())
        self.show_notice(f"Availability changed: now {seats(available)} available.")

    def _search(self, kind: str, text: str, limit: int) -> list[Target]:
        people = self.repository.people
        if kind == "asset":
            assets = people.assets(text, active_only=True, limit=limit)
            return [Target(asset.id, asset.asset_tag, asset.name) for asset in assets]
        users = people.users(text, active_only=True, limit=limit)
        return [Target(user.id, user.username, user.full_name) for user in users]

    @property
    def picker(self) -> TargetPicker:
        """The search-and-choose widget for the target."""
        return self.query_one(TargetPicker)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        kind = "asset" if event.pressed.id == "kind-asset" else "user"
        self.picker.set_kind(kind)
        self.field("target_id").set_label(f"Which {kind}")

    def on_target_picker_picked(self, event: TargetPicker.Picked) -> None:
        self.field("target_id").clear_error()
        self.query_one("#quantity", Input).focus()

    def build_request(self) -> CheckoutRequest:
        target = self.picker.chosen
        return CheckoutRequest(
            license_id=self.license_id,
            target_type=self.picker.kind,
            target_id=target.id if target else None,
            quantity=self.value("quantity"),
            notes=self.value("notes"),
            allow_expired=self.allow_expired,
        )

    def show_errors(self, errors: dict[str, str]) -> None:
        if "target_id" in errors and self.picker.chosen is None:
            errors["target_id"] = f"Checkout To: choose a {self.picker.kind} from the list."
        super().show_errors(errors)

    def refused(self, error: AssetLoomError) -> None:
        if not isinstance(error, ExpiredLicenseError):
            super().refused(error)
            return
        self._set_writing(False)
        question = (
            f"{self.license_name!r} expired on {error.expired_on.isoformat()}. Check out anyway?"
        )
        dialog = ConfirmDialog("Expired license", question, yes="Check out")
        self.app.push_screen(dialog, self._expired_answered)

    def _expired_answered(self, yes: bool | None) -> None:
        if yes:
            self.allow_expired = True
            self.action_submit()

    def perform(self, request: CheckoutRequest) -> str:
        assignment = self.repository.seats.checkout(request, self.desk.operator)
        return (
            f"Checked out {seats(assignment.quantity)} of {assignment.license_name!r} "
            f"to {assignment.target}."
        )
