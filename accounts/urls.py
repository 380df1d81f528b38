from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from accounts import security_views, views
from accounts.forms import OutboxPasswordResetForm

app_name = "accounts"

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(
            success_url=reverse_lazy("accounts:password_change_done")
        ),
        name="password_change",
    ),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    # Forgotten passwords, and the link of a reviewer's invitation (the same confirm page).
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            form_class=OutboxPasswordResetForm,
            subject_template_name="registration/password_reset_subject.html",
            email_template_name="registration/password_reset_email.html",
            success_url=reverse_lazy("accounts:password-reset-done"),
        ),
        name="password-reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password-reset-done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:password-reset-complete")
        ),
        name="password-reset-confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
    # Two-factor sign-in and a person's own security page.
    path("two-factor/", security_views.two_factor_verify, name="two-factor-verify"),
    path("two-factor/setup/", security_views.two_factor_setup, name="two-factor-setup"),
    path(
        "two-factor/recovery-codes/",
        security_views.recovery_codes_new,
        name="recovery-codes",
    ),
    path("security/", security_views.security_page, name="security"),
    path("logout/everywhere/", security_views.logout_everywhere, name="logout-everywhere"),
    path("home/", views.home, name="home"),
    path("reviewers/", views.reviewers, name="reviewers"),
    path("reviewers/invite/", views.reviewer_invite, name="reviewer-invite"),
    path("reviewers/<int:pk>/", views.reviewer, name="reviewer"),
    path("reviewers/<int:pk>/link/", views.reviewer_link, name="reviewer-link"),
    path("reviewers/<int:pk>/invite/", views.reviewer_invite, name="reviewer-invite-for"),
]
