"""A person's own security pages: two-factor sign-in (enrol an authenticator, give the
code after the password, recovery codes), signing out everywhere, and their recent
security events."""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import security
from accounts.models import AccountPolicy, SecurityEvent
from accounts.sessions import two_factor_done
from core.errors import DomainError
from core.pages import next_page


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        help_text="The six digits your authenticator app shows now, or one of your recovery codes.",
    )


def _next(request: HttpRequest) -> str:
    return next_page(request, reverse("accounts:home"))


def _qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode("utf-8")


@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app: scan the code (or type the key), then give its first
    code; the recovery codes are shown once."""
    device_id = request.session.get("stet_enrolling")
    device = TOTPDevice.objects.filter(pk=device_id, user=request.user, confirmed=False).first()
    form = CodeForm(request.POST or None)
    if request.method == "POST" and device is not None and form.is_valid():
        try:
            codes = security.two_factor_confirm(
                user=request.user, device=device, code=form.cleaned_data["code"]
            )
        except DomainError as refusal:
            messages.error(request, refusal.message)
        else:
            otp_login(request, device)
            two_factor_done(request=request)
            del request.session["stet_enrolling"]
            return render(
                request,
                "accounts/two_factor_codes.html",
                {"codes": codes, "next": _next(request)},
            )
    if device is None:
        device = security.two_factor_start(user=request.user)
        request.session["stet_enrolling"] = device.pk
    required = AccountPolicy.current().requires_two_factor(request.user)
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr": mark_safe(_qr_svg(device.config_url)),
            "secret": _base32(device),
            "required": required,
            "enrolled": security.two_factor_enrolled(request.user),
            "next": _next(request),
        },
    )


def _base32(device: TOTPDevice) -> str:
    """The key as an authenticator app asks for it when it is typed in, in groups of 4."""
    key = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """After the password: the one-time code, before anything else."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, "".join(form.cleaned_data["code"].split()))
        if device is None:
            security.security_event_record(
                action=SecurityEvent.Action.LOGIN_FAILED,
                user=request.user,
                note="Wrong one-time code",
            )
            messages.error(request, "That code is not right. Enter the code the app shows now.")
        else:
            otp_login(request, device)
            two_factor_done(request=request)
            return redirect(_next(request))
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next(request)}
    )


@login_required
def security_page(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/security.html",
        {
            "enrolled": security.two_factor_enrolled(request.user),
            "required": AccountPolicy.current().requires_two_factor(request.user),
            "events": SecurityEvent.objects.filter(user=request.user)[:20],
        },
    )


@login_required
@require_POST
def recovery_codes_new(request: HttpRequest) -> HttpResponse:
    if not security.two_factor_enrolled(request.user):
        messages.error(request, "Enrol an authenticator app first.")
        return redirect("accounts:security")
    codes = security.recovery_codes_replace(user=request.user)
    return render(
        request, "accounts/two_factor_codes.html", {"codes": codes, "next": "/accounts/security/"}
    )


@login_required
@require_POST
def logout_everywhere(request: HttpRequest) -> HttpResponse:
    security.sessions_end_everywhere(user=request.user)
    logout(request)
    messages.success(request, "You are signed out on every device, this one included.")
    return redirect("accounts:login")
