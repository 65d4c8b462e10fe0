"""Staff data care of case studies. Review and publication go through the site's pages (the services): the status,
the public version and who decided are read-only here, and a published version is never changed."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ccrs.admin import ReadOnly

from ..models import CaseStudy, CaseStudyPhoto, CaseStudyQuote, CaseStudySection, CaseStudyVersion


@admin.register(CaseStudy)
class CaseStudyAdmin(SimpleHistoryAdmin):
    list_display = ["slug", "city", "kind", "status", "licence", "updated_at"]
    list_filter = ["status", "kind", "licence", "city"]
    search_fields = ["slug", "city__name", "sector_name"]
    list_select_related = ["city"]
    readonly_fields = [
        "status", "public_version", "submitted_at", "submitted_by", "decided_at", "decided_by", "unpublished_at",
        "unpublish_note", "review_comment",
    ]  # fmt: skip


@admin.register(CaseStudySection)
class CaseStudySectionAdmin(SimpleHistoryAdmin):
    list_display = ["study", "key", "language", "updated_at"]
    list_filter = ["key", "language"]
    search_fields = ["study__slug", "body"]
    list_select_related = ["study__city"]
    readonly_fields = ["study", "key", "language"]


@admin.register(CaseStudyQuote)
class CaseStudyQuoteAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "study", "speaker_kind", "consent", "language"]
    list_filter = ["consent", "speaker_kind", "language"]
    search_fields = ["text", "speaker_name", "study__slug"]
    list_select_related = ["study__city"]
    readonly_fields = ["study", "consent", "consent_recorded_at", "consent_recorded_by", "source_submission_id"]


@admin.register(CaseStudyPhoto)
class CaseStudyPhotoAdmin(SimpleHistoryAdmin):
    """Photos are uploaded on the study's page, which checks them and removes their EXIF data."""

    list_display = ["caption", "study", "credit", "consent"]
    list_filter = ["consent"]
    search_fields = ["caption", "credit", "study__slug"]
    list_select_related = ["study__city"]
    readonly_fields = ["study", "image", "content_type", "consent"]

    def has_add_permission(self, request):
        return False


@admin.register(CaseStudyVersion)
class CaseStudyVersionAdmin(ReadOnly, admin.ModelAdmin):
    """A published version is the record of what the public saw: read only."""

    list_display = ["study", "number", "published_at", "figures_as_of", "licence"]
    list_filter = ["licence"]
    search_fields = ["study__slug", "study__city__name"]
    list_select_related = ["study__city"]
