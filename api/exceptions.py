"""One place that turns every refusal into an HTTP answer with a stable body.

    {"code": "own_revision", "detail": "You wrote or edited this revision, …"}

plus "fields" on a 400 (what is wrong with which input). The services raise
core.errors.DomainError and its subclasses; this handler decides their status:

- PermissionDenied (a rule about who)          → 403, with the service's code
- InvalidTransition, StaleVersion (about state) → 409 (a stale draft also says who
  changed it and its current edit_version)
- any other DomainError (a rule about the input: no attestation, no comment, a
  number already taken…)                       → 400, on the field it concerns
- django ValidationError from a model's full_clean → 400 with its field errors
- a body past API_MAX_BODY_BYTES (a 30 MB paste) → 413, before it is parsed
- the database unreachable or timing out → 503 `database_unavailable` (nothing saved)

DRF's own exceptions (bad JSON, 401, 404, 405, 429…) keep their status and get the same
body. Anything else is a bug and stays a 500.
"""

import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError, OperationalError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler

from core.errors import (
    DATABASE_AWAY,
    DomainError,
    InvalidTransition,
    PermissionDenied,
    StaleVersion,
)
from encyclopedia.models import PublishedRevisionImmutable
from encyclopedia.services import StaleDraft

logger = logging.getLogger(__name__)

NON_FIELD = api_settings.NON_FIELD_ERRORS_KEY

# The input field a service's refusal is about (the services name no fields).
DOMAIN_ERROR_FIELDS = {
    "attestation_required": "attested",
    "warnings_not_acknowledged": "acknowledged_warnings",
    "comment_required": "comment",
    "number_taken": "number",
    "full_review_required": "kind",
    "medical_step_required": "kind",
    "no_sections": "sections",
    "reason_required": "reason",
    "name_required": "name",
}


class Gone(exceptions.APIException):
    """The page was retired: the public site answers 410 for it, and so does the API."""

    status_code = status.HTTP_410_GONE
    default_detail = "This article was retired."
    default_code = "retired"


def error_body(code: str, detail: str, **extra) -> dict:
    return {"code": code, "detail": detail, **extra}


def api_exception_handler(exc: Exception, context: dict) -> Response | None:
    if isinstance(exc, DomainError):
        return _domain_error_response(exc)
    if isinstance(exc, DjangoValidationError):
        fields = exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD: exc.messages}
        return Response(
            error_body("invalid", " ".join(exc.messages), fields=fields),
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, OperationalError | InterfaceError):
        logger.exception("Database failure in the API")
        # The service's transaction rolled back whole: the call can simply be repeated.
        return Response(
            error_body("database_unavailable", DATABASE_AWAY),
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": "5"},
        )
    if isinstance(exc, RequestDataTooBig):
        # Refused unread (api.parsers, or Django past DATA_UPLOAD_MAX_MEMORY_SIZE);
        # without this it would answer an HTML 400.
        megabytes = settings.API_MAX_BODY_BYTES // (1024 * 1024)
        return Response(
            error_body("too_large", f"The request body is larger than {megabytes} MB."),
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        fields = response.data if isinstance(response.data, dict) else {NON_FIELD: response.data}
        response.data = error_body(
            "invalid", "The request has invalid or missing values.", fields=fields
        )
        return response
    detail = response.data.get("detail", "") if isinstance(response.data, dict) else ""
    code = getattr(detail, "code", None) or getattr(exc, "default_code", "error")
    extra = {}
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        extra["retry_after"] = int(exc.wait)
    response.data = error_body(str(code), str(detail), **extra)
    return response


def _domain_error_response(exc: DomainError) -> Response:
    if isinstance(exc, StaleDraft):
        revision = exc.revision
        body = error_body(
            exc.code,
            exc.message,
            current_edit_version=revision.edit_version,
            changed_by=str(exc.changed_by),
            changed_at=revision.updated_at.isoformat(),
        )
        return Response(body, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, PermissionDenied):
        return Response(error_body(exc.code, exc.message), status=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, InvalidTransition | StaleVersion | PublishedRevisionImmutable):
        return Response(error_body(exc.code, exc.message), status=status.HTTP_409_CONFLICT)
    field = DOMAIN_ERROR_FIELDS.get(exc.code, NON_FIELD)
    return Response(
        error_body(exc.code, exc.message, fields={field: [exc.message]}),
        status=status.HTTP_400_BAD_REQUEST,
    )
