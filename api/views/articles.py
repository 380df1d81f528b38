"""Articles: the list with its filters, one article, and its live page."""

from django.db.models import Prefetch
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied as RoleRefused
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.roles import Role
from api import inputs, selectors
from api.exceptions import Gone
from api.inputs import cleaned
from api.pagination import (
    ArticlePagination,
)
from api.schema import errors
from api.serializers import (
    ArticleSerializer,
    LivePageSerializer,
)
from api.views.common import (
    ARTICLE_NUMBER,
    StetView,
)
from encyclopedia.models import Article, Reference, Section
from reviews import services


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
