import datetime

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from accounts.roles import Role


class User(AbstractUser):
    """A person who signs in to Stet. What they may do comes from their role groups."""

    class Meta(AbstractUser.Meta):  # type: ignore[name-defined]  # the stubs omit it
        swappable = "AUTH_USER_MODEL"

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def has_role(self, role: Role) -> bool:
        # Group names are cached per instance: role checks run several times per request.
        if not hasattr(self, "_role_names"):
            self._role_names = set(self.groups.values_list("name", flat=True))
        return self.is_superuser or role.value in self._role_names

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

    def licence_valid_on(self, day: datetime.date) -> bool:
        return (
            self.is_active
            and self.licence_expires_on is not None
            and self.licence_expires_on >= day
        )
