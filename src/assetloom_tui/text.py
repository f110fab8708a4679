"""Making stored text safe to show on a terminal."""

from __future__ import annotations

import re

# C0 and C1 control characters other than tab and newline, and the bidirectional overrides that
# can make text read differently from what is stored.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match[str]) -> str:
    character = match.group()
    code = ord(character)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def plural(count: int, word: str) -> str:
    """`1 seat`, `3 seats`: a count with its word."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def printable(text: str) -> str:
    """`text` with every control character a terminal would obey shown as a visible symbol.

    ESC becomes ␛, BEL ␇ and so on, so text from the database can neither move the cursor, clear
    the screen nor retitle the window. Line ends are kept as plain newlines.
    """
    text = text.replace("\r\n", "\n")
    return _UNSAFE.sub(_picture, text)
