"""Reviewers and their public credit fields."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from api import inputs, selectors
from api.inputs import cleaned
from api.pagination import (
    ReviewerPagination,
)
from api.schema import errors
from api.serializers import (
    ReviewerSerializer,
)
from api.views.common import (
    REVIEWER_ID,
    StetView,
)


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
