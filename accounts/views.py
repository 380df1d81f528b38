from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from accounts.roles import Role

# Where each role starts its day, most senior first: a person with several roles
# lands on the page of the one that carries the most responsibility.
ROLE_HOME_PAGES = [
    (Role.EDITORIAL_DIRECTOR, "reporting:dashboard"),
    (Role.MEDICAL_DIRECTOR, "reviews:queue"),
    (Role.MEDICAL_REVIEWER, "reviews:queue"),
    (Role.EDITOR, "reviews:drafts"),
]


@login_required
def home(request: HttpRequest) -> HttpResponse:
    for role, page in ROLE_HOME_PAGES:
        if request.user.has_role(role):
            return redirect(page)
    return redirect("encyclopedia:home")
