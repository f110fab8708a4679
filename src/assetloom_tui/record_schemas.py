"""Validated fields of a license, a user and an asset, as typed into a form or a command."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from assetloom_tui.importers.values import (
    MAX_SEATS,
    clean_text,
    from_text,
    parse_bool,
    parse_cost,
    parse_count,
    parse_date,
)

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

RECORD_LABELS = {
    "name": "Name",
    "product_key": "Product Key",
    "manufacturer": "Manufacturer",
    "category": "Category",
    "seats": "Total Seats",
    "reassignable": "Reassignable",
    "expiration_date": "Expiration Date",
    "purchase_date": "Purchase Date",
    "purchase_cost": "Purchase Cost",
    "order_number": "Order Number",
    "licensed_to_name": "Licensed To Name",
    "licensed_to_email": "Licensed To Email",
    "supplier": "Supplier",
    "notes": "Notes",
    "min_available": "Minimum Available",
    "username": "Username",
    "full_name": "Full Name",
    "email": "Email",
    "department": "Department",
    "employee_number": "Employee Number",
    "active": "Active",
    "asset_tag": "Asset Tag",
    "serial": "Serial",
    "model": "Model",
    "location": "Location",
}


def _line(value: object) -> object:
    value = clean_text(value)
    if isinstance(value, str) and ("\n" in value or "\r" in value):
        raise ValueError("must fit on one line")
    return value


def _required(value: object) -> object:
    value = _line(value)
    if value in ("", None):
        raise ValueError("is required")
    return value


def _email(value: object) -> object:
    value = _line(value)
    if value and not _EMAIL.fullmatch(str(value)):
        raise ValueError(f"is not an email address: {value!r}")
    return value


def _whole(value: str) -> int | None:
    try:
        return parse_count(value)
    except ValueError as error:
        # A form or an option shows no separate value column, so the message quotes it.
        raise ValueError(f"{error}, not {value!r}") from None


def _required_whole(value: str) -> int:
    number = _whole(value)
    if number is None:
        raise ValueError("is required (a whole number, 0 or more)")
    return number


def _flag(value: str) -> bool:
    flag = parse_bool(value)
    if flag is None:
        raise ValueError("is required (yes or no)")
    return flag


Line = Annotated[str, BeforeValidator(_line)]
Required = Annotated[str, BeforeValidator(_required)]
Email = Annotated[str, BeforeValidator(_email)]
OptionalDate = Annotated[dt.date | None, from_text(parse_date)]
# The bounds sit on the number itself: on the union they would be applied to None (a TypeError).
OptionalCost = Annotated[Annotated[Decimal, Field(ge=0)] | None, from_text(parse_cost)]
OptionalCount = Annotated[Annotated[int, Field(ge=0, le=MAX_SEATS)] | None, from_text(_whole)]
Flag = Annotated[bool, from_text(_flag)]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class LicenseFields(_Record):
    """Every field of a license, for adding or editing one."""

    name: Required
    product_key: Line = ""
    manufacturer: Line = ""
    category: Line = ""
    seats: Annotated[int, from_text(_required_whole), Field(ge=0, le=MAX_SEATS)]
    reassignable: Flag = True
    expiration_date: OptionalDate = None
    purchase_date: OptionalDate = None
    purchase_cost: OptionalCost = None
    order_number: Line = ""
    licensed_to_name: Line = ""
    licensed_to_email: Email = ""
    supplier: Line = ""
    notes: str = ""
    min_available: OptionalCount = None


class UserFields(_Record):
    """Every field of a user."""

    username: Required
    full_name: Line = ""
    email: Email = ""
    department: Line = ""
    employee_number: Line = ""
    active: Flag = True


class AssetFields(_Record):
    """Every field of an asset."""

    asset_tag: Required
    name: Line = ""
    serial: Line = ""
    model: Line = ""
    location: Line = ""
    active: Flag = True
