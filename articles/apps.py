from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_save
from reversion.signals import post_revision_commit


class ArticlesConfig(AppConfig):
    """The editorial app: articles, authors, corrections, the workflow, feeds and sitemaps."""

    name = "articles"
    verbose_name = "Newsroom"

    def ready(self):
        from newsroom.delivery import fragments
        from newsroom.football import merges
        from newsroom.football.models import Goal, Match

        from . import models, publication, tagging

        # Reports on a match carry its clubs and scorers, whichever app wrote the match or goal.
        post_save.connect(models.tag_reports_of_match, sender=Match, dispatch_uid="articles-match-tags")
        post_save.connect(models.tag_scorer_on_reports, sender=Goal, dispatch_uid="articles-goal")
        for through in (models.TaggedClub, models.TaggedPlayer):
            m2m_changed.connect(models.put_back_match_tags, sender=through, dispatch_uid=f"tags-{through}")
        # Every revision of an article keeps its tag rows (read and written in bulk).
        post_revision_commit.connect(models.add_tag_rows_to_revision, dispatch_uid="articles-revision-tags")
        # A merge of clubs or players moves the articles' tags and pins too.
        merges.also_on_merge(tagging.move_tags_and_pins)
        # ...and is remembered, so a deleted or old revision's tags follow it (recovery, restore).
        merges.also_on_merge(models.remember_merge)
        # Lists of reports change by themselves when a scheduled report's time comes.
        fragments.register_next_change(publication.next_scheduled_publication)
        # The embedded SQLite keeps its query planner's statistics up to date (newsroom/sqlite.py).
        from newsroom.sqlite import connect_receivers as keep_sqlite_statistics

        keep_sqlite_statistics()
