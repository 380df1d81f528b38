from django.urls import path, re_path

from reviews import views
from reviews.views import feedback as feedback_views

app_name = "reviews"

ARTICLE = r"^articles/(?P<number>[0-9]{6})/"

urlpatterns = [
    path("drafts/", views.drafts, name="drafts"),
    path("queue/", views.queue, name="queue"),
    path("chains/", views.chains, name="chains"),
    path("articles/new/", views.article_create, name="article-create"),
    re_path(ARTICLE + r"history/$", views.article_history, name="article-history"),
    re_path(ARTICLE + r"compare/$", views.article_compare, name="article-compare"),
    re_path(ARTICLE + r"staff-bar/$", views.article_staff_bar, name="article-staff-bar"),
    re_path(ARTICLE + r"draft/$", views.draft_start, name="draft-start"),
    path("revisions/<int:revision_id>/", views.revision_detail, name="revision"),
    path("revisions/<int:revision_id>/edit/", views.revision_edit, name="revision-edit"),
    path("revisions/<int:revision_id>/review/", views.revision_review, name="revision-review"),
    path("revisions/<int:revision_id>/submit/", views.revision_submit, name="revision-submit"),
    path(
        "revisions/<int:revision_id>/take-back/",
        views.revision_take_back,
        name="revision-take-back",
    ),
    path(
        "revisions/<int:revision_id>/withdraw/", views.revision_withdraw, name="revision-withdraw"
    ),
    path("revisions/<int:revision_id>/publish/", views.revision_publish, name="revision-publish"),
    path("revisions/<int:revision_id>/rebase/", views.revision_rebase, name="revision-rebase"),
    path("revisions/<int:revision_id>/comments/", views.comment_add, name="comment-add"),
    path("comments/<int:comment_id>/resolve/", views.comment_resolve, name="comment-resolve"),
    path("approvals/<int:approval_id>/", views.approval_page, name="approval"),
    path("approvals/<int:approval_id>/decide/", views.approval_decide, name="approval-decide"),
    path(
        "approvals/<int:approval_id>/override/",
        views.approval_override,
        name="approval-override",
    ),
    path("approvals/<int:approval_id>/assign/", views.approval_assign, name="approval-assign"),
    path("preview/", views.markdown_preview, name="markdown-preview"),
    path("cycles/", views.cycles, name="cycles"),
    path("cycles/assign/", views.cycle_assign, name="cycle-assign"),
    path("cycles/out-of-cycle/", views.out_of_cycle, name="out-of-cycle"),
    path("cycles/<int:cycle_id>/", views.cycle_detail, name="cycle"),
    path("cycles/<int:cycle_id>/recertify/", views.cycle_recertify, name="cycle-recertify"),
    path("cycles/<int:cycle_id>/changes/", views.cycle_request_changes, name="cycle-changes"),
    path("policy/", views.policy, name="policy"),
    path("feedback/", feedback_views.feedback_list, name="feedback-list"),
    path("feedback/<int:feedback_id>/", feedback_views.feedback_detail, name="feedback"),
    path(
        "feedback/<int:feedback_id>/triage/",
        feedback_views.feedback_triage,
        name="feedback-triage",
    ),
    path("feedback/<int:feedback_id>/reply/", feedback_views.feedback_reply, name="feedback-reply"),
    path(
        "feedback/<int:feedback_id>/open-review/",
        feedback_views.feedback_open_review,
        name="feedback-open-review",
    ),
    re_path(ARTICLE + r"retire/$", views.article_retire, name="article-retire"),
]
