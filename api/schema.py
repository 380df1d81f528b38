"""The OpenAPI description: error bodies, authentication schemes, and the error responses
every operation can give, added in one place so no view forgets to document them."""

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers
from rest_framework.permissions import SAFE_METHODS


class ErrorSerializer(serializers.Serializer):
    code = serializers.CharField(
        help_text="Stable and machine-readable: not_authenticated, token_revoked, wrong_role, "
        "own_revision, already_signed, reviewer_not_eligible, not_author, not_found, "
        "invalid_transition, live_revision_changed, stale_version, throttled…"
    )
    detail = serializers.CharField(help_text="For people: what was refused and why.")


class ValidationErrorSerializer(ErrorSerializer):
    pass


# `fields` cannot be declared in a class body (it is the serializer's own attribute).
ValidationErrorSerializer._declared_fields["fields"] = serializers.DictField(
    help_text="Field name → list of messages; nested lists and objects follow the shape of "
    'the input, list items by position (e.g. {"sections": {"1": {"body": ["…"]}}}). '
    "Errors not about one field are "
    "under non_field_errors."
)


class StaleDraftErrorSerializer(ErrorSerializer):
    current_edit_version = serializers.IntegerField(
        help_text="The draft's edit_version now: merge, then save with this one."
    )
    changed_by = serializers.CharField(help_text="Who saved the draft last.")
    changed_at = serializers.DateTimeField()


class ThrottledErrorSerializer(ErrorSerializer):
    retry_after = serializers.IntegerField(required=False, help_text="Seconds to wait.")


ERRORS = {
    400: OpenApiResponse(
        ValidationErrorSerializer, "Invalid input: `fields` says what is wrong with which value."
    ),
    401: OpenApiResponse(
        ErrorSerializer, "Not signed in, or the API key is unknown or revoked (`code`)."
    ),
    403: OpenApiResponse(
        ErrorSerializer,
        "Refused by a rule; `code` says which (wrong_role, own_revision, already_signed, "
        "reviewer_not_eligible, assigned_to_someone_else, not_author, csrf_failed…).",
    ),
    404: OpenApiResponse(ErrorSerializer, "No such article, revision, step or cycle."),
    409: OpenApiResponse(
        ErrorSerializer,
        "Not possible in the current state (invalid_transition, live_revision_changed…).",
    ),
    410: OpenApiResponse(ErrorSerializer, "The article was retired (code retired)."),
    413: OpenApiResponse(
        ErrorSerializer, "The body is larger than the site accepts (code too_large)."
    ),
    429: OpenApiResponse(ThrottledErrorSerializer, "Too many requests: wait and retry."),
}
STALE_DRAFT = OpenApiResponse(
    StaleDraftErrorSerializer,
    "Someone saved the draft since you read it (stale_version), or it is not editable now "
    "(invalid_transition).",
)


def errors(*codes: int) -> dict:
    """The documented error responses for `codes`, to merge into extend_schema(responses=…)."""
    return {code: ERRORS[code] for code in codes}


class StetAutoSchema(AutoSchema):
    """drf-spectacular's schema, plus what Stet's views share: who may call an operation
    anonymously, and the 401/403/404/429 answers that any operation can give."""

    def _roles(self):
        attribute = "read_roles" if self.method in SAFE_METHODS else "write_roles"
        return getattr(self.view, attribute, ())

    def get_auth(self):
        auths = super().get_auth()
        if self._roles() is None and {} not in auths:
            auths.append({})  # anonymous readers too
        return auths

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        defaults = [429]
        if self._roles() is not None:
            defaults += [401, 403]
        if "{" in self.path:
            defaults.append(404)
        if self.method in ("POST", "PUT"):
            defaults.append(413)
        for code in defaults:
            if str(code) not in responses:
                responses[str(code)] = self._get_response_for_code(
                    ERRORS[code], str(code), direction=direction
                )
        return dict(sorted(responses.items()))


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API key from /api/tokens/, sent as "
            "`Authorization: Bearer <key>` (or `Authorization: Token <key>`). "
            "The key acts with its owner's roles.",
        }


class SessionScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.CsrfCheckedSessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "cookie",
            "name": settings.SESSION_COOKIE_NAME,
            "description": "The browser session of someone signed in to Stet. Writes also "
            "need the CSRF token in the X-CSRFToken header.",
        }
