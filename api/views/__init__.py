"""The REST API, version 1: thin views over the same services as the editorial pages.

Each write validates its input (api.inputs), calls one service, and answers with the
changed resource. The services check every rule (who may sign, which state allows
what, stale drafts); their refusals become HTTP answers in api.exceptions.

Who may call what mirrors the pages: anonymous readers (and signed-in people without a
role) see what the public site shows, published articles' live content; the
editorial team reads everything else; each write needs the role its page needs.
"""

from api.views.articles import (
    ArticleDetailView,
    ArticleListView,
    ArticleLiveView,
    ArticleView,
)
from api.views.cycles import (
    CycleAssignView,
    CycleBulkAssignView,
    CycleDetailView,
    CycleListView,
    CycleRecertifyView,
)
from api.views.dashboard import (
    DashboardView,
)
from api.views.reviewers import (
    ReviewerDetailView,
    ReviewerListView,
)
from api.views.revisions import (
    ArticleRevisionsView,
    RevisionActionView,
    RevisionCompareView,
    RevisionDetailView,
    RevisionPublishView,
    RevisionRebaseView,
    RevisionSubmitView,
    RevisionTakeBackView,
    RevisionWithdrawView,
)
from api.views.root import (
    ApiRootView,
    MeView,
    SpecialtyListView,
    TopicListView,
)
from api.views.signoffs import (
    ApprovalActionView,
    ApprovalApproveView,
    ApprovalRejectView,
    ApprovalRequestChangesView,
)

__all__ = [
    "ApiRootView",
    "ApprovalActionView",
    "ApprovalApproveView",
    "ApprovalRejectView",
    "ApprovalRequestChangesView",
    "ArticleDetailView",
    "ArticleListView",
    "ArticleLiveView",
    "ArticleRevisionsView",
    "ArticleView",
    "CycleAssignView",
    "CycleBulkAssignView",
    "CycleDetailView",
    "CycleListView",
    "CycleRecertifyView",
    "DashboardView",
    "MeView",
    "ReviewerDetailView",
    "ReviewerListView",
    "RevisionActionView",
    "RevisionCompareView",
    "RevisionDetailView",
    "RevisionPublishView",
    "RevisionRebaseView",
    "RevisionSubmitView",
    "RevisionTakeBackView",
    "RevisionWithdrawView",
    "SpecialtyListView",
    "TopicListView",
]
