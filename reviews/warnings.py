"""What a signer must acknowledge before signing a revision: findings that do not block a
sign-off but that the signer has to have seen, so the record shows they signed knowing.

Today one: a reading grade above the policy's target. The review page lists these
beside the decision, the signing service refuses a sign-off that leaves one
unacknowledged, and the sign-off stores what was acknowledged (code and message).
"""

from __future__ import annotations

from dataclasses import dataclass

from encyclopedia.readability import readability_for
from reviews.models import RECERTIFICATION, Submission

READING_GRADE_ABOVE_TARGET = "reading_grade_above_target"
# Every warning there is: a form accepts any of these, and the service decides which
# ones the signer had to acknowledge.
CODES = (READING_GRADE_ABOVE_TARGET,)


@dataclass(frozen=True)
class SigningWarning:
    code: str
    # As the sign-off's record prints it after "acknowledged: ".
    message: str
    # What the signer reads beside the box they tick.
    detail: str = ""

    def as_json(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


def signing_warnings(*, submission: Submission) -> list[SigningWarning]:
    """The warnings a signer of `submission` must acknowledge, in the order shown.

    A re-certification brings no new text: its readability was acknowledged by the
    sign-offs that published it, so it asks for nothing."""
    if submission.kind == RECERTIFICATION:
        return []
    readability = readability_for(submission.revision)
    if not readability.above_target:
        return []
    grade, target = readability.grade, readability.target_grade
    return [
        SigningWarning(
            code=READING_GRADE_ABOVE_TARGET,
            message=f"reading grade {grade} above target {target}",
            detail=f"The body text reads at a Flesch–Kincaid grade of {grade}, above the "
            f"policy's target of grade {target}.",
        )
    ]
