"""Make sure the `admin` superuser exists, so a fresh `make run` can log straight in.

On first run a random password is generated, stored in var/admin-password.txt (git-ignored, mode
0600) and printed; later runs print it again from there. DJANGO_ADMIN_PASSWORD, when set, always
wins and resets the password. Safe to run any number of times.
"""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Create the 'admin' superuser if missing and print its password (DJANGO_ADMIN_PASSWORD overrides)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--password-file",
            default=str(Path(settings.BASE_DIR) / "var" / "admin-password.txt"),
            help="Where the generated password is kept between runs.",
        )

    @transaction.atomic
    def handle(self, *args, username, password_file, **options):
        password_path = Path(password_file)
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username, defaults={"is_staff": True, "is_superuser": True}
        )
        password = os.environ.get("DJANGO_ADMIN_PASSWORD")
        if password:
            source = "from DJANGO_ADMIN_PASSWORD"
        elif created or not password_path.exists():
            password = secrets.token_urlsafe(12)
            password_path.parent.mkdir(parents=True, exist_ok=True)
            password_path.touch(mode=0o600)
            password_path.write_text(password + "\n")
            source = f"generated, kept in {password_path}"
        else:
            password = password_path.read_text().strip()
            source = f"kept in {password_path}"
            if user.check_password(password):
                self._report(username, password, source)
                return
            # Someone changed it in the admin: say so rather than print a stale password.
            self.stdout.write(
                f"Admin user '{username}' exists; its password was changed since {password_path} was written."
            )
            return
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        self._report(username, password, source)

    def _report(self, username, password, source):
        self.stdout.write(self.style.SUCCESS(f"Admin login: {username} / {password}  ({source})"))
