"""Add, edit, deactivate and delete users and assets, from their lists and their own screens."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from assetloom_tui.ui.background import run_in_thread
from assetloom_tui.ui.screens.asset_form import AssetFormModal
from assetloom_tui.ui.screens.confirm import ConfirmDialog
from assetloom_tui.ui.screens.record_form import RecordFormModal
from assetloom_tui.ui.screens.user_form import UserFormModal

if TYPE_CHECKING:
    from assetloom_tui.ui.screens.base import DeskScreen

FORMS: dict[str, type[RecordFormModal]] = {"user": UserFormModal, "asset": AssetFormModal}


def _records(screen: DeskScreen, kind: str):
    repository = screen.repository
    return repository.user_records if kind == "user" else repository.asset_records


def new_target(screen: DeskScreen, kind: str) -> None:
    """Open an empty user or asset form."""
    screen.app.push_screen(FORMS[kind](), screen.desk.seats_changed_if_done)


def edit_target(screen: DeskScreen, kind: str, target_id: int) -> None:
    """Read the user or asset as stored now, then open the form filled in with it."""
    records = _records(screen, kind)

    def show(values: dict[str, object]) -> None:
        form = FORMS[kind](target_id, values)
        screen.app.push_screen(form, screen.desk.seats_changed_if_done)

    screen.load(partial(records.values, target_id), show, group="edit")


def toggle_active(screen: DeskScreen, kind: str, target_id: int, active: bool, label: str) -> None:
    """Deactivate an active one (its seats stay held), or reactivate an inactive one."""
    desk, records = screen.desk, _records(screen, kind)

    def done(summary: str) -> None:
        note = "; no new checkouts until reactivated" if active else ""
        desk.seats_changed(f"{kind.capitalize()} {label}: {summary or 'unchanged'}{note}.")

    call = partial(records.set_active, target_id, not active, desk.operator)
    run_in_thread(screen, call, done, desk.show_failure, "activity")


def delete_target(
    screen: DeskScreen, kind: str, target_id: int, label: str, leave: bool = False
) -> None:
    """Ask first; then delete, or show the refusal naming the licenses it holds."""
    desk = screen.desk

    def deleted(_result: None) -> None:
        if leave:
            screen.dismiss()
        desk.seats_changed(f"Deleted {kind} {label}; its history is kept.")

    def answered(yes: bool | None) -> None:
        if yes:
            call = partial(_records(screen, kind).delete, target_id, desk.operator)
            run_in_thread(screen, call, deleted, desk.show_failure, "delete")

    question = f"Delete {kind} {label}? Its history is kept; this cannot be undone here."
    desk.push_screen(ConfirmDialog(f"Delete {kind}", question, yes="Delete"), answered)
