"""A user's profile: who they are, and a Licenses tab where held seats can be checked in."""

from __future__ import annotations

from rich.text import Text

from assetloom_tui.ui.screens.target_detail import TargetDetailScreen, summary_line
from assetloom_tui.views import AssignmentView


class UserProfileScreen(TargetDetailScreen):
    """One user and the license seats they hold."""

    TITLE = "User"
    KIND = "user"

    def read(self) -> tuple[Text, list[AssignmentView]]:
        people = self.repository.people
        user = people.user(self.target_id)
        summary = summary_line(
            user.username,
            ("Name", user.full_name),
            ("Email", user.email),
            ("Employee no.", user.employee_number),
            ("Active", "yes" if user.active else "no"),
            ("Seats held", user.seats_held),
        )
        return summary, people.user_assignments(self.target_id)
