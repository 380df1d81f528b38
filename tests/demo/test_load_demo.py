"""`make run` loads the demo encyclopedia through the services, so every rule of the
workflow applies to it: a demo that breaks a rule breaks a new user's first command."""

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

import demo
from encyclopedia.models import Article, Revision
from reviews.models import Submission

pytestmark = pytest.mark.django_db


@time_machine.travel(datetime.datetime(2026, 11, 27, 9, tzinfo=ZoneInfo("America/New_York")))
def test_the_demo_loads_through_the_workflow(capsys):
    call_command("load_demo")

    files = list((Path(demo.__file__).parent / "articles").glob("*.md"))
    assert f"Demo data loaded: {len(files)} articles." in capsys.readouterr().out
    assert Article.objects.count() == len(files)
    assert Article.objects.published().exists()
    waiting_corrections = Submission.objects.filter(
        kind=Revision.Kind.CORRECTION, state=Submission.State.OPEN
    )
    assert waiting_corrections.exists()
