"""Benchmark: what each reader page weighs, compressed, against the 60 KB budget.

    .venv/bin/python bench/page_weight.py [--budget-kb 60]

Not part of the test suite. Loads the demo newsroom (`load_demo`) into a throwaway SQLite
database and media folder, fetches every kind of page with Django's test client as an anonymous
reader, and for each page sums the gzip-compressed bytes (level 6, what WhiteNoise and most
servers send) of the HTML and of every stylesheet and script it links from our own /static/.
Images are left apart: they load lazily and are measured by bench/images.py.

It also checks the critical path: exactly one render-blocking stylesheet, and no
render-blocking script (every <script src> must be `defer`, `async` or a module). Exits 1 when a
page is over budget or blocks rendering on anything else.
"""

import argparse
import gzip
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_STYLESHEETS = re.compile(r"<link\b[^>]*\brel=\"stylesheet\"[^>]*>", re.I)
_SCRIPTS = re.compile(r"<script\b[^>]*\bsrc=\"[^\"]+\"[^>]*>", re.I)
_HREF = re.compile(r"\b(?:href|src)=\"([^\"]+)\"")


def gz(data):
    return len(gzip.compress(data, compresslevel=6))


def setup():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.test")
    workdir = tempfile.mkdtemp(prefix="newsroom-weight-")
    os.environ["SQLITE_PATH"] = str(Path(workdir) / "db.sqlite3")
    import django
    from django.conf import settings

    django.setup()
    settings.MEDIA_ROOT = str(Path(workdir) / "media")
    settings.ALLOWED_HOSTS = ["testserver"]
    import logging

    logging.getLogger("newsroom.request").setLevel(logging.WARNING)
    logging.getLogger("django.request").setLevel(logging.ERROR)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)


def pages():
    from articles.models import Article, Author
    from newsroom.football.models import Club, Competition, Player

    article = Article.objects.published().filter(match__isnull=False).order_by("-published_at").first()
    club = Club.objects.filter(articles__isnull=False).first()
    player = Player.objects.filter(articles__isnull=False).first()
    competition = Competition.objects.filter(matches__articles__isnull=False).first()
    author = Author.objects.filter(articles__isnull=False).first()
    return {
        "front": "/",
        "article": article.get_absolute_url(),
        "club": club.get_absolute_url(),
        "clubs index": "/clubs/",
        "player": player.get_absolute_url(),
        "competition": competition.get_absolute_url(),
        "author": author.get_absolute_url(),
        "search": "/search/?q=" + (club.name.split()[0]),
        "search (empty)": "/search/",
        "not found": "/no-such-page/",
    }


def static_bytes(url, cache):
    """The file behind a /static/ URL, read through the staticfiles finders (no collectstatic)."""
    from django.conf import settings
    from django.contrib.staticfiles import finders

    if url not in cache:
        path = finders.find(url.split("?")[0].removeprefix(settings.STATIC_URL))
        if not path:
            raise SystemExit(f"{url} is linked but not found")
        cache[url] = Path(path).read_bytes()
    return cache[url]


def measure(budget_kb):
    from django.test import Client

    client = Client()
    cache, failures = {}, []
    header = f"{'page':16} {'HTML':>9} {'CSS':>9} {'JS':>9} {'total':>9}  blocking"
    print(f"{header}   (gzip bytes; budget {budget_kb} KB)")
    for name, url in pages().items():
        response = client.get(url)
        html = response.content
        text = html.decode()
        head = text.split("</head>", 1)[0]
        css_urls = [_HREF.search(tag).group(1) for tag in _STYLESHEETS.findall(text)]
        script_tags = _SCRIPTS.findall(text)
        js_urls = [_HREF.search(tag).group(1) for tag in script_tags]
        blocking_css = [u for u in css_urls if u in head]
        blocking_js = [tag for tag in script_tags if not re.search(r"\b(defer|async|type=\"module\")", tag)]
        css = sum(gz(static_bytes(u, cache)) for u in css_urls if u.startswith("/static/"))
        js = sum(gz(static_bytes(u, cache)) for u in js_urls if u.startswith("/static/"))
        total = gz(html) + css + js
        blocking = f"{len(blocking_css)} css, {len(blocking_js)} js"
        figures = f"{name:16} {gz(html):>9,} {css:>9,} {js:>9,} {total:>9,}"
        print(f"{figures}  {blocking}  {url} ({response.status_code})")
        if total > budget_kb * 1024:
            failures.append(f"{name} weighs {total / 1024:.1f} KB")
        if len(blocking_css) != 1 or blocking_js:
            failures.append(f"{name} has {blocking}")
    return failures


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--budget-kb", type=float, default=60)
    args = parser.parse_args()
    setup()
    failures = measure(args.budget_kb)
    if failures:
        print("\nOVER BUDGET OR BLOCKING:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print(f"\nEvery page is within {args.budget_kb:g} KB compressed, with one render-blocking stylesheet.")


if __name__ == "__main__":
    main()
