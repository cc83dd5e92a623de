"""Matches and their goals in the admin."""

from django.contrib import admin

from ..models import Goal, Match


class GoalInline(admin.TabularInline):
    model = Goal
    extra = 1
    autocomplete_fields = ["scorer", "club"]


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin):
    list_display = ["__str__", "competition", "season", "round", "kickoff"]
    list_filter = ["competition", "season"]
    list_select_related = ["competition", "home_club", "away_club"]
    search_fields = ["home_club__name", "away_club__name", "competition__name", "season", "venue"]
    date_hierarchy = "kickoff"
    autocomplete_fields = ["competition", "home_club", "away_club"]
    inlines = [GoalInline]
    fieldsets = [
        (None, {"fields": ["competition", "season", "round", "kickoff", "venue"]}),
        ("Teams and score", {"fields": [("home_club", "home_score"), ("away_club", "away_score")]}),
        ("Other facts", {"fields": ["attendance", "referee"]}),
    ]
