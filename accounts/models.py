import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from simple_history.models import HistoricalRecords

from accounts.roles import Role


class User(AbstractUser):
    """A person who signs in to Stet. What they may do comes from their role groups: a
    role is held by membership of its group, never implied by being a superuser (an
    administrator runs the site; signing is for the people the credits name)."""

    password_changed_at = models.DateTimeField(
        null=True, blank=True, help_text="API keys made before this no longer work."
    )
    sessions_valid_from = models.DateTimeField(
        null=True, blank=True, help_text="Signed-in sessions older than this are logged out."
    )

    class Meta(AbstractUser.Meta):  # type: ignore[name-defined]  # the stubs omit it
        swappable = "AUTH_USER_MODEL"

    def __str__(self) -> str:
        return self.name_of(self.first_name, self.last_name, self.username)

    @staticmethod
    def name_of(first_name: str, last_name: str, username: str) -> str:
        """How the team names a person: their full name, else their username (for lists
        that read the fields without loading the accounts)."""
        return f"{first_name} {last_name}".strip() or username

    def has_role(self, role: Role) -> bool:
        # Group names are cached per instance: role checks run several times per request.
        if not hasattr(self, "_role_names"):
            self._role_names = set(self.groups.values_list("name", flat=True))
        return role.value in self._role_names

    def set_password(self, raw_password: str | None) -> None:
        super().set_password(raw_password)
        self.password_changed_at = timezone.now()
        self._password_changed = True

    def save(self, *args, **kwargs) -> None:
        # Every way a password changes (its own page, a reset link, the admin, the
        # `changepassword` command) ends in set_password and save: the one place to
        # record it. A new account's first password is not a change.
        changed = getattr(self, "_password_changed", False) and not self._state.adding
        super().save(*args, **kwargs)
        if changed:
            self._password_changed = False
            SecurityEvent.objects.create(
                user=self,
                username=self.username,
                action=SecurityEvent.Action.PASSWORD_CHANGED,
                note="Signed-in sessions elsewhere ended; API keys made before stopped working.",
            )
            # A lock guards the old password against guessing; a new one (most often
            # chosen through the reset link the locked-out page offers) starts afresh.
            from axes.utils import reset as clear_failed_sign_ins  # needs the app registry

            clear_failed_sign_ins(username=self.username)

    def get_session_auth_hash(self) -> str:
        # Django logs out every session whose stored hash no longer matches: mixing in
        # `sessions_valid_from` makes "log out everywhere" one field write.
        valid_from = self.sessions_valid_from.isoformat() if self.sessions_valid_from else ""
        return salted_hmac(
            "stet.accounts.User.get_session_auth_hash",
            f"{self.password}|{valid_from}",
            algorithm="sha256",
        ).hexdigest()

    @property
    def roles(self) -> list[Role]:
        return [role for role in Role if self.has_role(role)]


