"""The media app takes over Image and Rendition from the articles app, with their tables as they are."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

import newsroom.media.fields
import newsroom.media.models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        # The tables this state describes are made by the articles app's earlier migrations.
        ("articles", "0011_search_tier_vectors_on_postgresql"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables already exist (made by the articles app's migrations): state only.
            state_operations=[
                migrations.CreateModel(
                    name='Image',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('file', newsroom.media.fields.PictureField(height_field='height', size_field='file_size', upload_to=newsroom.media.models.image_upload_to, width_field='width')),
                        ('alt_text', models.CharField(help_text='What the picture shows, for readers who cannot see it. Required.', max_length=250)),
                        ('caption', models.CharField(blank=True, max_length=300)),
                        ('credit', models.CharField(blank=True, help_text='Photographer or agency.', max_length=150)),
                        ('focal_x', models.FloatField(default=0.5, help_text='Horizontal focal point, 0 (left) to 1 (right); crops keep it in frame.', validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(1)])),
                        ('focal_y', models.FloatField(default=0.5, help_text='Vertical focal point, 0 (top) to 1 (bottom).', validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(1)])),
                        ('width', models.PositiveIntegerField(editable=False, null=True)),
                        ('height', models.PositiveIntegerField(editable=False, null=True)),
                        ('file_size', models.PositiveIntegerField(editable=False, help_text='Bytes of the stored original.', null=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        'db_table': 'articles_image',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='Rendition',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('crop', models.CharField(choices=[('full', 'Whole picture'), ('16:9', '16:9'), ('1:1', '1:1')], max_length=8)),
                        ('format', models.CharField(choices=[('avif', 'AVIF'), ('webp', 'WebP'), ('jpeg', 'JPEG')], max_length=4)),
                        ('width', models.PositiveIntegerField()),
                        ('height', models.PositiveIntegerField()),
                        ('file', models.FileField(max_length=255, upload_to='')),
                        ('size', models.PositiveIntegerField(help_text='Bytes.')),
                        ('source_key', models.CharField(max_length=40)),
                        ('image', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='renditions', to='media.image')),
                    ],
                    options={
                        'db_table': 'articles_rendition',
                        'ordering': ['crop', 'format', 'width'],
                        'constraints': [models.UniqueConstraint(fields=('image', 'crop', 'format', 'width'), name='rendition_once')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
