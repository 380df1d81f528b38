"""The REST API, version 1: thin views over the same services as the editorial pages.

Each write validates its input (api.inputs), calls one service, and answers with the
changed resource. The services check every rule (who may sign, which state allows
what, stale drafts); their refusals become HTTP answers in api.exceptions.

Who may call what mirrors the pages: anonymous readers (and signed-in people without a
role) see what the public site shows, published articles' live content; the
editorial team reads everything else; each write needs the role its page needs.
"""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied as RoleRefused
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from accounts.models import Specialty
from accounts.roles import Role
from api import inputs, selectors
from api.authentication import is_token_request
from api.exceptions import Gone
from api.inputs import cleaned
from api.pagination import (
    ArticlePagination,
    CyclePagination,
    ReviewerPagination,
    RevisionPagination,
)
from api.permissions import SIGNERS, TEAM, is_team
from api.schema import STALE_DRAFT, errors
from api.serializers import (
    ArticleSerializer,
    ComparisonSerializer,
    DashboardSerializer,
    LivePageSerializer,
    MeSerializer,
    RebaseResultSerializer,
    ReviewCycleSerializer,
    ReviewerSerializer,
    RevisionSerializer,
    RevisionSummarySerializer,
    SpecialtySerializer,
    TopicSerializer,
)
from core.clock import today
from encyclopedia import services as content
from encyclopedia.models import Article, Reference, Revision, Section, Topic
from encyclopedia.schedule import ReviewWindow
from reporting import dashboard
from reviews import cycles as review_cycles
from reviews import selectors as review_selectors
from reviews import services
from reviews.diffs import compare_revisions
from reviews.models import Approval, ReviewCycle

ARTICLE_NUMBER = OpenApiParameter(
    "number", str, OpenApiParameter.PATH, pattern=r"^[0-9]{6}$", description="Six digits."
)


def _id(name: str, what: str) -> OpenApiParameter:
    return OpenApiParameter(name, int, OpenApiParameter.PATH, description=f"The {what}'s id.")


REVISION_ID = _id("revision_id", "revision")
APPROVAL_ID = _id("approval_id", "approval step")
CYCLE_ID = _id("cycle_id", "review cycle")
REVIEWER_ID = _id("reviewer_id", "reviewer")


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


def _revision_data(revision_id: int) -> dict:
    """A revision as the API shows it after a read or a workflow action."""
    revision = review_selectors.revision_get(revision_id=revision_id)
    if revision is None:
        raise Http404("No such revision.")
    submissions = review_selectors.submission_list_for(revision=revision)
    return RevisionSerializer(revision, context={"submissions": submissions}).data


def _cycle_data(cycle_id: int) -> dict:
    return ReviewCycleSerializer(
        selectors.cycle_get(cycle_id=cycle_id), context={"today": today()}
    ).data


# --- Who am I, and what is here ---------------------------------------------------------


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


# --- Articles ------------------------------------------------------------------------------


class ArticleListView(StetView):
    read_roles = None
    write_roles = (Role.EDITOR,)
    pagination_class = ArticlePagination
    input_class = inputs.ArticleCreateInput

    @extend_schema(
        summary="List articles",
        description="Published articles for everyone; every article for the editorial team. "
        "Ordered by number, in pages: follow `next` (a cursor) to the end.",
        parameters=[inputs.ArticleFilter],
        responses={200: ArticleSerializer(many=True), **errors(400, 403)},
    )
    def get(self, request: Request) -> Response:
        filters = cleaned(inputs.ArticleFilter(data=request.query_params))
        team = self.team()
        schedule_filters = set(inputs.ArticleFilter.SCHEDULE_FILTERS) & filters.keys()
        if schedule_filters and not team:
            raise RoleRefused(
                "Filtering by review schedule is for the editorial team.", code="wrong_role"
            )
        context = self.article_context()
        articles = selectors.article_list(public=not team, window=context["window"], **filters)
        page = self.paginate_queryset(articles)
        return self.get_paginated_response(ArticleSerializer(page, many=True, context=context).data)

    @extend_schema(
        summary="Create an article",
        description="A new article with its first draft (v1), as on the New article page. "
        "Write the draft with PUT /revisions/{id}/, then submit it for a full review.",
        responses={201: ArticleSerializer, **errors(400)},
    )
    def post(self, request: Request) -> Response:
        values = self.validated()
        article = services.article_create(
            editor=request.user,
            title=values["title"],
            specialty=values["specialty"],
            topics=values.get("topics", []),
            summary=values["summary"],
            number=values["number"],
            review_interval_months=values["review_interval_months"],
            sections=inputs.section_inputs(values.get("sections", [])),
            references=inputs.reference_inputs(values.get("references", [])),
        )
        article = selectors.article_get(number=article.number)
        body = ArticleSerializer(article, context=self.article_context()).data
        return Response(body, status=status.HTTP_201_CREATED)


