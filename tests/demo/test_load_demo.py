"""`make run` loads the demo encyclopedia through the services, so every rule of the
workflow applies to it: a demo that breaks a rule breaks a new user's first command."""

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

import demo
from core.clock import today
from encyclopedia.models import Article, Revision
from encyclopedia.readability import readability_for
from encyclopedia.reference_checks import reference_checks_for
from encyclopedia.selectors import correction_list_for_reader
from reviews.models import ReaderFeedback, ReviewCycle, Submission
from reviews.statements import cited_in_live, evidence_for

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

    # What a signer sees beside the text, each shown by the demo.
    afib = Article.objects.get(title="Atrial fibrillation")
    cycle = ReviewCycle.objects.get(article=afib, origin=ReviewCycle.Origin.OUT_OF_CYCLE)
    highlighted = cited_in_live(cycle)
    assert highlighted.numbers == (4,)
    assert [s.text for s in highlighted.statements] == [
        "The newer medicines do not, but their doses may need adjusting for age, body "
        "weight, and kidney function [4]."
    ]
    draft = afib.revisions.get(state=Revision.State.IN_REVIEW)
    assert evidence_for(draft, live=afib.live_revision).unsupported
    assert readability_for(draft).enough_text
    heart_failure = Article.objects.get(title="Heart failure").live_revision
    checks = {
        c.reference.doi: c for c in reference_checks_for(revision=heart_failure, today=today())
    }
    flagged = checks["10.5555/stet.demo.2019.0087"]
    assert flagged.age.too_old and flagged.link.is_broken

    # The reader's voice: a report that opened a review, one resolved, one waiting.
    reports = {r.article.title: r for r in ReaderFeedback.objects.select_related("article")}
    assert reports["Migraine"].cycle.origin == ReviewCycle.Origin.OUT_OF_CYCLE
    assert reports["Migraine"].replies.get().email.to == "lee.reader@example.org"
    assert reports["Asthma"].state == ReaderFeedback.State.RESOLVED
    assert reports["Asthma"].first_response_at - reports["Asthma"].submitted_at == (
        datetime.timedelta(hours=2)
    )
    assert reports["Eczema"].state == ReaderFeedback.State.NEW

    # A correction readers are told of, on the page it corrected.
    asthma = Article.objects.get(title="Asthma")
    [correction] = correction_list_for_reader(article=asthma)
    assert "asthma action plan" in correction.public_note
