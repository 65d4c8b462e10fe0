"""Staff data care for cohorts and cities."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from ccrs.models import CityMembership

from .models import City, Cohort


class CityInline(admin.TabularInline):
    model = City
    extra = 0
    fields = ["name", "local_name", "country", "population"]
    show_change_link = True


class TeamInline(admin.TabularInline):
    model = CityMembership
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role"]


@admin.register(Cohort)
class CohortAdmin(SimpleHistoryAdmin):
    list_display = ["name", "region", "start_year", "end_year", "max_cities", "city_count"]
    list_filter = ["region", "start_year"]
    search_fields = ["name", "region"]
    inlines = [CityInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(city_count=Count("cities"))

    @admin.display(description=_("cities"), ordering="city_count")
    def city_count(self, obj):
        return obj.city_count


@admin.register(City)
class CityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "local_name", "country", "cohort", "population", "time_zone", "team_size"]
    list_filter = ["cohort", "country"]
    search_fields = ["name", "local_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["cohort"]
    inlines = [TeamInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(team_size=Count("memberships"))

    @admin.display(description=_("team"), ordering="team_size")
    def team_size(self, obj):
        return obj.team_size
