"""Periodic review cycles: the list, one cycle, re-certification and assignment."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.roles import Role
from api import inputs, selectors
from api.inputs import cleaned
from api.pagination import (
    CyclePagination,
)
from api.schema import errors
from api.serializers import (
    ReviewCycleSerializer,
)
from api.views.common import (
    CYCLE_ID,
    StetView,
    cycle_data,
    signing_proof,
)
from core.clock import today
from reviews import cycles as review_cycles
from reviews.models import ReviewCycle


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
        return Response(cycle_data(cycle_id))


class CycleRecertifyView(StetView):
    write_roles = (Role.MEDICAL_REVIEWER,)
    input_class = inputs.RecertifyInput

    @extend_schema(
        summary="Re-certify an article",
        description="The assigned reviewer attests the live page is still accurate, as "
        "the first sign-off of the re-certification's chain; once every step is signed "
        "the Review Date becomes that day and the credits name the signers. "
        "Every signature is re-authenticated: send `password` (and `otp_code` where the "
        "signer enrolled two-factor sign-in), or sign within a few minutes of an earlier signature "
        "that did, with the same key; otherwise 403 `reauthentication_required`.",
        parameters=[CYCLE_ID],
        responses={200: ReviewCycleSerializer, **errors(400, 409)},
    )
    def post(self, request: Request, cycle_id: int) -> Response:
        cycle = get_object_or_404(ReviewCycle, pk=cycle_id)
        values = self.validated()
        review_cycles.review_cycle_recertify_check(
            cycle=cycle, reviewer=request.user, attested=values["attested"]
        )
        proof = signing_proof(request, values)
        review_cycles.review_cycle_recertify(
            cycle=cycle, reviewer=request.user, attested=values["attested"], proof=proof
        )
        return Response(cycle_data(cycle_id))


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
        review_cycles.review_cycles_assign(
            cycles=[cycle],
            reviewer=values["reviewer"].user,
            director=request.user,
            today=today(),
        )
        return Response(cycle_data(cycle_id))


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
        assigned = review_cycles.review_cycles_assign(
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
