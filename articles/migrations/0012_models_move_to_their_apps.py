"""Competitions, clubs, players, matches and goals move to the football app, images and
renditions to the media app, pins from the clubs' and players' side to the article's.

Nothing moves in the database: every table keeps its name (the new apps' models set `db_table`),
so this is state only, plus the content types, which carry permissions (the Writer and Editor
groups), admin history and revisions: they are relabelled, not recreated.
"""

import django.db.models.deletion
import taggit.managers
from django.db import migrations, models


MOVED = {"football": ["club", "player", "competition", "match", "goal"], "media": ["image", "rendition"]}


def _relabel(apps, moves):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for old_label, new_label, names in moves:
        for name in names:
            # A label already taken (the new app's type made by an earlier, partial migrate) is
            # left alone rather than duplicated.
            if not ContentType.objects.filter(app_label=new_label, model=name).exists():
                ContentType.objects.filter(app_label=old_label, model=name).update(app_label=new_label)


def relabel_content_types(apps, schema_editor):
    _relabel(apps, [("articles", label, names) for label, names in MOVED.items()])


def restore_content_types(apps, schema_editor):
    _relabel(apps, [(label, "articles", names) for label, names in MOVED.items()])


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ('articles', '0011_search_tier_vectors_on_postgresql'),
        ('football', '0001_initial'),
        ('media', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='match',
                    name='away_club',
                ),
                migrations.RemoveField(
                    model_name='player',
                    name='club',
                ),
                migrations.RemoveField(
                    model_name='goal',
                    name='club',
                ),
                migrations.RemoveField(
                    model_name='match',
                    name='home_club',
                ),
                migrations.AlterField(
                    model_name='taggedclub',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tagged_articles', to='football.club'),
                ),
                migrations.RemoveField(
                    model_name='match',
                    name='competition',
                ),
                migrations.RemoveField(
                    model_name='goal',
                    name='match',
                ),
                migrations.RemoveField(
                    model_name='goal',
                    name='scorer',
                ),
                migrations.RemoveField(
                    model_name='rendition',
                    name='image',
                ),
                migrations.AlterField(
                    model_name='author',
                    name='photo',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='media.image'),
                ),
                migrations.AlterField(
                    model_name='article',
                    name='hero_image',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='hero_of', to='media.image'),
                ),
                migrations.RemoveField(
                    model_name='player',
                    name='photo',
                ),
                migrations.AlterField(
                    model_name='article',
                    name='match',
                    field=models.ForeignKey(blank=True, help_text='The match this article is about. Its clubs and scorers are tagged automatically.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='articles', to='football.match'),
                ),
                migrations.RemoveField(
                    model_name='player',
                    name='pinned_articles',
                ),
                migrations.AlterField(
                    model_name='taggedplayer',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tagged_articles', to='football.player'),
                ),
                migrations.AddField(
                    model_name='article',
                    name='pinned_on_clubs',
                    field=models.ManyToManyField(blank=True, db_table='articles_club_pinned_articles', related_name='pinned_articles', to='football.club', verbose_name="pinned on clubs' pages"),
                ),
                migrations.AddField(
                    model_name='article',
                    name='pinned_on_players',
                    field=models.ManyToManyField(blank=True, db_table='articles_player_pinned_articles', related_name='pinned_articles', to='football.player', verbose_name="pinned on players' pages"),
                ),
                migrations.AlterField(
                    model_name='article',
                    name='clubs',
                    field=taggit.managers.TaggableManager(blank=True, help_text='Clubs in the story.', through='articles.TaggedClub', to='football.Club', verbose_name='clubs'),
                ),
                migrations.AlterField(
                    model_name='article',
                    name='players',
                    field=taggit.managers.TaggableManager(blank=True, help_text='Players in the story.', through='articles.TaggedPlayer', to='football.Player', verbose_name='players'),
                ),
                migrations.DeleteModel(
                    name='Club',
                ),
                migrations.DeleteModel(
                    name='Competition',
                ),
                migrations.DeleteModel(
                    name='Goal',
                ),
                migrations.DeleteModel(
                    name='Rendition',
                ),
                migrations.DeleteModel(
                    name='Image',
                ),
                migrations.DeleteModel(
                    name='Match',
                ),
                migrations.DeleteModel(
                    name='Player',
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(relabel_content_types, restore_content_types),
    ]
