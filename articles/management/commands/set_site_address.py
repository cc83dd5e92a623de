"""Store the address the site is served at in the sites framework (Site SITE_ID), e.g.
`manage.py set_site_address 127.0.0.1:8000`. `make run` calls it with the address it serves, so the
admin's "View on site" and every absolute URL built from the Site record (sitemaps, the feeds'
fallback) point at this server and not at Django's placeholder `example.com`. Safe to repeat.
"""

import re

from django.conf import settings
from django.contrib.sites.models import Site
from django.core.management.base import BaseCommand, CommandError

# host or host:port; no scheme, path or spaces (the sites framework stores a bare domain).
ADDRESS = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")


class Command(BaseCommand):
    help = "Set the sites framework's domain to the address the site is served at (host[:port])."

    def add_arguments(self, parser):
        parser.add_argument("address", help="e.g. 127.0.0.1:8000 or news.example.org")
        parser.add_argument("--name", default="Newsroom", help="The site's display name.")

    def handle(self, *args, address, name, **options):
        address = address.strip().removeprefix("http://").removeprefix("https://").rstrip("/")
        if not ADDRESS.match(address):
            raise CommandError(f"{address!r} is not a host or host:port (e.g. 127.0.0.1:8000).")
        site, created = Site.objects.update_or_create(
            pk=settings.SITE_ID, defaults={"domain": address, "name": name}
        )
        self.stdout.write(f"Site address {'set' if created else 'now'}: {site.domain}")
