"""Validated input for every seat change: what a form, the command line or an import asks for."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from assetloom_tui.record_schemas import RECORD_LABELS

TargetType = Literal["user", "asset"]

FIELD_LABELS = {
    "quantity": "Quantity",
    "checkin_date": "Checkin Date",
    "notes": "Notes",
    "target_id": "Checkout To",
    "target_type": "Checkout To",
    "seats": "Total Seats",
}


# ASCII digits only: str.isdigit() also takes "²" and "٣", which are not seat counts.
_WHOLE = re.compile(r"-?[0-9]+")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class _Input(BaseModel):
    model_config = ConfigDict(frozen=True, str_strip_whitespace=True, extra="forbid")


def _whole_number(value: object) -> object:
    """Accept 3 or "3"; refuse "3.5", "", "three" with one plain message."""
    if isinstance(value, bool):
        raise ValueError("must be a whole number")
    if isinstance(value, str):
        text = value.strip()
        if not _WHOLE.fullmatch(text):
            raise ValueError(f"must be a whole number, not {value!r}" if text else "is required")
        return int(text)
    return value


def _iso_date(value: object) -> object:
    """Accept a date or "YYYY-MM-DD"; refuse anything else with one plain message."""
    if isinstance(value, str):
        text = value.strip()
        if not text:
            raise ValueError("is required (YYYY-MM-DD)")
        try:
            if not _ISO_DATE.fullmatch(text):
                raise ValueError(text)
            return dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"must be a date as YYYY-MM-DD, not {value!r}") from None
    return value


class CheckoutRequest(_Input):
    """Check out `quantity` seats of one license to one user or one asset."""

    license_id: int
    target_type: TargetType
    target_id: int
    quantity: int = Field(default=1, ge=1)
    notes: str = ""
    # The operator has seen the expiry date and still wants the seats out.
    allow_expired: bool = False

    _quantity_is_whole = field_validator("quantity", mode="before")(_whole_number)


class CheckinRequest(_Input):
    """Return `quantity` seats from one assignment on `checkin_date`."""

    assignment_id: int
    quantity: int = Field(ge=1)
    # None: today, or the checkout date when that is later (a checkout dated in another
    # time zone may already be "tomorrow" here).
    checkin_date: dt.date | None = None
    notes: str = ""

    _quantity_is_whole = field_validator("quantity", mode="before")(_whole_number)

    _checkin_date_is_iso = field_validator("checkin_date", mode="before")(_iso_date)


class CheckinAllRequest(_Input):
    """Return every held seat of one license on `checkin_date`."""

    license_id: int
    # None: today, or the latest checkout date of the license when that is later.
    checkin_date: dt.date | None = None
    notes: str = ""

    _checkin_date_is_iso = field_validator("checkin_date", mode="before")(_iso_date)


def field_errors(error: ValidationError) -> dict[str, str]:
    """Turn pydantic's errors into one readable message per input field."""
    messages: dict[str, str] = {}
    for item in error.errors():
        field = str(item["loc"][0]) if item["loc"] else "form"
        label = FIELD_LABELS.get(field) or RECORD_LABELS.get(field) or field.replace("_", " ")
        reason = item["msg"].removeprefix("Value error, ")
        if item["type"] == "greater_than_equal":
            reason = f"must be at least {item['ctx']['ge']}"
        messages.setdefault(field, f"{label} {reason}")
    return messages
