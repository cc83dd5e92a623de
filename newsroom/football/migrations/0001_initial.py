"""The football app takes over competitions, clubs, players, matches and goals from the articles
app, with their tables as they are."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("articles", "0011_search_tier_vectors_on_postgresql"),
        ('media', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables already exist (made by the articles app's migrations): state only.
            state_operations=[
                migrations.CreateModel(
                    name='Competition',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=100, unique=True)),
                        ('slug', models.SlugField(max_length=100, unique=True)),
                        ('description', models.TextField(blank=True)),
                    ],
                    options={
                        'db_table': 'articles_competition',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='Club',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('slug', models.SlugField(help_text='The address of the page: lower-case ASCII letters, digits and hyphens.', max_length=100, unique=True)),
                        ('name_key', models.CharField(db_index=True, editable=False, max_length=100)),
                        ('aliases', models.TextField(blank=True, help_text='One per line: nicknames and short forms used in reports, e.g. “the Reds”, “LFC”.')),
                        ('description', models.TextField(blank=True)),
                        ('updated_at', models.DateTimeField(auto_now=True, db_index=True)),
                        ('name', models.CharField(max_length=100, unique=True)),
                        ('short_name', models.CharField(blank=True, help_text='e.g. “Man Utd”.', max_length=50)),
                        ('country', models.CharField(blank=True, max_length=60)),
                        ('league', models.CharField(blank=True, max_length=100)),
                        ('crest', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='media.image')),
                    ],
                    options={
                        'db_table': 'articles_club',
                        'ordering': ['name'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='Match',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('season', models.CharField(help_text='e.g. 2019-20', max_length=7, validators=[django.core.validators.RegexValidator('^\\d{4}-\\d{2}$', 'Write the season as 2019-20.')])),
                        ('round', models.CharField(blank=True, help_text='e.g. Group E, matchday 5', max_length=100)),
                        ('kickoff', models.DateTimeField()),
                        ('venue', models.CharField(blank=True, max_length=150)),
                        ('home_score', models.PositiveSmallIntegerField(blank=True, help_text='Leave both scores empty until the match is played.', null=True)),
                        ('away_score', models.PositiveSmallIntegerField(blank=True, null=True)),
                        ('attendance', models.PositiveIntegerField(blank=True, null=True)),
                        ('referee', models.CharField(blank=True, max_length=100)),
                        ('away_club', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='away_matches', to='football.club')),
                        ('competition', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='matches', to='football.competition')),
                        ('home_club', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='home_matches', to='football.club')),
                    ],
                    options={
                        'verbose_name_plural': 'matches',
                        'db_table': 'articles_match',
                        'ordering': ['-kickoff'],
                    },
                ),
                migrations.CreateModel(
                    name='Player',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name_key', models.CharField(db_index=True, editable=False, max_length=100)),
                        ('aliases', models.TextField(blank=True, help_text='One per line: nicknames and short forms used in reports, e.g. “the Reds”, “LFC”.')),
                        ('description', models.TextField(blank=True)),
                        ('updated_at', models.DateTimeField(auto_now=True, db_index=True)),
                        ('name', models.CharField(max_length=100)),
                        ('slug', models.SlugField(help_text="The player's identity and page address. Two players with the same name need different slugs, e.g. “adama-traore-1996”.", max_length=100, unique=True)),
                        ('position', models.CharField(blank=True, choices=[('GK', 'Goalkeeper'), ('DF', 'Defender'), ('MF', 'Midfielder'), ('FW', 'Forward')], max_length=2)),
                        ('nationality', models.CharField(blank=True, max_length=60)),
                        ('date_of_birth', models.DateField(blank=True, null=True)),
                        ('club', models.ForeignKey(blank=True, help_text='Current club.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='players', to='football.club')),
                        ('photo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='media.image')),
                    ],
                    options={
                        'db_table': 'articles_player',
                        'ordering': ['name'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='Goal',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('minute', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(120)])),
                        ('added_time', models.PositiveSmallIntegerField(default=0, help_text='Minutes of added time, e.g. 3 for 90+3.', validators=[django.core.validators.MaxValueValidator(30)])),
                        ('kind', models.CharField(choices=[('open_play', 'Open play'), ('penalty', 'Penalty'), ('own_goal', 'Own goal')], default='open_play', max_length=10)),
                        ('club', models.ForeignKey(help_text="The side the goal counts for (for an own goal, the scorer's opponents).", on_delete=django.db.models.deletion.PROTECT, related_name='+', to='football.club')),
                        ('match', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='goals', to='football.match')),
                        ('scorer', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='goals', to='football.player')),
                    ],
                    options={
                        'db_table': 'articles_goal',
                        'ordering': ['minute', 'added_time', 'pk'],
                    },
                ),
                migrations.AddConstraint(
                    model_name='club',
                    constraint=models.UniqueConstraint(fields=('name_key',), name='club_unique_name_key'),
                ),
                migrations.AddIndex(
                    model_name='match',
                    index=models.Index(fields=['kickoff'], name='match_kickoff_idx'),
                ),
                migrations.AddConstraint(
                    model_name='match',
                    constraint=models.CheckConstraint(condition=models.Q(('home_club', models.F('away_club')), _negated=True), name='match_clubs_differ'),
                ),
                migrations.AddConstraint(
                    model_name='match',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('away_score__isnull', True), ('home_score__isnull', True)), models.Q(('away_score__isnull', False), ('home_score__isnull', False)), _connector='OR'), name='match_score_both_or_neither'),
                ),
                migrations.AddConstraint(
                    model_name='match',
                    constraint=models.UniqueConstraint(fields=('home_club', 'away_club', 'kickoff'), name='match_unique_fixture'),
                ),
                migrations.AddConstraint(
                    model_name='goal',
                    constraint=models.CheckConstraint(condition=models.Q(('minute__gte', 1), ('minute__lte', 120)), name='goal_minute_in_range'),
                ),
            ],
            database_operations=[],
        ),
    ]
