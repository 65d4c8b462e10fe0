"""Staff data care for the resource library: every save of a resource goes through the library's index, and a
new file is checked by its content as on the library's own pages."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from ..models import Resource
from ..services import library as services


class ResourceAdminForm(forms.ModelForm):
    class Meta:
        model = Resource
        fields = [
            "kind",
            "language",
            "titles",
            "summaries",
            "published_on",
            "licence",
            "credit",
            "file",
            "link",
            "author",
            "city",
            "tags",
        ]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            try:
                services.file_check(upload)
            except ValidationError as error:
                raise ValidationError(error.message_dict["file"]) from None
        return upload


@admin.register(Resource)
class ResourceAdmin(SimpleHistoryAdmin):
    form = ResourceAdminForm
    list_display = ["__str__", "kind", "language", "published_on", "author", "city", "licence", "created_at"]
    list_filter = ["kind", "language", "licence", "city", "tags", "published_on"]
    search_fields = ["search_title", "search_text", "credit", "file_name", "link", "author__email"]
    date_hierarchy = "published_on"
    list_select_related = ["author", "city"]
    filter_horizontal = ["tags"]
    raw_id_fields = ["author"]
    readonly_fields = ["file_name", "file_type", "file_size", "search_title", "search_text", "search_vector_shown"]
    fieldsets = [
        (None, {"fields": ["kind", "language", "titles", "summaries", "published_on", "licence", "credit"]}),
        (_("File or link"), {"fields": ["file", "file_name", "file_type", "file_size", "link"]}),
        (_("Who and where"), {"fields": ["author", "city", "tags"]}),
        (_("Search index"), {"fields": ["search_title", "search_text", "search_vector_shown"]}),
    ]

    @admin.display(description=_("search vector"))
    def search_vector_shown(self, resource):
        return resource.search_vector or "—"

    def save_model(self, request, obj, form, change):
        upload = form.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):
            kind = services.file_check(upload)
            obj.file_name, obj.file_type, obj.file_size = upload.name[-200:], kind.mime, upload.size
        super().save_model(request, obj, form, change)
        services.resource_index(resource=obj)

    def delete_model(self, request, obj):
        services.resource_delete(resource=obj)

    def delete_queryset(self, request, queryset):
        for resource in queryset:
            services.resource_delete(resource=resource)
