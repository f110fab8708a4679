"""Edit and delete a license, from the license list or the license detail."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from assetloom_tui.ui.background import run_in_thread
from assetloom_tui.ui.screens.confirm import ConfirmDialog
from assetloom_tui.ui.screens.license_form import LicenseFormModal

if TYPE_CHECKING:
    from assetloom_tui.ui.screens.base import DeskScreen


def new_license(screen: DeskScreen) -> None:
    """Open an empty license form."""
    screen.app.push_screen(LicenseFormModal(), screen.desk.seats_changed_if_done)


def edit_license(screen: DeskScreen, license_id: int) -> None:
    """Read the license as stored now, then open the form filled in with it."""
    licenses = screen.repository.licenses

    def show(license_) -> None:
        form = LicenseFormModal.editing(license_)
        screen.app.push_screen(form, screen.desk.seats_changed_if_done)

    screen.load(lambda: licenses.get(license_id), show, group="edit")


def delete_license(screen: DeskScreen, license_id: int, name: str, leave: bool = False) -> None:
    """Ask first; then delete, or show the repository's refusal. `leave` closes `screen` after."""
    desk = screen.desk

    def deleted(_result: None) -> None:
        if leave:
            screen.dismiss()
        desk.seats_changed(f"Deleted license {name!r}; its history is kept.")

    def answered(yes: bool | None) -> None:
        if yes:
            records, operator = screen.repository.license_records, desk.operator
            call = partial(records.delete, license_id, operator)
            run_in_thread(screen, call, deleted, desk.show_failure, "delete")

    question = f"Delete license {name!r}? Its history is kept; this cannot be undone here."
    desk.push_screen(ConfirmDialog("Delete license", question, yes="Delete"), answered)
