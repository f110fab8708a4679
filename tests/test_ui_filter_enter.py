"""Enter right after a pasted filter opens a record of the new filter, not the old list's row."""

from __future__ import annotations

from conftest import add_license
from ui_helpers import SIZE, make_app, settle

from assetloom_tui.ui.screens.license_detail import LicenseDetailScreen
from assetloom_tui.ui.widgets.filter_input import FilterInput


async def test_enter_before_the_filtered_rows_arrive_waits_for_them(repo):
    add_license(repo, "Acrobat", seats=2)
    sketch = add_license(repo, "Sketch", seats=2)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.query_one(FilterInput).value = "Sketch"
        # Enter lands before the worker has fetched the Sketch rows: Acrobat is still on top.
        screen.action_open()
        await settle(pilot)

        assert isinstance(app.screen, LicenseDetailScreen)
        assert app.screen.license_id == sketch
