"""Revisions: an article's revisions, one revision, its comparison with the live page,
and the editor's workflow actions on it."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.roles import Role
from api import inputs, selectors
from api.inputs import cleaned
from api.pagination import (
    RevisionPagination,
)
from api.schema import STALE_DRAFT, errors
from api.serializers import (
    ComparisonSerializer,
    RebaseResultSerializer,
    RevisionSerializer,
    RevisionSummarySerializer,
)
from api.views.common import (
    ARTICLE_NUMBER,
    REVISION_ID,
    StetView,
    revision_data,
)
from encyclopedia import services as content
from encyclopedia.models import Article, Revision
from reviews import selectors as review_selectors
from reviews import services
from reviews.diffs import compare_revisions


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
        return Response(revision_data(draft.pk), status=status.HTTP_201_CREATED)


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
        return Response(revision_data(revision_id))

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
            public_note=values["public_note"],
        )
        return Response(revision_data(revision_id))


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
        return Response(revision_data(revision_id))


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
        return Response(revision_data(revision_id))


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
        return Response(revision_data(revision_id))


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
        return Response(revision_data(revision_id))


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
        return Response({"conflicts": result.conflicts, "revision": revision_data(revision_id)})
