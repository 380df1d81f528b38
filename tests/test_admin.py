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
