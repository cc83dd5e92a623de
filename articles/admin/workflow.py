"""The article admin's workflow: roles on the server, no lost updates, revisions, presence.

`WorkflowAdminMixin` goes in front of ArticleAdmin. What it guarantees, whatever the browser sent:

- writers edit only their own unpublished articles, cannot publish, schedule, move a live
  article's time or change its authors (read-only fields are not taken from a POST at all);
- a save based on a stale copy is refused by a conditional UPDATE and answered with a conflict
  page that keeps the editor's text and offers their change reapplied on top of the new version;
- the same form submitted twice (double click, retried POST) saves once;
- every save keeps a revision; any two can be compared, and one restored as a new revision.
"""

import uuid
from contextlib import contextmanager

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import csrf_protect_m
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, router, transaction
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from reversion.models import Version

from newsroom.football.models import Club, Match, Player
from newsroom.media.models import Image

from .. import merging
from ..body import html_to_text
from ..models import Article, Author, SaveReceipt, StaleArticle, TaggedClub, TaggedPlayer, surviving_ids
from ..presence import leave, touch_presence
from ..workflow import can_edit, can_publish, mark_gone, readable_diff

User = get_user_model()
WRITER_READ_ONLY = ["published_at", "featured", "authors"]
SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}  # as ModelAdmin.changeform_view: no transaction


class ArticleForm(forms.ModelForm):
    """The article form plus the version it was based on and a token for this one submission."""

    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    edit_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, data=None, *args, **kwargs):
        # The conflict page posts its choices (mine or theirs, per field and per paragraph) beside
        # both sides' values; they become this form's own fields here, and are validated as such.
        super().__init__(merging.resolve_choices(data) if data is not None else None, *args, **kwargs)
        if not self.is_bound:
            self.initial["base_version"] = self.instance.version if self.instance.pk else None
            self.initial["edit_token"] = uuid.uuid4()

    def _get_validation_exclusions(self):
        exclude = super()._get_validation_exclusions()
        # A key picked in the form (the match, the picture) was read by its field's clean() from
        # the key's own choices; ForeignKey.validate() would read the row again to check that it
        # exists, a query each. Left out of the model's validation only a key that no unique check
        # or constraint names, so that nothing else is skipped with it.
        model = self._meta.model
        constrained = _constrained_fields(model)
        for field in model._meta.fields:
            if (
                field.many_to_one
                and field.name not in constrained
                and isinstance(self.cleaned_data.get(field.name), field.related_model)
            ):
                exclude.add(field.name)
        return exclude


def _constrained_fields(model):
    """The names of the fields a unique check or constraint of `model` may read; every field if a
    constraint does not list its fields (a check, an expression)."""
    names = {f.name for f in model._meta.fields if f.unique}
    names.update(name for together in model._meta.unique_together for name in together)
    for constraint in model._meta.constraints:
        fields = getattr(constraint, "fields", ())
        if not fields or getattr(constraint, "expressions", ()) or getattr(constraint, "condition", None):
            return {f.name for f in model._meta.fields}
        names.update(fields)
    return names


class _LookOnly(Exception):
    """Rolls a recovery page's revived rows back once its response is rendered."""

    def __init__(self, response):
        super().__init__("looked only")
        self.response = response


