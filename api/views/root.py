"""Who am I, and what is here: the API root, the caller, specialties and topics."""

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from accounts.models import Specialty
from api.authentication import is_token_request
from api.serializers import (
    MeSerializer,
    SpecialtySerializer,
    TopicSerializer,
)
from api.views.common import (
    StetView,
)
from encyclopedia.models import Topic


class ApiRootView(APIView):
    """The API's entry points."""

    read_roles = None

    @extend_schema(exclude=True)
    def get(self, request: Request) -> Response:
        names = ["me", "articles", "cycles", "reviewers", "specialties", "topics"]
        links = {name: reverse(f"api:{name}", request=request) for name in names}
        links["schema"] = reverse("api:schema", request=request)
        links["docs"] = reverse("api:docs", request=request)
        return Response(links)


class MeView(StetView):
    # Anyone signed in may ask who they are, with a role or without.
    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: MeSerializer}, summary="Who the request acts as")
    def get(self, request: Request) -> Response:
        by = "token" if is_token_request(request) else "session"
        return Response(MeSerializer(request.user, context={"authenticated_by": by}).data)


class SpecialtyListView(StetView):
    """Every clinical specialty (for filters and for creating articles)."""

    read_roles = None

    @extend_schema(responses={200: SpecialtySerializer(many=True)})
    def get(self, request: Request) -> Response:
        return Response(SpecialtySerializer(Specialty.objects.order_by("name"), many=True).data)


class TopicListView(StetView):
    """Every topic (subjects that cut across specialties)."""

    read_roles = None

    @extend_schema(responses={200: TopicSerializer(many=True)})
    def get(self, request: Request) -> Response:
        return Response(TopicSerializer(Topic.objects.order_by("name"), many=True).data)