class Specialty(models.Model):
    """A clinical specialty (Cardiology, Family Medicine…). Articles belong to one;
    reviewers cover several."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "specialties"

    def __str__(self) -> str:
        return self.name


class ReviewerProfileQuerySet(models.QuerySet):
    def active(self) -> "ReviewerProfileQuerySet":
        return self.filter(is_active=True)

    def licensed_on(self, day: datetime.date) -> "ReviewerProfileQuerySet":
        """Active reviewers whose licence is valid on `day` (the expiry day itself counts)."""
        return self.active().filter(licence_expires_on__gte=day)


class ReviewerProfile(models.Model):
    """A credentialed clinician as the encyclopedia credits them.

    Every field here is audit evidence: a page reviewed last year must still show the
    reviewer's title and credentials as they were then, so the profile is
    history-tracked and its credit is copied onto an article when they sign it.
    """

    user = models.OneToOneField(
        "accounts.User",
        on_delete=models.PROTECT,
        related_name="reviewer_profile",
        null=True,
        blank=True,
        help_text="Blank for a reviewer credited on imported pages who has no Stet login yet.",
    )
    credit_name = models.CharField(
        max_length=200, help_text='As printed on the page, e.g. "Linda J. Vorvick, MD".'
    )
    credentials = models.CharField(max_length=100, help_text="e.g. MD, MPH")
    title = models.CharField(max_length=200, blank=True, help_text="e.g. Clinical Professor")
    department = models.CharField(max_length=200, blank=True)
    institution = models.CharField(max_length=300, blank=True)
    specialties = models.ManyToManyField(Specialty, related_name="reviewers", blank=True)
    licence_number = models.CharField(max_length=50, blank=True)
    licence_expires_on = models.DateField(null=True, blank=True)
    capacity = models.PositiveSmallIntegerField(
        default=10, help_text="How many open reviews this reviewer takes at once."
    )
    is_active = models.BooleanField(default=True)
    conflict_of_interest = models.TextField(
        blank=True, help_text="The disclosure as the reviewer declared it."
    )
    conflict_declared_on = models.DateField(null=True, blank=True)
    conflict_specialties = models.ManyToManyField(
        Specialty,
        related_name="conflicted_reviewers",
        blank=True,
        help_text="Specialties the declared conflict covers: the reviewer may not sign them.",
    )
    needs_completion = models.BooleanField(
        default=False,
        help_text="Created from an imported page's credits; a director must complete it.",
    )

    history = HistoricalRecords(m2m_fields=[specialties, conflict_specialties])
    objects = ReviewerProfileQuerySet.as_manager()

    class Meta:
        ordering = ["credit_name"]

    def __str__(self) -> str:
        return self.credit_name

    def get_absolute_url(self) -> str:
        return reverse("accounts:reviewer", args=[self.pk])

    @property
    def credit_line(self) -> str:
        """The "Updated by" line: name, title, department, institution."""
        parts = [self.credit_name, self.title, self.department, self.institution]
        return ", ".join(part for part in parts if part)


class AccountPolicy(models.Model):
    """How signing in and signing off are protected. One row; edited by editorial
    directors on the review policy page, history-tracked like the review policy."""

    signature_window_minutes = models.PositiveSmallIntegerField(
        default=5,
        help_text="A signer who re-entered their password this recently is not asked again.",
    )
    idle_timeout_minutes = models.PositiveSmallIntegerField(
        default=30, help_text="Staff are signed out after this long without a request."
    )
    two_factor_roles = models.JSONField(
        default=list,
        blank=True,
        help_text="Roles (group names) that must sign in with a one-time code.",
    )
    two_factor_for_admins = models.BooleanField(
        default=True, help_text="Administrators (superusers) must sign in with a one-time code."
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "account policy"

    def __str__(self) -> str:
        return "Account policy"

    @classmethod
    def current(cls) -> "AccountPolicy":
        policy = cls.objects.order_by("pk").first()
        if policy is None:
            policy = cls.objects.create(
                two_factor_roles=list(settings.STET["TWO_FACTOR_ROLES"]),
                two_factor_for_admins=settings.STET["TWO_FACTOR_FOR_ADMINS"],
            )
        return policy

    def requires_two_factor(self, user: "User") -> bool:
        if user.is_superuser and self.two_factor_for_admins:
            return True
        return any(user.has_role(Role(name)) for name in self.two_factor_roles)


class Reauthentication(models.Model):
    """A person proving again that it is them (password, and one-time code if enrolled),
    on one channel: a signed-in session or one API key. A signature within the policy's
    window of it needs no new proof on that channel."""

    class Method(models.TextChoices):
        PASSWORD = "password", "Password"
        PASSWORD_AND_CODE = "password+totp", "Password and one-time code"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="reauthentications")
    at = models.DateTimeField(default=timezone.now)
    method = models.CharField(max_length=20, choices=Method.choices)
    channel = models.CharField(max_length=80, help_text='"session:<key>" or "token:<id>".')

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["user", "channel", "-at"], name="reauth_lookup_idx")]

    def __str__(self) -> str:
        return f"{self.user} re-authenticated ({self.get_method_display()}) at {self.at}"


class SecurityEvent(models.Model):
    """An append-only record of what happened to an account: failed sign-ins, lock-outs,
    unlocks, two-factor enrolment, password changes, sign-outs everywhere."""

    class Action(models.TextChoices):
        LOGIN_FAILED = "login_failed", "Sign-in failed"
        LOCKED_OUT = "locked_out", "Locked out"
        UNLOCKED = "unlocked", "Unlocked"
        REAUTH_FAILED = "reauth_failed", "Re-authentication failed"
        TWO_FACTOR_ENROLLED = "2fa_enrolled", "Two-factor enrolled"
        TWO_FACTOR_REMOVED = "2fa_removed", "Two-factor removed"
        LOGGED_OUT_EVERYWHERE = "logout_everywhere", "Signed out everywhere"
        PASSWORD_CHANGED = "password_changed", "Password changed"

    user = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="security_events"
    )
    username = models.CharField(max_length=150, help_text="As typed, for unknown names too.")
    action = models.CharField(max_length=20, choices=Action.choices)
    at = models.DateTimeField(default=timezone.now)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["username", "-at"], name="security_event_user_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username}: {self.get_action_display()}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ValueError("Security events are append-only.")
        super().save(*args, **kwargs)