class ArticleView(StetView):
    read_roles = None

    def article(self, number: str) -> Article:
        """The article, if this reader may see it: the public site shows published ones,
        404 for a draft and 410 for a retired one; the team sees them all."""
        article = selectors.article_get(number=number)
        if article is None or (not self.team() and article.status == Article.Status.DRAFT):
            raise Http404("No article with this number has been published.")
        if not self.team() and article.status == Article.Status.RETIRED:
            raise Gone()
        return article


class ArticleDetailView(ArticleView):
    @extend_schema(
        summary="Read an article",
        parameters=[ARTICLE_NUMBER],
        responses={200: ArticleSerializer, **errors(410)},
    )
    def get(self, request: Request, number: str) -> Response:
        article = self.article(number)
        return Response(ArticleSerializer(article, context=self.article_context()).data)


class ArticleLiveView(ArticleView):
    @extend_schema(
        summary="Read an article's live page",
        description="The live revision's sections and references, the Review Date and the "
        "credits: everything the public page prints.",
        parameters=[ARTICLE_NUMBER],
        responses={200: LivePageSerializer, **errors(410)},
    )
    def get(self, request: Request, number: str) -> Response:
        article = self.article(number)
        if article.live_revision_id is None:
            raise Http404("This article has no live version yet.")
        article = (
            Article.objects.select_related("live_revision")
            .prefetch_related(
                Prefetch("live_revision__sections", queryset=Section.objects.order_by("position")),
                Prefetch(
                    "live_revision__references", queryset=Reference.objects.order_by("position")
                ),
            )
            .get(pk=article.pk)
        )
        return Response(LivePageSerializer(LivePageSerializer.data_for(article)).data)


# --- Revisions -------------------------------------------------------------------------------


class ArticleRevisionsView(StetView):
    write_roles = (Role.EDITOR,)
    pagination_class = RevisionPagination
    input_class = inputs.StartDraftInput

    @extend_schema(
        summary="List an article's revisions",
        description="Newest first.",
        parameters=[ARTICLE_NUMBER],
        responses={200: RevisionSummarySerializer(many=True)},
    )
    def get(self, request: Request, number: str) -> Response:
        article = get_object_or_404(Article, number=number)
        page = self.paginate_queryset(selectors.revision_list_for(article=article))
        return self.get_paginated_response(RevisionSummarySerializer(page, many=True).data)

    @extend_schema(
        summary="Start a draft",
        description="A new draft of a published article, copying its live revision (or, "
        "with `source`, an earlier published one: a revert). The live page does not change.",
        parameters=[ARTICLE_NUMBER],
        responses={201: RevisionSerializer, **errors(400, 409)},
    )
    def post(self, request: Request, number: str) -> Response:
        article = get_object_or_404(Article, number=number)
        source = self.validated(article=article)["source"]
        draft = services.revision_start_draft(article=article, editor=request.user, source=source)
        return Response(_revision_data(draft.pk), status=status.HTTP_201_CREATED)


