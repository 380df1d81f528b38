"""The review policy (intervals, windows, reminders, escalation, per-specialty intervals)
and retiring an article (after a confirmation saying what it will do)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts import security
from accounts.decorators import role_required
from accounts.models import AccountPolicy
from accounts.roles import Role
from core.pages import attempt
from encyclopedia import services as content
from encyclopedia.models import Article, ReviewPolicy, SpecialtyReviewInterval
from reviews import consequences, services
from reviews.forms import (
    AccountPolicyForm,
    PolicyForm,
    SpecialtyIntervalForm,
)
from reviews.views.confirming import Carried, confirmed_action


@role_required(Role.EDITORIAL_DIRECTOR)
def policy(request: HttpRequest) -> HttpResponse:
    current = ReviewPolicy.current()
    form = PolicyForm(request.POST or None, instance=current, prefix="policy")
    interval_form = SpecialtyIntervalForm(prefix="interval")
    account_form = AccountPolicyForm(instance=AccountPolicy.current(), prefix="account")
    if request.method == "POST" and "account-idle_timeout_minutes" in request.POST:
        account_form = AccountPolicyForm(
            request.POST, instance=AccountPolicy.current(), prefix="account"
        )
        if account_form.is_valid():
            attempt(
                request,
                lambda: security.account_policy_update(
                    user=request.user, **account_form.cleaned_data
                ),
                "Account policy saved: it applies from each person's next sign-in.",
            )
            return redirect("reviews:policy")
        form = PolicyForm(instance=current, prefix="policy")
    elif request.method == "POST" and "interval-specialty" in request.POST:
        interval_form = SpecialtyIntervalForm(request.POST, prefix="interval")
        if interval_form.is_valid():
            attempt(
                request,
                lambda: content.specialty_interval_set(
                    user=request.user,
                    specialty=interval_form.cleaned_data["specialty"],
                    interval_months=interval_form.cleaned_data["interval_months"],
                ),
                "Specialty interval saved; its articles are rescheduled.",
            )
            return redirect("reviews:policy")
    elif request.method == "POST" and form.is_valid():
        attempt(
            request,
            lambda: content.review_policy_update(user=request.user, **form.cleaned_data),
            "Review policy saved.",
        )
        return redirect("reviews:policy")
    return render(
        request,
        "reviews/policy.html",
        {
            "form": form,
            "interval_form": interval_form,
            "account_form": account_form,
            "intervals": SpecialtyReviewInterval.objects.select_related("specialty"),
            "history": ReviewPolicy.history.select_related("history_user").order_by(
                "-history_date"
            )[:10],
        },
    )


@role_required(Role.EDITORIAL_DIRECTOR)
@require_POST
def article_retire(request: HttpRequest, number: str) -> HttpResponse:
    article = get_object_or_404(Article, number=number)
    return confirmed_action(
        request,
        plan=lambda: consequences.retire(article=article, viewer=request.user),
        action=lambda: services.article_retire(
            article=article, director=request.user, reason=request.POST.get("reason", "")
        ),
        success="Article retired: its page now answers 410 Gone.",
        back=reverse("reviews:article-history", args=[number]),
        back_label=f"Article {number}",
        carried=(Carried("reason", "Why it is retired (recorded)", required=True),),
    )
