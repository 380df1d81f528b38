"""The director's dashboard figures."""

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.roles import Role
from api.serializers import (
    DashboardSerializer,
)
from api.views.common import (
    StetView,
)
from core.clock import today
from reporting import dashboard


class DashboardView(StetView):
    read_roles = (Role.EDITORIAL_DIRECTOR,)

    @extend_schema(
        summary="The review dashboard's figures",
        description="Published, current, due soon, overdue and never-reviewed articles; "
        "unassigned reviews; revisions waiting; overdue by age, by specialty and by "
        "reviewer. Editorial directors only.",
        responses={200: DashboardSerializer},
    )
    def get(self, request: Request) -> Response:
        day = today()
        specialties = dashboard.by_specialty(today=day)
        figures = dashboard.headline(today=day, specialties=specialties)
        data = {
            **figures,
            "day": day,
            "oldest_wait_since": figures["oldest_wait"],
            "overdue_by_age": {name: figures[name] for name in dashboard.BUCKETS},
            "by_specialty": specialties,
            "by_reviewer": dashboard.by_reviewer(today=day),
        }
        return Response(DashboardSerializer(data).data)