class RevisionDetailView(StetView):
    write_roles = (Role.EDITOR,)
    input_class = inputs.DraftInput

    @extend_schema(
        summary="Read a revision",
        description="Its content, state and approval chain (submissions, newest first).",
        parameters=[REVISION_ID],
        responses={200: RevisionSerializer},
    )
    def get(self, request: Request, revision_id: int) -> Response:
        return Response(_revision_data(revision_id))

    @extend_schema(
        summary="Save a draft",
        description="Replace the draft's title, summary, sections and references. Send the "
        "`edit_version` you read: if someone saved since, the save is refused with 409 "
        "`stale_version`, saying who and the current version; merge and send again.",
        parameters=[REVISION_ID],
        responses={200: RevisionSerializer, **errors(400), 409: STALE_DRAFT},
    )
    def put(self, request: Request, revision_id: int) -> Response:
        revision = get_object_or_404(Revision, pk=revision_id)
        values = self.validated()
        content.revision_save_draft(
            revision=revision,
            editor=request.user,
            expected_version=values["edit_version"],
            title=values["title"],
            summary=values["summary"],
            sections=inputs.section_inputs(values["sections"]),
            references=inputs.reference_inputs(values["references"]),
        )
        return Response(_revision_data(revision_id))


class RevisionCompareView(StetView):
    @extend_schema(
        summary="Compare two revisions",
        description="This revision against `against` (default: the live revision), section "
        "by section and reference by reference, with word-level diffs as HTML fragments.",
        parameters=[REVISION_ID, inputs.CompareQuery],
        responses={200: ComparisonSerializer, **errors(400)},
    )
    def get(self, request: Request, revision_id: int) -> Response:
        query = cleaned(inputs.CompareQuery(data=request.query_params))
        new = review_selectors.revision_get(revision_id=revision_id)
        if new is None:
            raise Http404("No such revision.")
        old_id = query.get("against", new.article.live_revision_id)
        old = review_selectors.revision_get(revision_id=old_id) if old_id else None
        if old_id and (old is None or old.article_id != new.article_id):
            raise ValidationError({"against": ["No revision of this article has that id."]})
        return Response(ComparisonSerializer(compare_revisions(old, new)).data)


class RevisionActionView(StetView):
    write_roles = (Role.EDITOR,)

    def revision(self, revision_id: int) -> Revision:
        return get_object_or_404(Revision, pk=revision_id)


class RevisionSubmitView(RevisionActionView):
    input_class = inputs.SubmitInput

    @extend_schema(
        summary="Submit a draft for review",
        description="Freezes the content and opens a fresh approval chain for its kind.",
        parameters=[REVISION_ID],
        responses={200: RevisionSerializer, **errors(400, 409)},
    )
    def post(self, request: Request, revision_id: int) -> Response:
        revision = self.revision(revision_id)
        values = self.validated()
        services.revision_submit(
            revision=revision,
            editor=request.user,
            kind=values["kind"],
            change_summary=values["change_summary"],
            reviewer=values["reviewer"],
        )
        return Response(_revision_data(revision_id))


class RevisionTakeBackView(RevisionActionView):
    input_class = inputs.NoteInput

    @extend_schema(
        summary="Take a revision back to draft",
        description="Out of review, to change it. Every sign-off already given is void.",
        parameters=[REVISION_ID],
        responses={200: RevisionSerializer, **errors(400, 409)},
    )
    def post(self, request: Request, revision_id: int) -> Response:
        revision = self.revision(revision_id)
        values = self.validated()
        services.revision_take_back(revision=revision, editor=request.user, note=values["note"])
        return Response(_revision_data(revision_id))


class RevisionPublishView(RevisionActionView):
    @extend_schema(
        summary="Publish an approved revision",
        description="The live page, its Review Date and credits change together. Other "
        "revisions still in review against the old live page are superseded.",
        parameters=[REVISION_ID],
        request=None,
        responses={200: RevisionSerializer, **errors(409)},
    )
    def post(self, request: Request, revision_id: int) -> Response:
        services.revision_publish(revision=self.revision(revision_id), editor=request.user)
        return Response(_revision_data(revision_id))


class RevisionWithdrawView(RevisionActionView):
    input_class = inputs.NoteInput

    @extend_schema(
        summary="Withdraw a revision",
        description="Its author abandons an unpublished revision.",
        parameters=[REVISION_ID],
        responses={200: RevisionSerializer, **errors(400, 409)},
    )
    def post(self, request: Request, revision_id: int) -> Response:
        revision = self.revision(revision_id)
        values = self.validated()
        services.revision_withdraw(revision=revision, editor=request.user, note=values["note"])
        return Response(_revision_data(revision_id))


