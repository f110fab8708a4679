"""Running repository calls on a thread so the screen never freezes while the database works."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from textual.dom import DOMNode
from textual.worker import get_current_worker

from assetloom_tui.errors import AssetLoomError

log = logging.getLogger(__name__)

T = TypeVar("T")


class UnexpectedError(AssetLoomError):
    """A bug or an unforeseen failure, wrapped so that screens show it instead of crashing."""


def run_in_thread(
    node: DOMNode,
    call: Callable[[], T],
    done: Callable[[T], None],
    failed: Callable[[AssetLoomError], None],
    group: str,
) -> None:
    """Run `call` in a thread; hand its result to `done` (or its refusal to `failed`) on the UI.

    Workers are exclusive per group, so a newer keystroke cancels the older query. Any other
    exception is logged with its traceback and handed to `failed` as an `UnexpectedError`.
    """
    app = node.app

    def job() -> None:
        worker = get_current_worker()
        try:
            result = call()
        except AssetLoomError as error:
            log.info("%s refused: %s", group, error.message)
            if not worker.is_cancelled:
                app.call_from_thread(failed, error)
            return
        except Exception as error:
            log.exception("%s failed", group)
            if not worker.is_cancelled:
                app.call_from_thread(failed, UnexpectedError(f"{type(error).__name__}: {error}"))
            return
        if not worker.is_cancelled:
            app.call_from_thread(done, result)

    node.run_worker(job, name=group, group=group, thread=True, exclusive=True)
