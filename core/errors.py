"""The one error type business rules raise.

Services raise a DomainError (or a subclass) when a rule refuses an action. Every
caller turns it into something a person can act on: a message on the page, an
HTTP status in the API, a non-zero exit in a command. The `code` is stable and
machine-readable; the message is written for the editorial team.
"""


class DomainError(Exception):
    code = "refused"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class PermissionDenied(DomainError):
    """The person is not allowed to do this (a rule about who, not about state)."""

    code = "not_allowed"


class InvalidTransition(DomainError):
    """The object is not in a state that allows this action."""

    code = "invalid_transition"


class StaleVersion(DomainError):
    """Someone else saved first; the caller's copy is out of date."""

    code = "stale_version"


# What a person or a script is told when the database drops the connection or times
# out: every service is one transaction, so nothing was half-done and a retry is safe.
DATABASE_AWAY = (
    "The database did not answer, so nothing was saved (nothing is ever half-saved). "
    "Try again in a moment."
)
