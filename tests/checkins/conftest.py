"""Fixed-clock contexts for the check-ins, screenings, journal and insights tests."""

from __future__ import annotations

import pytest
from checkins_data import FIXED


@pytest.fixture
def fixed(context):
    from coach.context import Context

    return Context(context.paths, context.config, clock=lambda: FIXED)


@pytest.fixture
def fixed_fr(context_fr):
    from coach.context import Context

    return Context(context_fr.paths, context_fr.config, clock=lambda: FIXED)
