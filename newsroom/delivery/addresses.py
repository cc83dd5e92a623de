"""Public addresses: built fast, and never broken (an address that changed answers 301 with the
new one, one taken down 410)."""

from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.core.signals import setting_changed
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse

# reverse() costs 10-20 µs a call, and a page makes 50-80 of them (every card, tag, scorer and
# result links somewhere). Each pattern is reversed once with placeholders, per URLconf and
# script prefix; the rest is string formatting. Only for ASCII slugs (a SlugField's, which need no
# quoting): anything else goes through reverse().
_templates = {}


def _forget_templates(**kwargs):
    _templates.clear()


setting_changed.connect(_forget_templates)


def slug_url(name, slug):
    """reverse(name, kwargs={"slug": slug}), for a URL whose only argument is the slug."""
    if not slug.isascii() or "{" in slug or "}" in slug:
        return reverse(name, kwargs={"slug": slug})
    key = (name, get_urlconf(), get_script_prefix())
    template = _templates.get(key)
    if template is None:
        template = _templates[key] = reverse(name, kwargs={"slug": "__slug__"}).replace("__slug__", "{slug}")
    return template.format(slug=slug)


def fixed_url(name):
    """reverse(name), for a URL without arguments (the masthead's and footer's links)."""
    key = (name, get_urlconf(), get_script_prefix())
    address = _templates.get(key)
    if address is None:
        address = _templates[key] = reverse(name)
    return address


def static_url(path):
    """static(path): the hashed name's lookup in the manifest, kept per path and prefix."""
    key = ("static", path, get_script_prefix())
    address = _templates.get(key)
    if address is None:
        address = _templates[key] = static(path)
    return address


def dated_url(name, day, slug):
    """reverse() of a /<yyyy>/<mm>/<dd>/<slug>/ URL."""
    if not slug.isascii() or "{" in slug or "}" in slug:
        return reverse(name, kwargs={"year": day.year, "month": day.month, "day": day.day, "slug": slug})
    key = (name, get_urlconf(), get_script_prefix())
    template = _templates.get(key)
    if template is None:
        sample = reverse(name, kwargs={"year": 1999, "month": 11, "day": 22, "slug": "__slug__"})
        template = sample.replace("1999/11/22", "{y:04d}/{m:02d}/{d:02d}").replace("__slug__", "{slug}")
        _templates[key] = template
    return template.format(y=day.year, m=day.month, d=day.day, slug=slug)


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


def moved(old_paths):
    """{old path: where move_address() sent it ("" for gone)} for those of `old_paths` that moved."""
    return dict(
        Redirect.objects.filter(site=Site.objects.get_current(), old_path__in=list(old_paths))
        .values_list("old_path", "new_path")
    )
