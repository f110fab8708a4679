"""Reading the values Snipe-IT writes into its exports: yes/no flags, dates, costs, seat counts."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from pydantic import BeforeValidator

TRUE_WORDS = frozenset({"yes", "true", "1"})
FALSE_WORDS = frozenset({"no", "false", "0"})
MAX_COST = Decimal("9999999999.99")
MAX_SEATS = 2_147_483_647
MAX_TEXT = 255

_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_COST = re.compile(r"\$?(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?")


def parse_bool(text: str) -> bool | None:
    """yes/true/1 or no/false/0 in any case; blank is None (not given)."""
    word = text.strip().lower()
    if not word:
        return None
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError("is not yes/no, true/false or 1/0")


def parse_date(text: str) -> dt.date | None:
    """YYYY-MM-DD, m/d/yyyy or m/d/yy (as Snipe-IT writes them); blank is None."""
    value = text.strip()
    if not value:
        return None
    if _ISO_DATE.fullmatch(value):
        year, month, day = (int(part) for part in value.split("-"))
    elif match := _US_DATE.fullmatch(value):
        month, day, year = (int(part) for part in match.groups())
        if len(match.group(3)) == 2:
            # Same pivot as strptime's %y: 69-99 are 1900s, 00-68 are 2000s.
            year += 1900 if year >= 69 else 2000
    else:
        raise ValueError("is not a date as YYYY-MM-DD or m/d/yyyy")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError("is not a real calendar date") from None


def parse_cost(text: str) -> Decimal | None:
    """A cost like 12.58, $12.58 or $1,234.50; blank is None."""
    value = text.strip()
    if not value:
        return None
    if not _COST.fullmatch(value):
        raise ValueError("is not a cost like 1234.50 or $1,234.50")
    cost = Decimal(value.lstrip("$").replace(",", ""))
    if cost > MAX_COST:
        raise ValueError(f"is more than the largest cost we store ({MAX_COST:,})")
    return cost


def parse_seats(text: str) -> int:
    """A whole number of seats, 0 or more; blank is an error."""
    value = text.strip()
    if not value:
        raise ValueError("is required (a whole number of seats, 0 or more)")
    if not value.isascii() or not value.isdigit():
        raise ValueError("must be a whole number of seats, 0 or more")
    seats = int(value)
    if seats > MAX_SEATS:
        raise ValueError(f"is more than the largest seat count we store ({MAX_SEATS:,})")
    return seats


def parse_quantity(text: str) -> int:
    """Seats to check out to a row's target: a whole number, 1 or more; blank is 1."""
    value = text.strip()
    if not value:
        return 1
    if not value.isascii() or not value.isdigit() or int(value) < 1:
        raise ValueError("must be a whole number of seats, 1 or more")
    quantity = int(value)
    if quantity > MAX_SEATS:
        raise ValueError(f"is more than the largest seat count we store ({MAX_SEATS:,})")
    return quantity


def parse_count(text: str) -> int | None:
    """A whole number, 0 or more (a threshold); blank is None."""
    value = text.strip()
    if not value:
        return None
    if not value.isascii() or not value.isdigit():
        raise ValueError("must be a whole number, 0 or more")
    count = int(value)
    if count > MAX_SEATS:
        raise ValueError(f"is more than the largest number we store ({MAX_SEATS:,})")
    return count


def clean_text(value: object) -> object:
    """Text trimmed of surrounding blanks, at most MAX_TEXT characters; other values as given."""
    if isinstance(value, str):
        value = value.strip()
        if len(value) > MAX_TEXT:
            raise ValueError(f"is longer than {MAX_TEXT} characters")
    return value


def from_text(parse) -> BeforeValidator:
    """A pydantic reader that parses text; typed values (from code, not typing) pass through."""
    return BeforeValidator(lambda value: parse(value) if isinstance(value, str) else value)
