"""Links never break: an address that changed answers 301 with the new one, one taken down 410."""

from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site


def move_address(old_path, new_path):
    """`old_path` now answers 301 to `new_path` (or 410 Gone when `new_path` is empty), in one hop.

    Redirects that pointed at `old_path` are rewritten to `new_path`, and a stale redirect away
    from `new_path` (an address that lives again) is dropped.
    """
    if old_path == new_path:
        return
    site = Site.objects.get_current()
    if new_path:
        Redirect.objects.filter(site=site, new_path=old_path).update(new_path=new_path)
        Redirect.objects.filter(site=site, old_path=new_path).delete()
    Redirect.objects.update_or_create(site=site, old_path=old_path, defaults={"new_path": new_path})
