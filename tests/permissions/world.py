"""Every URL of Stet, with real ids to fill it, and one person per kind of visitor:
what the permission matrix (test_matrix.py) walks."""

import datetime

from django.contrib.admin.sites import site as admin_site

from api.services import api_token_create
from reviews import services
from reviews.feedback import feedback_submit
from reviews.models import ReviewCycle
from tests.accounts.factories import UserFactory, enrol_in_two_factor
from tests.encyclopedia.factories import superuser
from tests.permissions.matrix import Route
from tests.reviews.cycles.factories import assigned_cycle
from tests.reviews.factories import live_article, pending_step, submitted_revision
from transfer.models import ImportJob


def build_world(*, maria, okafor, lee, dugdale, brenda, charlie, cardiology) -> dict:
    """One of everything a URL can name, reachable by the people who should reach it."""
    article = live_article(specialty=cardiology, author=maria)
    in_review = submitted_revision(article, editor=maria, reviewer=okafor)
    step = pending_step(in_review)
    comment = services.comment_add(revision=in_review, author=maria, body="Check the dose.")
    due = live_article(specialty=cardiology, author=maria, title="Hypertension")
    due.last_reviewed_on = datetime.date(2023, 1, 2)
    due.save()
    cycle = assigned_cycle(due, to=okafor.user)
    admin = superuser()
    # So the admin's device pages have a device to show (someone who is not visiting:
    # an enrolled visitor would be asked for a code first).
    enrol_in_two_factor(UserFactory(username="enrolled"))
    job = ImportJob.objects.create(started_by=brenda, file_name="pages.zip")
    token = api_token_create(user=brenda, name="Reports").token
    report = feedback_submit(article=article, message="The dose looks out of date.")
    people = {
        "anonymous": None,
        "outsider": charlie,
        "editor": maria,
        "reviewer": okafor.user,
        "expired_reviewer": lee.user,
        "medical_director": dugdale.user,
        "editorial_director": brenda,
        "admin": admin,
    }
    values = {
        "number": article.number,
        "slug": article.slug,
        "revision_id": in_review.pk,
        "approval_id": step.pk,
        "comment_id": comment.pk,
        "cycle_id": cycle.pk,
        "feedback_id": report.pk,
        "job_id": job.pk,
        "token_id": token.pk,
        "pk": okafor.pk,
        "reviewer_id": okafor.pk,
        "table": "reviewers",
        "path": "no-such-endpoint/",
        "uidb64": "MQ",
        "token": "no-such-token",
    }
    assert ReviewCycle.objects.filter(pk=cycle.pk, assignee=okafor.user).exists()
    return {"people": people, "values": values}


def _admin_model(route: Route):
    _, name = route.name.split(":", 1)
    for model in admin_site._registry:
        if name.startswith(f"{model._meta.app_label}_{model._meta.model_name}_"):
            return model
    return None


def admin_object_id(route: Route) -> str:
    """For an admin URL naming an object: the first object of its model, or "0"."""
    model = _admin_model(route)
    if model is None:
        return "0"
    first = model._default_manager.order_by("pk").values_list("pk", flat=True).first()
    return str(first or 0)


def admin_url_args(route: Route) -> list[str]:
    """The positional parts of an admin URL (django-simple-history's page of one
    historical version: the object, then the version)."""
    if not route.name.endswith("_simple_history"):
        return []
    model = _admin_model(route)
    version = model.history.order_by("history_id").first() if model else None
    if version is None:
        return ["0", "0"]
    return [str(version.id), str(version.history_id)]
