"""Errors the data core raises for people to read: each says what went wrong and where."""

from assetloom_tui.text import printable


class AssetLoomError(Exception):
    """Base class for errors that carry a message meant for the operator."""

    def __init__(self, message: str, field: str | None = None) -> None:
        # Messages quote names and notes from the database; keep them safe for a terminal.
        message = printable(message)
        super().__init__(message)
        self.message = message
        self.field = field


class SeatRuleError(AssetLoomError):
    """A seat rule refused the action; nothing was written."""


class ExpiredLicenseError(SeatRuleError):
    """A checkout of an expired license that the operator has not confirmed."""

    def __init__(self, message: str, expired_on) -> None:
        super().__init__(message, field="expired")
        self.expired_on = expired_on


class NotFoundError(AssetLoomError):
    """The license, assignment, user or asset asked for does not exist."""


class DatabaseError(AssetLoomError):
    """The database could not be opened, was locked too long, or is damaged."""
