"""Whatever changes an article or a specialty drops the readers' cached pages that print
it and moves the catalogue's generation on (encyclopedia.catalogue): every write path
(services, imports, the admin) saves through the model, so none can leave a stale page
or figure behind. Dropped at once, and again once the change commits, so a reader who
fetched the old page in between cannot keep it cached."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts.models import Specialty
from encyclopedia import page_cache
from encyclopedia.catalogue import catalogue_changed
from encyclopedia.models import Article


@receiver([post_save, post_delete], sender=Article)
def article_changed(sender, instance: Article, **kwargs) -> None:
    number = instance.number
    page_cache.forget_article(number)
    transaction.on_commit(lambda: page_cache.forget_article(number))
    catalogue_changed()


@receiver([post_save, post_delete], sender=Specialty)
def specialty_changed(sender, instance: Specialty, **kwargs) -> None:
    numbers = list(
        Article.objects.filter(specialty_id=instance.pk).values_list("number", flat=True)
    )

    def forget() -> None:
        for number in numbers:
            page_cache.forget_article(number)

    forget()
    transaction.on_commit(forget)
    catalogue_changed()