class WorkflowAdminMixin:
    form = ArticleForm
    # Our history page: newest first, with two-revision comparison (reversion sets its own).
    object_history_template = "admin/articles/article/object_history.html"
    history_latest_first = True
    actions = ["submit_for_review", "publish_now", "unpublish"]

    # --- Roles -------------------------------------------------------------------------------

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and can_edit(request.user, obj)

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not can_publish(request.user):
            fields += [f for f in WRITER_READ_ONLY if f not in fields]
        return fields

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not can_publish(request.user):
            # A writer may keep a draft or submit it; "published" is not even a valid choice.
            kwargs["choices"] = [
                (Article.Status.DRAFT, Article.Status.DRAFT.label),
                (Article.Status.REVIEW, Article.Status.REVIEW.label),
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        # The hidden workflow fields ride along with the story.
        hidden = ["base_version", "edit_token"]
        return [
            (name, {**opts, "fields": [*opts["fields"], *(hidden if i == 0 else [])]})
            for i, (name, opts) in enumerate(fieldsets)
        ]

    # --- Saving -------------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if not can_publish(request.user) and obj.status == Article.Status.PUBLISHED:
            raise PermissionDenied("Only editors publish.")  # belt and braces: the form refuses it too
        token = form.cleaned_data.get("edit_token")
        if change:
            try:
                obj.save(expected_version=form.cleaned_data.get("base_version") or obj.version)
            except StaleArticle as stale:
                # What the editor submitted, cleaned, for the conflict page's three-way merge.
                stale.cleaned_data = form.cleaned_data
                raise
        else:
            obj.created_by = request.user
            obj.save()
        if token:
            # Unique: a concurrent duplicate of this very submission fails here and rolls back.
            SaveReceipt.objects.create(token=token, article=obj)
        leave(obj, request.user)

    @contextmanager
    def create_revision(self, request, atomic=True):
        """The admin's revision, filled by hand: the article is added once, when the form and its
        tags, authors and corrections are all saved (save_related), instead of by reversion's
        receivers at every one of those writes. `atomic=False` when the caller holds the
        transaction (changeform_view)."""
        with reversion.create_revision(manage_manually=True, atomic=atomic):
            reversion.set_user(request.user)
            yield

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change and not can_publish(request.user):
            profile = getattr(request.user, "author_profile", None)
            if profile:
                form.instance.authors.add(profile)
        if reversion.is_active():
            reversion.add_to_revision(form.instance)

    # The add and change pages skip VersionAdmin's add_view and change_view, which open a revision
    # (and a transaction) around the whole view, inside which ModelAdmin.changeform_view opened
    # a second transaction, a savepoint, only so that a refused save could be answered inside the
    # first. changeform_view below opens one transaction holding the save and its revision, and
    # answers a conflict or a repeated submission after it has rolled back.
    def add_view(self, request, form_url="", extra_context=None):
        return self.changeform_view(request, None, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return self.changeform_view(request, object_id, form_url, extra_context)

    @csrf_protect_m
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        token = request.POST.get("edit_token") if request.method == "POST" else None
        already = self._already_saved(token)
        if already:
            return already
        if request.method in SAFE_METHODS:
            if object_id and request.method == "GET":
                article = self.get_object(request, unquote(object_id))
                if article and self.has_change_permission(request, article):
                    extra_context = {**(extra_context or {}), **self._presence_context(request, article)}
            # A page, not a save: no transaction and no revision (presence is its only write).
            return super().changeform_view(request, object_id, form_url, extra_context)
        try:
            # What ModelAdmin.changeform_view does for a write (a transaction around
            # _changeform_view), with the revision inside that same transaction.
            with (
                transaction.atomic(using=router.db_for_write(self.model)),
                self.create_revision(request, atomic=False),
            ):
                return self._changeform_view(request, object_id, form_url, extra_context)
        except StaleArticle as stale:
            return self.conflict_view(request, stale)
        except IntegrityError:
            already = self._already_saved(token)
            if already:
                return already
            raise

    def _already_saved(self, token):
        try:
            token = uuid.UUID(token) if token else None
        except ValueError:
            return None
        receipt = SaveReceipt.objects.filter(token=token).select_related("article").first() if token else None
        if not receipt or not receipt.article:
            return None
        url = reverse("admin:articles_article_change", args=[receipt.article.pk])
        response = HttpResponseRedirect(url)
        response.already_saved = True
        return response

    def delete_model(self, request, obj):
        mark_gone(obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            mark_gone(article)
        super().delete_queryset(request, queryset)

    # --- Conflicts ----------------------------------------------------------------------------

    def conflict_view(self, request, stale):
        """409: what they changed, and my changes merged onto their version, to check and save.

        Base is the revision my form started from. Fields only they changed keep theirs, fields
        only I changed take mine, tags and authors merge as sets, the body by paragraph; where we
        clash, the page offers a choice (mine preselected). The form it shows posts the ordinary
        change form at their version, so saving it is checked like any save."""
        article = get_object_or_404(Article, pk=stale.pk)
        theirs = merging.state_of_article(article)
        base_version = self._snapshot(article, stale.expected_version)
        base = merging.state_of_version(base_version) if base_version else None
        mine = merging.state_of_form(getattr(stale, "cleaned_data", {}), base or theirs)
        fields = merging.merge(base, theirs, mine)
        names = merging.describe(theirs, mine, base or theirs)
        rows = [self._conflict_row(f, names) for f in fields]
        merged_keys = {key for keys in merging.FORM_KEYS.values() for key in keys}
        workflow_keys = {"base_version", "edit_token", "csrfmiddlewaretoken", "_save", "_continue",
                         "_addanother", "body:chunks"}  # fmt: skip
        carried = [
            (key, value)
            for key, values in request.POST.lists()
            for value in values
            if key not in merged_keys | workflow_keys
            and not key.startswith(("choose:", "mine:", "theirs:", "body:"))
        ]
        last = Version.objects.get_for_object(article).select_related("revision__user").first()
        context = {
            **self.admin_site.each_context(request),
            "title": "Someone saved this article while you were editing",
            "opts": self.model._meta,
            "article": article,
            "rows": rows,
            "changed_by_them": [r for r in rows if r["they_changed"]],
            "clashes": [r for r in rows if r["clash"]],
            "known_base": base is not None,
            "carried": carried,
            "new_version": article.version,
            "new_token": uuid.uuid4(),
            "saved_by": last.revision.user if last else None,
            "saved_at": last.revision.date_created if last else article.updated_at,
            "action_url": reverse("admin:articles_article_change", args=[article.pk]),
            "mine_body": mine["body"],
        }
        return TemplateResponse(request, "admin/articles/article/conflict.html", context, status=409)

    @staticmethod
    def _conflict_row(merge, names):
        """One field of the conflict page: readable values, and what the form posts for it."""
        name = merge.name
        row = {
            "name": name,
            "label": merging.label(name),
            "they_changed": merge.they_changed,
            "i_changed": merge.i_changed,
            "clash": merge.clash,
            "base": merging.readable(name, merge.base, names),
            "theirs": merging.readable(name, merge.theirs, names),
            "mine": merging.readable(name, merge.mine, names),
            "merged": merging.readable(name, merge.merged, names),
            "their_diff": readable_diff(
                *(merging.readable(name, v, names) for v in (merge.base, merge.theirs))
            )
            if name in ("body", "standfirst")
            else [],
            "hidden": [],
            "choices": {},
            "chunks": [],
        }
        if name == "body" and merge.known_base and merge.clash:
            row["chunks"] = list(enumerate(merge.chunks))
            row["hidden"] = [("body:chunks", str(len(merge.chunks)))]
            for n, chunk in row["chunks"]:
                if chunk.clash:
                    row["hidden"] += [
                        (f"mine:body:{n}", chunk.html("mine")),
                        (f"theirs:body:{n}", chunk.html("theirs")),
                    ]
                else:
                    row["hidden"].append((f"body:{n}", chunk.html()))
        elif merge.clash:
            row["choices"] = {side: merging.form_values(name, getattr(merge, side)) for side in merging.SIDES}
            row["hidden"] = [
                (f"{side}:{key}", value) for side, pairs in row["choices"].items() for key, value in pairs
            ]
        else:
            row["hidden"] = merging.form_values(name, merge.merged)
        if name == "body":
            row["merged_html"] = merge.merged
        return row

    @staticmethod
    def _snapshot(article, version_number):
        """The revision that holds the article at `version_number`."""
        for version in Version.objects.get_for_object(article):
            if version.field_dict.get("version") == version_number:
                return version
        return None

    # --- Presence -----------------------------------------------------------------------------

    def _presence_context(self, request, article):
        others = touch_presence(article, request.user)
        return {
            "others_editing": others,
            "heartbeat_url": reverse("admin:articles_article_heartbeat", args=[article.pk]),
        }

    def heartbeat_view(self, request, object_id):
        article = self._article_or_404(request, object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        now = timezone.now()
        others = [
            {
                "name": s.user.get_full_name() or s.user.get_username(),
                "seconds_ago": int((now - s.last_seen).total_seconds()),
            }
            for s in touch_presence(article, request.user)
        ]
        return JsonResponse({"others": others, "version": article.version})

    # --- Revisions ----------------------------------------------------------------------------

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Compare a revision with the article as it is now, and restore it as a new revision.

        Restoring brings back content; a live report stays live at its address and time unless
        an editor ticks "also restore the publication". The page lists each field that changes,
        and what is kept and why; a writer's restore leaves the fields writers cannot edit."""
        article = self._article_or_404(request, object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_for_object(article), pk=version_id)
        with_publication = request.method == "POST" and bool(request.POST.get("with_publication"))
        steps = self._restore_plan(request, article, version, with_publication)
        if request.method == "POST":
            try:
                seen = int(request.POST.get("version", ""))
            except ValueError:
                seen = None
            try:
                self._restore(request, article, version, steps, seen)
            except StaleArticle:
                self.message_user(
                    request, "Someone saved the article while you were looking: check the changes again.",
                    messages.WARNING,
                )  # fmt: skip
                article.refresh_from_db()
                return self._compare(request, article, version, None, status=409)
            self.message_user(
                request,
                f"Restored the revision of {timezone.localtime(version.revision.date_created):%d %b %Y %H:%M}"
                " as a new revision.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
        return self._compare(request, article, version, None)

    def _restore_plan(self, request, article, version, with_publication):
        current, revision = merging.state_of_article(article), merging.state_of_version(version)
        for name, model in (("clubs", Club), ("players", Player)):
            # A club or player merged since the revision comes back as what it became.
            revision[name] = frozenset(surviving_ids(model, revision[name])[0])
        names = merging.describe(current, revision)
        locked = set(self.get_readonly_fields(request, article))
        steps = merging.restore_plan(
            current, revision, may_publish=can_publish(request.user), locked=locked,
            with_publication=with_publication, names=names,
        )  # fmt: skip
        for step in steps:
            step.label = merging.label(step.name)
            step.now_text = merging.readable(step.name, step.now, names)
            step.then_text = merging.readable(step.name, step.then, names)
        return steps

    def _article_or_404(self, request, object_id):
        # ModelAdmin.get_object() answers None for an id that is not a number or is out of range.
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No such article.")
        return article

    def recoverlist_view(self, request, extra_context=None):
        # Who may delete may bring back; writers cannot delete, so they do not recover either.
        if not self.has_delete_permission(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        """The deleted article's form, filled from its last revision, to check and save.

        Reversion's own recovery writes the revision's rows back raw, so a club, player, match,
        picture or author deleted since (or a slug another article took) made the save fail at
        the database. Here the article is brought back through its own save, what no longer
        exists is followed through a merge or left out, and the page says which."""
        if not self.has_delete_permission(request):
            raise PermissionDenied
        try:
            version = Version.objects.get_deleted(Article).get(pk=int(version_id))
        except (Version.DoesNotExist, ValueError, OverflowError):
            raise Http404("No deleted article has that revision.") from None
        try:
            # One transaction and one revision: the revived rows and the editor's save of them.
            with transaction.atomic(using=version.db), self.create_revision(request, atomic=False):
                article, notes = self._revive(version)
                context = {
                    **(extra_context or {}),
                    "title": f"Recover “{article.headline}”",
                    "recover": True,
                    "recover_notes": notes,
                }
                response = self.changeform_view(request, str(article.pk), request.path, context)
                if request.method == "POST" and response.status_code == 302:
                    reversion.set_comment("Recovered after it was deleted.")
                    for note in notes:
                        self.message_user(request, note, messages.WARNING)
                    return response
                # Looking (or a form with errors) changes nothing: the revived rows roll back.
                if hasattr(response, "render"):
                    response.render()
                raise _LookOnly(response)
        except _LookOnly as look:
            return look.response

    @staticmethod
    def _revive(version):
        """Write the deleted article back from `version`, through Article.save(): (article, notes)."""
        fields = version.field_dict
        notes = []
        article = Article(pk=version.object_id and int(version.object_id))
        for field in Article._meta.concrete_fields:
            if field.attname in fields and field.attname != "id":
                setattr(article, field.attname, fields[field.attname])
        for name, model, what in (("match", Match, "match"), ("hero_image", Image, "picture")):
            pk = fields.get(f"{name}_id")
            if pk and not model.objects.filter(pk=pk).exists():
                setattr(article, f"{name}_id", None)
                notes.append(f"Its {what} was deleted since; it is left out.")
        if article.created_by_id and not User.objects.filter(pk=article.created_by_id).exists():
            article.created_by_id = None
        day = article._publication_date()
        if Article.objects.filter(publication_date=day, slug=article.slug).exists():
            taken, n = article.slug, 2
            while Article.objects.filter(publication_date=day, slug=f"{taken[:190]}-{n}").exists():
                n += 1
            article.slug = f"{taken[:190]}-{n}"
            notes.append(
                f"Another article of that day uses the address “{taken}”: it is back as “{article.slug}”."
            )
        article.save(force_insert=True)
        authors = set(fields.get("authors", ()))
        found = set(Author.objects.filter(pk__in=authors).values_list("pk", flat=True))
        article.authors.set(sorted(found))
        if authors - found:
            notes.append(f"{len(authors - found)} author(s) were deleted since; they are left out.")
        clubs, players = _tag_ids(version)
        for ids, model, manager in ((clubs, Club, article.clubs), (players, Player, article.players)):
            existing, gone = surviving_ids(model, ids)
            manager.set(list(model.objects.filter(pk__in=existing)))
            merged = {pk for pk in ids - gone if pk not in existing}
            plural = model._meta.verbose_name_plural
            if merged:
                notes.append(
                    f"{len(merged)} of its {plural} were merged since: it is tagged with what they became."
                )
            if gone:
                notes.append(f"{len(gone)} of its {plural} were deleted since; they are left out.")
        return article, notes

    def history_view(self, request, object_id, extra_context=None):
        article = self._article_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        versions = Version.objects.get_for_object(article).select_related("revision__user").order_by("-pk")
        return super().history_view(request, object_id, {**(extra_context or {}), "versions": versions})

    def compare_view(self, request, object_id):
        article = self._article_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        versions = Version.objects.get_for_object(article)
        try:
            older = versions.get(pk=request.GET.get("a"))
            newer = versions.get(pk=request.GET.get("b"))
        except (Version.DoesNotExist, ValueError):
            raise Http404("Choose two revisions of this article.") from None
        if older.revision.date_created > newer.revision.date_created:
            older, newer = newer, older
        return self._compare(request, article, older, newer)

    def _compare(self, request, article, older, newer, status=200):
        old_state = _state_of(older)
        new_state = _state_of(newer) if newer else _current_state(article)
        rows = []
        for label, key in (("Headline", "headline"), ("Standfirst", "standfirst"), ("Body", "body")):
            rows.append((label, readable_diff(old_state[key], new_state[key])))
        for label, key in (("Clubs", "clubs"), ("Players", "players")):
            removed, added = sorted(old_state[key] - new_state[key]), sorted(new_state[key] - old_state[key])
            rows.append((label, [("-", n) for n in removed] + [("+", n) for n in added]))
        context = {
            **self.admin_site.each_context(request),
            "title": f"Changes to “{article.headline}”",
            "opts": self.model._meta,
            "article": article,
            "older": older,
            "newer": newer,
            "rows": rows,
            "can_restore": newer is None and self.has_change_permission(request, article),
        }
        if context["can_restore"]:
            context["restore_steps"] = self._restore_plan(request, article, older, with_publication=False)
            context["publication_differs"] = can_publish(request.user) and any(
                s.name in merging.PUBLICATION_FIELDS and s.why_not == "publication is kept"
                for s in context["restore_steps"]
            )
            context["version_seen"] = article.version
        return TemplateResponse(request, "admin/articles/article/revision_diff.html", context, status=status)

    def _restore(self, request, article, version, steps, seen_version):
        """Apply the plan's applied steps in one save, claimed at the version the page showed."""
        changes = {step.name: step.then for step in steps if step.applied}
        with transaction.atomic(), reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(f"Restored the revision of {version.revision.date_created:%Y-%m-%d %H:%M}.")
            for name, value in changes.items():
                if name in merging.KEY_FIELDS:
                    setattr(article, f"{name}_id", value)
                elif name not in merging.SET_FIELDS:
                    setattr(article, name, value)
            if seen_version is None:  # the page always says which version it showed
                raise StaleArticle(article.pk, seen_version)
            article.save(expected_version=seen_version)
            if "authors" in changes:
                article.authors.set(sorted(changes["authors"]))
            for name, model in (("clubs", Club), ("players", Player)):
                if name in changes:
                    getattr(article, name).set(list(model.objects.filter(pk__in=changes[name])))

    # --- Actions ------------------------------------------------------------------------------

    @admin.action(description="Submit the selected drafts for review", permissions=["change"])
    def submit_for_review(self, request, queryset):
        done = self._transition(
            request, queryset, Article.Status.REVIEW, {Article.Status.DRAFT}, "Submitted for review."
        )
        self.message_user(request, f"Submitted {done} article(s) for review.", messages.SUCCESS)

    @admin.action(description="Publish the selected articles now", permissions=["publish"])
    def publish_now(self, request, queryset):
        done = self._transition(
            request, queryset, Article.Status.PUBLISHED, {Article.Status.DRAFT, Article.Status.REVIEW},
            "Published.", publish=True,
        )  # fmt: skip
        self.message_user(request, f"Published {done} article(s).", messages.SUCCESS)

    @admin.action(description="Unpublish the selected articles", permissions=["publish"])
    def unpublish(self, request, queryset):
        done = self._transition(
            request, queryset, Article.Status.DRAFT, {Article.Status.PUBLISHED}, "Unpublished."
        )
        self.message_user(request, f"Unpublished {done} article(s); their addresses now answer 410 Gone.")

    def _transition(self, request, queryset, status, allowed_from, message, publish=False):
        done = 0
        for article in queryset:
            if article.status not in allowed_from or not self.has_change_permission(request, article):
                continue
            with transaction.atomic(), reversion.create_revision():
                reversion.set_user(request.user)
                reversion.set_comment(message)
                article.status = status
                if publish and (article.published_at is None or article.published_at > timezone.now()):
                    article.published_at = timezone.now()
                article.save()
            self.log_change(request, article, message)
            done += 1
        return done

    def get_urls(self):
        heartbeat = self.admin_site.admin_view(require_POST(self.heartbeat_view))
        compare = self.admin_site.admin_view(self.compare_view)
        return [
            path("<path:object_id>/heartbeat/", heartbeat, name="articles_article_heartbeat"),
            path("<path:object_id>/history/compare/", compare, name="articles_article_compare"),
            *super().get_urls(),
        ]


def _tag_ids(version):
    """The club and player ids tagged in the revision that `version` belongs to."""
    clubs, players = set(), set()
    for related in version.revision.version_set.all():
        if related._model is TaggedClub:
            clubs.add(related.field_dict["tag_id"])
        elif related._model is TaggedPlayer:
            players.add(related.field_dict["tag_id"])
    return clubs, players


def _names(model, ids):
    return set(model.objects.filter(pk__in=ids).values_list("name", flat=True))


def _state_of(version):
    fields = version.field_dict
    clubs, players = _tag_ids(version)
    return {
        "headline": fields.get("headline", ""),
        "standfirst": fields.get("standfirst", ""),
        "body": html_to_text(fields.get("body", "")),
        "clubs": _names(Club, clubs),
        "players": _names(Player, players),
    }


def _current_state(article):
    return {
        "headline": article.headline,
        "standfirst": article.standfirst,
        "body": html_to_text(article.body),
        "clubs": {c.name for c in article.clubs.all()},
        "players": {p.name for p in article.players.all()},
    }
