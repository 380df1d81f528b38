"""The permission matrix: what every URL of Stet answers a GET from every kind of
visitor. It is the access rule written down once, read by the suite
(test_matrix.py, against every URL in the configuration) and by the production-shape
check (.ci/production_smoke.py, against a running deployment)."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

PEOPLE = (
    "anonymous",
    "outsider",
    "editor",
    "reviewer",
    "expired_reviewer",
    "medical_director",
    "editorial_director",
    "admin",
)

LOGIN = "sign-in"  # a redirect to the sign-in page
TEAM = ("editor", "reviewer", "expired_reviewer", "medical_director", "editorial_director")
SIGNERS = ("reviewer", "expired_reviewer", "medical_director", "editorial_director")
MEDICAL_REVIEWERS = ("reviewer", "expired_reviewer")
EDITOR = ("editor",)
DIRECTOR = ("editorial_director",)


def everyone(status) -> dict:
    return dict.fromkeys(PEOPLE, status)


def signed_in(ok=200) -> dict:
    return {**everyone(ok), "anonymous": LOGIN}


def only(people, ok=200) -> dict:
    """Pages for some roles: anyone else signed in is refused, a visitor signs in first."""
    return {**everyone(403), "anonymous": LOGIN, **dict.fromkeys(people, ok)}


def api_only(people, ok=200) -> dict:
    return {**everyone(403), "anonymous": 401, **dict.fromkeys(people, ok)}


POST_ONLY = 405  # a GET of an action answers "method not allowed" to whoever may act

MATRIX = {
    # Public pages, and what a reader or a script reads without an account.
    "healthz": everyone({200, 503}),  # 503 here: no scheduled job has run in the test
    "encyclopedia:home": everyone(200),
    "encyclopedia:index": everyone(200),
    "encyclopedia:article": everyone(200),
    "encyclopedia:article-canonical": everyone(301),
    "encyclopedia:article-by-slug": everyone(301),
    "report-problem": everyone(200),
    "api:root": everyone(200),
    "api:specialties": everyone(200),
    "api:topics": everyone(200),
    "api:articles": everyone(200),
    "api:article": everyone(200),
    "api:article-live": everyone(200),
    "api:schema": everyone(200),
    "api:docs": everyone(200),
    "api:not-found": everyone(404),
    # Signing in and out, and one's own account.
    "accounts:login": {**everyone(302), "anonymous": 200},  # signed in: on to one's home
    "accounts:logout": everyone(POST_ONLY),
    "accounts:password-reset": everyone(200),
    "accounts:password-reset-done": everyone(200),
    "accounts:password-reset-confirm": everyone(200),  # a bad link says so, with a form
    "accounts:password-reset-complete": everyone(200),
    "accounts:password_change": signed_in(),
    "accounts:password_change_done": signed_in(),
    "accounts:two-factor-verify": signed_in(),
    "accounts:two-factor-setup": signed_in(),
    "accounts:recovery-codes": signed_in(POST_ONLY),
    "accounts:security": signed_in(),
    "accounts:logout-everywhere": signed_in(POST_ONLY),
    "accounts:home": signed_in(302),  # on to the page of one's role
    "api:me": {**everyone(200), "anonymous": 401},
    "api:tokens": signed_in(),
    "api:token-revoke": signed_in(POST_ONLY),
    # Reviewers, managed by the editorial director.
    "accounts:reviewers": only(DIRECTOR),
    "accounts:reviewer": only(DIRECTOR),
    "accounts:reviewer-invite": only(DIRECTOR),
    "accounts:reviewer-invite-for": only(DIRECTOR),
    "accounts:reviewer-link": only(DIRECTOR, POST_ONLY),
    # The editorial pages.
    "reviews:drafts": only(EDITOR),
    "reviews:article-create": only(EDITOR),
    "reviews:draft-start": only(EDITOR, POST_ONLY),
    "reviews:revision-edit": only(EDITOR, 302),  # in review: not editable, back to its page
    "reviews:revision-submit": only(EDITOR, POST_ONLY),
    "reviews:revision-take-back": only(EDITOR, POST_ONLY),
    "reviews:revision-withdraw": only(EDITOR, POST_ONLY),
    "reviews:revision-publish": only(EDITOR, POST_ONLY),
    "reviews:revision-rebase": only(EDITOR, POST_ONLY),
    "reviews:queue": only(SIGNERS),
    "reviews:article-history": only(TEAM),
    "reviews:article-compare": only(TEAM, 302),  # nothing chosen to compare: back to history
    "reviews:article-staff-bar": only(TEAM),
    "reviews:revision": only(TEAM),
    "reviews:revision-review": only(TEAM),
    "reviews:approval": only(TEAM, 302),  # a step is shown on its revision's review page
    "reviews:cycle": only(TEAM),
    "reviews:comment-add": only(TEAM, POST_ONLY),
    "reviews:comment-resolve": only(TEAM, POST_ONLY),
    "reviews:markdown-preview": only(TEAM, POST_ONLY),
    "reviews:approval-decide": only(SIGNERS, POST_ONLY),
    "reviews:cycle-recertify": only(MEDICAL_REVIEWERS, POST_ONLY),
    "reviews:cycle-changes": only(MEDICAL_REVIEWERS, POST_ONLY),
    "reviews:chains": only(DIRECTOR),
    "reviews:policy": only(DIRECTOR),
    "reviews:cycles": only(DIRECTOR),
    "reviews:out-of-cycle": only(DIRECTOR),
    "reviews:cycle-assign": only(DIRECTOR, POST_ONLY),
    "reviews:approval-override": only(DIRECTOR, POST_ONLY),
    "reviews:approval-assign": only(DIRECTOR, POST_ONLY),
    "reviews:article-retire": only(DIRECTOR, POST_ONLY),
    "reviews:feedback-list": only(DIRECTOR),
    "reviews:feedback": only(DIRECTOR),
    "reviews:feedback-triage": only(DIRECTOR, POST_ONLY),
    "reviews:feedback-reply": only(DIRECTOR, POST_ONLY),
    "reviews:feedback-open-review": only(DIRECTOR, POST_ONLY),
    # The director's reports, and moving a catalogue in and out.
    "reporting:finder": only(TEAM),
    "reporting:dashboard": only(DIRECTOR),
    "reporting:dashboard-articles": only(DIRECTOR),
    "reporting:dashboard-csv": only(DIRECTOR),
    "reporting:revisions-waiting": only(DIRECTOR),
    "reporting:audit-report": only(DIRECTOR),
    "reporting:evidence-report": only(DIRECTOR),
    "reporting:scheduled-jobs": only(DIRECTOR),
    "transfer:index": only(DIRECTOR),
    "transfer:export": only(DIRECTOR),
    "transfer:job": only(DIRECTOR),
    "transfer:job-progress": only(DIRECTOR),
    "transfer:import-start": only(DIRECTOR, POST_ONLY),
    # The API beyond what readers see: the team's, each rule as on the pages.
    "api:article-revisions": api_only(TEAM),
    "api:revision": api_only(TEAM),
    "api:revision-compare": api_only(TEAM),
    "api:cycles": api_only(TEAM),
    "api:cycle": api_only(TEAM),
    "api:reviewers": api_only(TEAM),
    "api:reviewer": api_only(TEAM),
    "api:dashboard": api_only(DIRECTOR),
    # API actions: POST only, whoever asks (DRF answers the method before the rule).
    **{
        f"api:{name}": everyone(POST_ONLY)
        for name in (
            "revision-submit",
            "revision-take-back",
            "revision-publish",
            "revision-withdraw",
            "revision-rebase",
            "approval-approve",
            "approval-request-changes",
            "approval-reject",
            "cycles-assign",
            "cycle-recertify",
            "cycle-assign",
        )
    },
}


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name"
    pattern: str  # as written in the URL configuration, for messages
    converters: tuple[str, ...]  # the names of its parameters

    @property
    def is_admin(self) -> bool:
        return self.pattern.startswith("admin/")


def all_routes() -> list[Route]:
    """Every named URL in the configuration, admin included."""

    def walk(resolver, prefix: str, namespace: str | None):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                inner = entry.namespace
                joined = f"{namespace}:{inner}" if namespace and inner else inner or namespace
                yield from walk(entry, prefix + str(entry.pattern), joined)
            elif isinstance(entry, URLPattern) and entry.name:
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                keys = tuple(entry.pattern.regex.groupindex)
                yield Route(name=name, pattern=prefix + str(entry.pattern), converters=keys)

    unique: dict[str, Route] = {}
    for route in walk(get_resolver(), "", None):
        unique.setdefault(route.name, route)
    return list(unique.values())
