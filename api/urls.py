"""/api/: the versioned REST API (v1), its OpenAPI schema and documentation, and the page
where people manage their API keys.

A later, incompatible version gets its own prefix (v2/) beside v1, which keeps working
while clients move over.
"""

from django.urls import include, path, re_path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny

from api import pages, views

app_name = "api"


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE"])
@permission_classes([AllowAny])
def not_found(request, path: str = ""):
    """Anything else under /api/v1/: a 404 in the API's error shape, not an HTML page."""
    raise NotFound("There is no such API endpoint.")


v1 = [
    path("", views.ApiRootView.as_view(), name="root"),
    path("me/", views.MeView.as_view(), name="me"),
    path("specialties/", views.SpecialtyListView.as_view(), name="specialties"),
    path("topics/", views.TopicListView.as_view(), name="topics"),
    path("articles/", views.ArticleListView.as_view(), name="articles"),
    re_path(
        r"^articles/(?P<number>[0-9]{6})/$",
        views.ArticleDetailView.as_view(),
        name="article",
    ),
    re_path(
        r"^articles/(?P<number>[0-9]{6})/live/$",
        views.ArticleLiveView.as_view(),
        name="article-live",
    ),
    re_path(
        r"^articles/(?P<number>[0-9]{6})/revisions/$",
        views.ArticleRevisionsView.as_view(),
        name="article-revisions",
    ),
    path("revisions/<int:revision_id>/", views.RevisionDetailView.as_view(), name="revision"),
    path(
        "revisions/<int:revision_id>/compare/",
        views.RevisionCompareView.as_view(),
        name="revision-compare",
    ),
    path(
        "revisions/<int:revision_id>/submit/",
        views.RevisionSubmitView.as_view(),
        name="revision-submit",
    ),
    path(
        "revisions/<int:revision_id>/take-back/",
        views.RevisionTakeBackView.as_view(),
        name="revision-take-back",
    ),
    path(
        "revisions/<int:revision_id>/publish/",
        views.RevisionPublishView.as_view(),
        name="revision-publish",
    ),
    path(
        "revisions/<int:revision_id>/withdraw/",
        views.RevisionWithdrawView.as_view(),
        name="revision-withdraw",
    ),
    path(
        "revisions/<int:revision_id>/rebase/",
        views.RevisionRebaseView.as_view(),
        name="revision-rebase",
    ),
    path(
        "approvals/<int:approval_id>/approve/",
        views.ApprovalApproveView.as_view(),
        name="approval-approve",
    ),
    path(
        "approvals/<int:approval_id>/request-changes/",
        views.ApprovalRequestChangesView.as_view(),
        name="approval-request-changes",
    ),
    path(
        "approvals/<int:approval_id>/reject/",
        views.ApprovalRejectView.as_view(),
        name="approval-reject",
    ),
    path("cycles/", views.CycleListView.as_view(), name="cycles"),
    path("cycles/assign/", views.CycleBulkAssignView.as_view(), name="cycles-assign"),
    path("cycles/<int:cycle_id>/", views.CycleDetailView.as_view(), name="cycle"),
    path(
        "cycles/<int:cycle_id>/recertify/",
        views.CycleRecertifyView.as_view(),
        name="cycle-recertify",
    ),
    path("cycles/<int:cycle_id>/assign/", views.CycleAssignView.as_view(), name="cycle-assign"),
    path("reviewers/", views.ReviewerListView.as_view(), name="reviewers"),
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("reviewers/<int:reviewer_id>/", views.ReviewerDetailView.as_view(), name="reviewer"),
    re_path(r"^(?P<path>.*)$", not_found, name="not-found"),
]

urlpatterns = [
    path("v1/", include(v1)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", pages.docs, name="docs"),
    path("tokens/", pages.tokens, name="tokens"),
    path("tokens/<int:token_id>/revoke/", pages.token_revoke, name="token-revoke"),
]
