"""Picked records whose id is no id: a clear form error, never a query that fails.

A crafted or mangled POST can send `match=abc` or an id longer than the column holds. Django's
own fields turn "abc" into a form error, but an integer out of the column's range reaches the
database: SQLite's driver raises OverflowError and PostgreSQL a DataError, each a 500 (and on
PostgreSQL an aborted transaction). The autocomplete widgets query the selected ids again when a
form with errors is shown, so there even "abc" failed. These fields and widgets check an id
against the range of the primary key's type, the same on every database (the ranges Django
declares for PostgreSQL's columns, which are also within SQLite's), before anything is queried.

It lives outside the apps because every app's admin uses it (the football and media apps may not
import the editorial one), and articles/admin/ applies it to the admins of Django's and other
packages' apps (guard_every_admin) as well.
"""

from django import forms
from django.contrib.admin import helpers
from django.contrib.admin.views.main import ERROR_FLAG
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db.backends.base.operations import BaseDatabaseOperations
from django.http import HttpResponseRedirect


def is_key(model, value):
    """Can `value` be a primary key of `model` on every database the site runs on?"""
    field = model._meta.pk
    low, high = BaseDatabaseOperations.integer_field_ranges.get(field.get_internal_type(), (None, None))
    if low is None:
        return True  # not an integer key: the field's own checks apply
    try:
        number = int(str(value).strip())
    except ValueError:
        return False
    return low <= number <= high


def keys_only(model, values):
    return [v for v in values if v in (None, "") or is_key(model, v)]


class KeyChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not is_key(self.queryset.model, value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class KeysChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        if isinstance(value, (list, tuple)):
            for pk in value:
                if not is_key(self.queryset.model, pk):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                    )
        return super()._check_values(value)


class KeyAutocompleteSelect(AutocompleteSelect):
    def optgroups(self, name, value, attr=None):
        # A re-rendered form shows what was sent; what cannot be an id is simply not selected.
        return super().optgroups(name, keys_only(self.choices.queryset.model, value), attr)


class KeyAutocompleteSelectMultiple(AutocompleteSelectMultiple):
    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, keys_only(self.choices.queryset.model, value), attr)


class KeyFieldsAdminMixin:
    """For a ModelAdmin: its foreign-key and many-to-many fields refuse ids that are no ids, and
    an action's selection is only the ids that can be (the changelist otherwise filters by them)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", KeyChoiceField)
        if db_field.name in self.get_autocomplete_fields(request) and "widget" not in kwargs:
            kwargs["widget"] = KeyAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", KeysChoiceField)
        if db_field.name in self.get_autocomplete_fields(request) and "widget" not in kwargs:
            kwargs["widget"] = KeyAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def response_action(self, request, queryset):
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        valid = [pk for pk in selected if is_key(self.model, pk)]
        if valid != selected:
            request.POST = request.POST.copy()
            request.POST.setlist(helpers.ACTION_CHECKBOX_NAME, valid)
        return super().response_action(request, queryset)

    def get_search_results(self, request, queryset, search_term):
        # PostgreSQL refuses a NUL in any text it is sent (a DataError, a 500), and no stored text
        # holds one: every form refuses them. The list's search and the autocomplete both come here.
        return super().get_search_results(request, queryset, search_term.replace("\x00", ""))

    def changelist_view(self, request, extra_context=None):  # only a ModelAdmin's; inlines have none
        # A filter's value is sent to the database as it came: with a NUL in it, PostgreSQL
        # refuses the query. It can match nothing, so it gets Django's answer to a wrong filter.
        if any("\x00" in value for key, value in request.GET.items() if key != "q"):
            return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")
        # The date drill-down builds a date range from ?<field>__year=…: a year past 9998 (whose
        # range would end in 10000) is an OverflowError or ValueError there, not the "incorrect
        # lookup" Django answers for "abc". Both get Django's answer to that.
        if self.date_hierarchy:
            for part, high in (("year", 9998), ("month", 12), ("day", 31)):
                value = request.GET.get(f"{self.date_hierarchy}__{part}")
                if value is not None and not (value.isdigit() and 1 <= int(value) <= high):
                    return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")
        return super().changelist_view(request, extra_context)


def guard_every_admin(site):
    """Re-register each ModelAdmin on `site` that is not keyed yet (Django's users and groups,
    sites, redirects, axes' logs) as a keyed subclass of itself. Their inlines are left as they
    are: none of those admins has one, and the project's own admins mix the class in themselves."""
    for model, current in list(site._registry.items()):
        if isinstance(current, KeyFieldsAdminMixin):
            continue
        keyed = type(
            f"Keyed{type(current).__name__}", (KeyFieldsAdminMixin, type(current)), {"__module__": __name__}
        )
        site.unregister(model)
        site.register(model, keyed)
