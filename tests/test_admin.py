"""Every model has an admin page, with its history, and each opens for an administrator."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.encyclopedia.factories import published_article

pytestmark = pytest.mark.django_db

OUR_APPS = {"accounts", "encyclopedia", "reviews", "core", "api", "transfer"}
HISTORY_ONLY = {"historical"}  # simple-history's own models are shown through their parents


def our_models():
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in OUR_APPS
        and not model._meta.model_name.startswith(tuple(HISTORY_ONLY))
        and not model._meta.auto_created
    ]


def test_every_model_has_an_admin():
    missing = [model._meta.label for model in our_models() if model not in admin.site._registry]
    assert missing == []


def test_every_admin_list_and_history_page_opens(client, maria, cardiology):
    published_article(author=maria, specialty=cardiology)
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))

    for model in our_models():
        meta = model._meta
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        assert client.get(changelist).status_code == 200, changelist
        first = model.objects.first()
        if first is not None and hasattr(admin.site._registry[model], "history_view"):
            history = reverse(f"admin:{meta.app_label}_{meta.model_name}_history", args=[first.pk])
            assert client.get(history).status_code == 200, history


@pytest.mark.parametrize(
    ("model", "row"),
    [
        ("outgoingemail", {"to": "okafor@example.org", "subject": "A review", "body": "…"}),
        ("outgoingcall", {"url": "https://cdn.example/purge", "payload": {"urls": ["/"]}}),
    ],
)
def test_an_administrator_queues_a_failed_delivery_again(client, model, row):
    from core.models import Delivery, OutgoingCall, OutgoingEmail

    model_class = {"outgoingemail": OutgoingEmail, "outgoingcall": OutgoingCall}[model]
    failed = model_class.objects.create(status=Delivery.Status.FAILED, attempts=8, **row)
    sent = model_class.objects.create(status=Delivery.Status.SENT, sent_at=failed.created_at, **row)
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))

    response = client.post(
        reverse(f"admin:core_{model}_changelist"),
        {"action": "deliver_again", "_selected_action": [failed.pk, sent.pk]},
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == [
        "1 of the 2 ticked queued to go again."
    ]
    failed.refresh_from_db()
    sent.refresh_from_db()
    assert (failed.status, failed.attempts) == (Delivery.Status.QUEUED, 0)
    assert sent.status == Delivery.Status.SENT
