"""The reader's search form."""

from django import forms
from django.db.models import Q

from newsroom.football import reads as football_reads

from . import names


class SearchForm(forms.Form):
    """/search/?q=&club=&competition=&since=&until=: every field optional, all validated."""

    q = forms.CharField(label="Search reports", required=False, strip=True)
    # A name, not a list: a <select> of every club is thousands of options on a real archive.
    club = forms.CharField(
        required=False, max_length=100, label="Club",
        widget=forms.TextInput(attrs={"placeholder": "Any club", "autocomplete": "off"}),
    )  # fmt: skip
    competition = forms.ChoiceField(required=False, label="Competition")
    since = forms.DateField(required=False, label="From", widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(required=False, label="To", widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        # One read of the competitions gives both the <select> and the one chosen (a model choice
        # field reads them twice).
        self.competitions = {competition.slug: competition for competition in football_reads.competitions()}
        self.fields["competition"].choices = [("", "Any competition")] + [
            (slug, competition.name) for slug, competition in self.competitions.items()
        ]

    def clean_competition(self):
        return self.competitions.get(self.cleaned_data["competition"])

    def clean_club(self):
        """The club named (its name in any case or accents, or the slug from its page's address)."""
        name = self.cleaned_data["club"]
        if not name:
            return None
        # Looked up among the known names search reads anyway (names.py): no query of its own.
        club = names.club_named(self.request, name)
        if club is None:
            raise forms.ValidationError(f"No club is called “{name}”. Try its full name, as on its page.")
        return club

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise forms.ValidationError("The “From” date must be before the “To” date.")
        return data

    def filters(self):
        """The narrowing of Article.objects.published() the form asks for, as one Q."""
        data, narrowing = self.cleaned_data, Q()
        if data.get("club"):
            narrowing &= Q(clubs=data["club"].pk)
        if data.get("competition"):
            narrowing &= Q(match__competition=data["competition"])
        if data.get("since"):
            narrowing &= Q(published_at__date__gte=data["since"])
        if data.get("until"):
            narrowing &= Q(published_at__date__lte=data["until"])
        return narrowing