class RevisionRebaseView(RevisionActionView):
    @extend_schema(
        summary="Rebase a draft onto the live revision",
        description="Replays the draft's changes onto the current live page (a three-way "
        "merge). Sign-offs given to the old text are void. Where both sides changed the "
        "same words the draft's text is kept and listed in `conflicts`.",
        parameters=[REVISION_ID],
        request=None,
        responses={200: RebaseResultSerializer, **errors(409)},
    )
    def post(self, request: Request, revision_id: int) -> Response:
        result = services.revision_rebase(revision=self.revision(revision_id), editor=request.user)
        return Response({"conflicts": result.conflicts, "revision": _revision_data(revision_id)})


# --- Sign-offs ----------------------------------------------------------------------------------


class ApprovalActionView(StetView):
    write_roles = SIGNERS

    def approval(self, approval_id: int) -> Approval:
        return get_object_or_404(Approval.objects.select_related("submission"), pk=approval_id)


class ApprovalApproveView(ApprovalActionView):
    input_class = inputs.ApproveInput

    @extend_schema(
        summary="Approve a step",
        description="Sign the step with the attestation. The last step's sign-off approves "
        "the revision for publishing. Refused (403) for a revision you wrote or edited "
        "(own_revision), a second step of one submission (already_signed), a step of "
        "another role (wrong_role) or assigned to someone else, and — on medical steps — "
        "without a valid licence, outside your specialty or with a declared conflict "
        "(reviewer_not_eligible).",
        parameters=[APPROVAL_ID],
        responses={200: RevisionSerializer, **errors(400, 409)},
    )
    def post(self, request: Request, approval_id: int) -> Response:
        approval = self.approval(approval_id)
        values = self.validated()
        services.approval_approve(
            approval=approval,
            signer=request.user,
            attested=values["attested"],
            comment=values["comment"],
            reviewed_whole_page=values["reviewed_whole_page"],
        )
        return Response(_revision_data(approval.submission.revision_id))


class ApprovalRequestChangesView(ApprovalActionView):
    input_class = inputs.DecisionAgainstInput

    @extend_schema(
        summary="Request changes",
        description="Send the revision back to its editors with what must change.",
        parameters=[APPROVAL_ID],
        responses={200: RevisionSerializer, **errors(400, 409)},
    )
    def post(self, request: Request, approval_id: int) -> Response:
        approval = self.approval(approval_id)
        values = self.validated()
        services.approval_request_changes(
            approval=approval, signer=request.user, comment=values["comment"]
        )
        return Response(_revision_data(approval.submission.revision_id))


class ApprovalRejectView(ApprovalActionView):
    input_class = inputs.DecisionAgainstInput

    @extend_schema(
        summary="Reject a revision",
        description="Refuse the revision for good; the editor can start a new draft.",
        parameters=[APPROVAL_ID],
        responses={200: RevisionSerializer, **errors(400, 409)},
    )
    def post(self, request: Request, approval_id: int) -> Response:
        approval = self.approval(approval_id)
        values = self.validated()
        services.approval_reject(approval=approval, signer=request.user, comment=values["comment"])
        return Response(_revision_data(approval.submission.revision_id))


# --- Review cycles ----------------------------------------------------------------------------


class CycleListView(StetView):
    pagination_class = CyclePagination

    @extend_schema(
        summary="List review cycles",
        description="Periodic re-reviews, most urgent first.",
        parameters=[inputs.CycleFilter],
        responses={200: ReviewCycleSerializer(many=True), **errors(400)},
    )
    def get(self, request: Request) -> Response:
        filters = cleaned(inputs.CycleFilter(data=request.query_params))
        page = self.paginate_queryset(selectors.cycle_list(**filters))
        data = ReviewCycleSerializer(page, many=True, context={"today": today()}).data
        return self.get_paginated_response(data)


