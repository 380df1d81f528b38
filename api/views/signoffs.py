"""Sign-offs: approving a step, requesting changes, rejecting."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from api import inputs
from api.permissions import SIGNERS
from api.schema import errors
from api.serializers import (
    RevisionSerializer,
)
from api.views.common import (
    APPROVAL_ID,
    StetView,
    revision_data,
    signing_proof,
)
from reviews import services
from reviews.models import Approval


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
        "(reviewer_not_eligible). Refused (400) when a warning the signer must acknowledge "
        "is not in `acknowledged_warnings` (warnings_not_acknowledged). "
        "Every signature is re-authenticated: send `password` (and `otp_code` where the "
        "signer enrolled two-factor sign-in), or sign within a few minutes of an earlier signature "
        "that did, with the same key; otherwise 403 `reauthentication_required`.",
        parameters=[APPROVAL_ID],
        responses={200: RevisionSerializer, **errors(400, 409)},
    )
    def post(self, request: Request, approval_id: int) -> Response:
        approval = self.approval(approval_id)
        values = self.validated()
        services.approval_approve_check(
            approval=approval,
            signer=request.user,
            attested=values["attested"],
            acknowledged_warnings=values["acknowledged_warnings"],
        )
        proof = signing_proof(request, values)
        services.approval_approve(
            approval=approval,
            signer=request.user,
            attested=values["attested"],
            proof=proof,
            comment=values["comment"],
            reviewed_whole_page=values["reviewed_whole_page"],
            acknowledged_warnings=values["acknowledged_warnings"],
        )
        return Response(revision_data(approval.submission.revision_id))


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
        return Response(revision_data(approval.submission.revision_id))


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
        return Response(revision_data(approval.submission.revision_id))
