from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "gandan.search"
    verbose_name = _("Tìm kiếm")

    def ready(self) -> None:
        # The read side listens to the domain models (framework wiring, STYLE §Where logic
        # lives 9): the domain apps never import search, and the index follows every save.
        from gandan.search import indexing, sources

        sources.news_source()
        for source in list(sources.SOURCES.values()):

            def saved(
                sender: Any,
                instance: Any,
                created: bool = False,
                raw: bool = False,
                source=source,
                **kwargs: Any,
            ) -> None:
                if not raw:
                    indexing.index_object(source, instance, created=created)

            def deleted(sender: Any, instance: Any, source=source, **kwargs: Any) -> None:
                indexing.remove_object(source, instance.pk)

            post_save.connect(
                saved, sender=source.model, weak=False, dispatch_uid=f"search:{source.kind}"
            )
            post_delete.connect(
                deleted, sender=source.model, weak=False, dispatch_uid=f"search:{source.kind}"
            )
