import pytest


@pytest.fixture(autouse=True)
def today():
    """These tests run real workers and threads against the real clock: a frozen clock
    would stall broker heartbeats and lock timeouts."""
    return None
