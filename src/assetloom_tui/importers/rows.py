"""One validated row of each Snipe-IT export, as pydantic models; values read by `values`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict

from assetloom_tui.importers.values import (
    clean_text,
    from_text,
    parse_bool,
    parse_cost,
    parse_count,
    parse_date,
    parse_quantity,
    parse_seats,
)


def _required(value: object) -> object:
    value = clean_text(value)
    if value == "":
        raise ValueError("is required")
    return value


def _reassignable(text: str) -> bool:
    flag = parse_bool(text)
    # Snipe-IT leaves the column blank for its default, which is reassignable.
    return True if flag is None else flag


Text = Annotated[str, BeforeValidator(clean_text)]
Required = Annotated[str, BeforeValidator(_required)]
Flag = Annotated[bool | None, from_text(parse_bool)]
Date = Annotated[dt.date | None, from_text(parse_date)]
Cost = Annotated[Decimal | None, from_text(parse_cost)]


class _Row(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class UserRow(_Row):
    """A user from Snipe-IT's users export."""

    username: Required
    first_name: Text = ""
    last_name: Text = ""
    email: Text = ""
    employee_number: Text = ""
    department: Text = ""
    # "Activated" means "may log in to Snipe-IT", not employment: checked, never stored.
    activated: Flag = None

    @property
    def full_name(self) -> str:
        """First and last name, as one."""
        return " ".join(part for part in (self.first_name, self.last_name) if part)


class AssetRow(_Row):
    """An asset from Snipe-IT's assets export; its hardware checkout columns are not read."""

    asset_tag: Required
    name: Text = ""
    serial: Text = ""
    model: Text = ""
    location: Text = ""
    # Checked so that a damaged export is noticed; the asset table keeps no purchase data.
    purchase_date: Date = None
    purchase_cost: Cost = None
    eol_date: Date = None


class LicenseRow(_Row):
    """A license from Snipe-IT's licenses export, with the one target it gives seats to."""

    name: Required
    product_key: Text = ""
    manufacturer: Text = ""
    category: Text = ""
    seats: Annotated[int, from_text(parse_seats)]
    reassignable: Annotated[bool, from_text(_reassignable)] = True
    expiration_date: Date = None
    purchase_date: Date = None
    purchase_cost: Cost = None
    order_number: Text = ""
    licensed_to_name: Text = ""
    licensed_to_email: Text = ""
    supplier: Text = ""
    notes: str = ""
    min_available: Annotated[int | None, from_text(parse_count)] = None
    maintained: Flag = None
    full_name: Text = ""
    email: Text = ""
    username: Text = ""
    asset_tag: Text = ""
    asset_name: Text = ""
    # Our own exports write how many seats a target holds; Snipe-IT's rows give one each.
    checkout_quantity: Annotated[int, from_text(parse_quantity)] = 1

    @property
    def key(self) -> tuple[str, str]:
        """What a license is matched on: name and product key."""
        return (self.name, self.product_key)

    def license_fields(self) -> dict[str, object]:
        """The values stored on the license itself, by model attribute."""
        return {name: getattr(self, name) for name in LICENSE_FIELDS}


LICENSE_FIELDS = (
    "name",
    "product_key",
    "manufacturer",
    "category",
    "seats",
    "reassignable",
    "expiration_date",
    "purchase_date",
    "purchase_cost",
    "order_number",
    "licensed_to_name",
    "licensed_to_email",
    "supplier",
    "notes",
    "min_available",
)