class CycleDetailView(StetView):
    @extend_schema(
        summary="Read a review cycle", parameters=[CYCLE_ID], responses={200: ReviewCycleSerializer}
    )
    def get(self, request: Request, cycle_id: int) -> Response:
        get_object_or_404(ReviewCycle, pk=cycle_id)
        return Response(_cycle_data(cycle_id))


class CycleRecertifyView(StetView):
    write_roles = (Role.MEDICAL_REVIEWER,)
    input_class = inputs.RecertifyInput

    @extend_schema(
        summary="Re-certify an article",
        description="The assigned reviewer attests the live page is still accurate: the "
        "Review Date becomes today, the credit names them, the cycle completes. The pages "
        "ask for the password again before this sign-off; over the API the personal key "
        "(or the signed-in session with its CSRF token) is that re-authentication: a key "
        "belongs to one person, acts only with their roles, and is revocable at once.",
        parameters=[CYCLE_ID],
        responses={200: ReviewCycleSerializer, **errors(400, 409)},
    )
    def post(self, request: Request, cycle_id: int) -> Response:
        cycle = get_object_or_404(ReviewCycle, pk=cycle_id)
        values = self.validated()
        review_cycles.cycle_recertify(
            cycle=cycle, reviewer=request.user, attested=values["attested"]
        )
        return Response(_cycle_data(cycle_id))


class CycleAssignView(StetView):
    write_roles = (Role.EDITORIAL_DIRECTOR,)
    input_class = inputs.CycleAssignInput

    @extend_schema(
        summary="Assign a review cycle",
        description="Give an open cycle to a reviewer, by the scheduler's rules (licence, "
        "specialty, conflicts, capacity).",
        parameters=[CYCLE_ID],
        responses={200: ReviewCycleSerializer, **errors(400, 409)},
    )
    def post(self, request: Request, cycle_id: int) -> Response:
        cycle = get_object_or_404(ReviewCycle, pk=cycle_id)
        values = self.validated()
        review_cycles.cycles_assign(
            cycles=[cycle],
            reviewer=values["reviewer"].user,
            director=request.user,
            today=today(),
        )
        return Response(_cycle_data(cycle_id))


class CycleBulkAssignView(StetView):
    write_roles = (Role.EDITORIAL_DIRECTOR,)
    input_class = inputs.CycleBulkAssignInput

    @extend_schema(
        summary="Assign several review cycles",
        operation_id="cycles_assign_bulk",
        description="All or nothing: if the reviewer may not take one of them, none is assigned.",
        responses={200: ReviewCycleSerializer(many=True), **errors(400, 409)},
    )
    def post(self, request: Request) -> Response:
        values = self.validated()
        assigned = review_cycles.cycles_assign(
            cycles=values["cycles"],
            reviewer=values["reviewer"].user,
            director=request.user,
            today=today(),
        )
        cycles = selectors.cycle_list().filter(pk__in=[cycle.pk for cycle in assigned])
        body = ReviewCycleSerializer(
            cycles.order_by("due_on", "pk"), many=True, context={"today": today()}
        ).data
        return Response(body)


# --- Reviewers ---------------------------------------------------------------------------------


class ReviewerListView(StetView):
    pagination_class = ReviewerPagination

    @extend_schema(
        summary="List reviewers",
        description="Credentialed reviewers with their public credit fields.",
        parameters=[inputs.ReviewerFilter],
        responses={200: ReviewerSerializer(many=True), **errors(400)},
    )
    def get(self, request: Request) -> Response:
        filters = cleaned(inputs.ReviewerFilter(data=request.query_params))
        page = self.paginate_queryset(selectors.reviewer_list(**filters))
        return self.get_paginated_response(ReviewerSerializer(page, many=True).data)


class ReviewerDetailView(StetView):
    @extend_schema(
        summary="Read a reviewer", parameters=[REVIEWER_ID], responses={200: ReviewerSerializer}
    )
    def get(self, request: Request, reviewer_id: int) -> Response:
        reviewer = get_object_or_404(selectors.reviewer_list(), pk=reviewer_id)
        return Response(ReviewerSerializer(reviewer).data)


# --- The director's dashboard ------------------------------------------------------------


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
