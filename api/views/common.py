"""What every API view shares: the role rules per view, input validation, the path
parameters, and how a revision or a cycle is shown after an action."""

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request

from accounts import security
from accounts.models import Reauthentication
from accounts.roles import Role
from api import selectors
from api.authentication import is_token_request
from api.permissions import TEAM, is_team
from api.serializers import (
    ReviewCycleSerializer,
    RevisionSerializer,
)
from core.clock import today
from encyclopedia.schedule import ReviewWindow
from reviews import selectors as review_selectors

ARTICLE_NUMBER = OpenApiParameter(
    "number", str, OpenApiParameter.PATH, pattern=r"^[0-9]{6}$", description="Six digits."
)


def path_id(name: str, what: str) -> OpenApiParameter:
    return OpenApiParameter(name, int, OpenApiParameter.PATH, description=f"The {what}'s id.")


REVISION_ID = path_id("revision_id", "revision")
APPROVAL_ID = path_id("approval_id", "approval step")
CYCLE_ID = path_id("cycle_id", "review cycle")
REVIEWER_ID = path_id("reviewer_id", "reviewer")


# Read by the editorial team, written by no one, unless a view says otherwise. (A
# comment, not a docstring: the schema would print it on every operation.)
class StetView(GenericAPIView):
    read_roles: tuple[Role, ...] | None = TEAM
    write_roles: tuple[Role, ...] | None = ()
    pagination_class = None
    # What a write accepts (api.inputs). The schema documents it as the request body, and
    # the browsable API's JSON form starts from its defaults.
    input_class: type[serializers.Serializer] = serializers.Serializer

    def get_serializer_class(self) -> type[serializers.Serializer]:
        return self.input_class

    def validated(self, **context) -> dict:
        """The request's body, validated by `input_class` (a 400 with field errors if not)."""
        data = self.input_class(data=self.request.data, context=context)
        data.is_valid(raise_exception=True)
        return data.validated_data

    def team(self) -> bool:
        return is_team(self.request.user)

    def article_context(self) -> dict:
        return {"window": ReviewWindow.on(today()), "team": self.team()}


def revision_data(revision_id: int) -> dict:
    """A revision as the API shows it after a read or a workflow action."""
    revision = review_selectors.revision_get(revision_id=revision_id)
    if revision is None:
        raise Http404("No such revision.")
    submissions = review_selectors.submission_list_for(revision=revision)
    return RevisionSerializer(revision, context={"submissions": submissions}).data


def cycle_data(cycle_id: int) -> dict:
    return ReviewCycleSerializer(
        selectors.cycle_get(cycle_id=cycle_id), context={"today": today()}
    ).data


def signing_proof(request: Request, values: dict) -> Reauthentication:
    """The signer's proof for a signature made through the API: the credentials in the
    body, or a re-authentication with the same key (or session) within the policy's
    window; else 403 `reauthentication_required`."""
    if is_token_request(request):
        channel = security.channel_of_token(request.auth.pk)
    else:
        channel = security.channel_of_session(request.session.session_key)
    return security.signing_proof(
        user=request.user,
        channel=channel,
        credentials=security.Credentials(password=values["password"], code=values["otp_code"]),
    )
