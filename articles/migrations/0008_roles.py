"""The newsroom's roles: Writer and Editor groups with their permissions (idempotent)."""

from django.db import migrations

WRITER = {
    "article": ["add", "change", "view"],
    "image": ["add", "change", "view"],
    **{
        model: ["view"]
        for model in [
            *["club", "player", "match", "goal", "event", "appearance"],
            *["competition", "author", "correction"],
        ]
    },
}
EDITOR = {
    "article": ["add", "change", "delete", "view", "publish"],
    "correction": ["add", "change", "delete", "view"],
    "image": ["add", "change", "delete", "view"],
    "club": ["add", "change", "delete", "view"],
    "player": ["add", "change", "delete", "view"],
    "match": ["add", "change", "delete", "view"],
    "goal": ["add", "change", "delete", "view"],
    # The match record's timeline and line-ups (football 0003): added by 0014_roles_match_record.
    "event": ["add", "change", "delete", "view"],
    "appearance": ["add", "change", "delete", "view"],
    "competition": ["add", "change", "view"],
    "author": ["add", "change", "view"],
}


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrations; the groups need them now. They are made
    # from the models as they are at this migration (apps=apps), not as they are in today's code:
    # since the apps were split, today's `articles` no longer holds clubs, players and matches.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    grant_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def grant_roles(Group, Permission):
    """Create or update both groups; also used by tests after a flush empties the groups table."""
    for name, grants in (("Writer", WRITER), ("Editor", EDITOR)):
        group, _ = Group.objects.get_or_create(name=name)
        codenames = [
            "publish_article" if action == "publish" else f"{action}_{model}"
            for model, actions in grants.items()
            for action in actions
        ]
        # The apps that own these models since the split (football, media) and before it (articles).
        group.permissions.set(
            Permission.objects.filter(
                content_type__app_label__in=["articles", "football", "media"], codename__in=codenames
            )
        )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Writer", "Editor"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
