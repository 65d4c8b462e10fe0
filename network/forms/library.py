"""Forms of the resource library: the search with its filters, and a resource's description in five languages."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ..models import Licence, ResourceKind, TagKind
from ..textsearch import MAX_QUERY_CHARS

LANGUAGES = list(settings.LANGUAGES)
TAG_FILTERS = {"principle": TagKind.PRINCIPLE, "sector": TagKind.SECTOR, "topic": TagKind.TOPIC}


def _any(label):
    return [("", label)]


class ResourceFilterForm(forms.Form):
    """The search words and filters of the library's list (a GET form; anything unknown is ignored)."""

    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_QUERY_CHARS)
    kind = forms.ChoiceField(label=_("Type"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    city = forms.ChoiceField(label=_("City"), required=False)
    principle = forms.ChoiceField(label=_("Program principle"), required=False)
    sector = forms.ChoiceField(label=_("ISIC sector"), required=False)
    topic = forms.ChoiceField(label=_("Resilience topic"), required=False)

    def __init__(self, *args, tags: dict, cities: list, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"type": "search", "placeholder": _("Words in any language")})
        self.fields["kind"].choices = _any(_("Any type")) + list(ResourceKind.choices)
        self.fields["language"].choices = _any(_("Any language")) + LANGUAGES
        self.fields["city"].choices = _any(_("Any city")) + [(str(city.pk), city.name) for city in cities]
        for name, kind in TAG_FILTERS.items():
            self.fields[name].choices = _any(_("Any")) + [
                (str(tag.pk), tag.label(language)) for tag in tags.get(kind, [])
            ]
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-control" if name == "q" else "form-select"

    def _valid(self) -> dict:
        """The fields that are valid (an unknown choice in the address is left out, the rest still applies)."""
        self.is_valid()
        return self.cleaned_data

    def query(self) -> str:
        return self._valid().get("q") or ""

    def filters(self) -> dict:
        """The chosen filters as network.selectors.library.resource_search takes them."""
        data = self._valid()
        return {
            "kind": data.get("kind") or "",
            "language": data.get("language") or "",
            "city": int(data["city"]) if data.get("city") else None,
            "tags": [int(data[name]) for name in TAG_FILTERS if data.get(name)],
        }

    def chosen(self) -> bool:
        return any(self._valid().get(name) for name in self.fields if name != "q")


class ResourceForm(forms.Form):
    """A resource as its author describes it: the file or link, and a title and summary in each language."""

    kind = forms.ChoiceField(label=_("Type"), choices=ResourceKind.choices)
    language = forms.ChoiceField(label=_("Language of the file or page"), choices=LANGUAGES)
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, office documents, pictures or recordings; the type is read from the file itself."),
    )
    remove_file = forms.BooleanField(label=_("Remove the current file"), required=False)
    link = forms.URLField(label=_("Or a link"), required=False, max_length=500, assume_scheme="https")
    credit = forms.CharField(label=_("Published by"), required=False, max_length=200)
    published_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    licence = forms.ChoiceField(label=_("Licence"), choices=Licence.choices, initial=Licence.CC_BY)
    city = forms.ChoiceField(label=_("City"), required=False)
    tags = forms.MultipleChoiceField(label=_("Tags"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, tags: dict, cities: list, language: str, has_file: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_file = has_file
        if not has_file:
            del self.fields["remove_file"]
        for code, name in LANGUAGES:
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": name}, required=False, max_length=300
            )
            self.fields[f"summary_{code}"] = forms.CharField(
                label=_("Summary (%(language)s)") % {"language": name},
                required=False,
                max_length=4000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        self.fields["city"].choices = _any(_("No city")) + [(str(city.pk), city.name) for city in cities]
        self.tag_objects = {str(tag.pk): tag for group in tags.values() for tag in group}
        self.fields["tags"].choices = [
            (TagKind(kind).label, [(str(tag.pk), tag.label(language)) for tag in group])
            for kind, group in tags.items()
            if group
        ]
        self.cities = {str(city.pk): city for city in cities}

    def language_fields(self):
        """(language name, title field, summary field) for each language, for the template."""
        return [(name, self[f"title_{code}"], self[f"summary_{code}"]) for code, name in LANGUAGES]

    def clean(self):
        cleaned = super().clean()
        if not any((cleaned.get(f"title_{code}") or "").strip() for code, _name in LANGUAGES):
            self.add_error(None, _("Give the resource a title in at least one language."))
        keeps_file = self.has_file and not cleaned.get("remove_file")
        has_file = bool(cleaned.get("file")) or keeps_file
        if cleaned.get("link") and cleaned.get("file"):
            self.add_error("link", _("Attach a file or give a link, not both."))
        elif not has_file and not cleaned.get("link"):
            self.add_error("file", _("Attach a file or give a link."))
        return cleaned

    def resource_fields(self) -> dict:
        """The service's keyword arguments (network.services.library)."""
        data = self.cleaned_data
        fields = {
            "kind": data["kind"],
            "language": data["language"],
            "titles": {code: data[f"title_{code}"] for code, _name in LANGUAGES},
            "summaries": {code: data[f"summary_{code}"] for code, _name in LANGUAGES},
            "link": data["link"],
            "credit": data["credit"],
            "published_on": data["published_on"],
            "licence": data["licence"],
            "city": self.cities.get(data["city"]),
            "tags": [self.tag_objects[pk] for pk in data["tags"] if pk in self.tag_objects],
        }
        if data.get("file"):
            fields["file"] = data["file"]
        if data.get("remove_file") and not data.get("file"):
            fields["remove_file"] = True
        return fields

    @staticmethod
    def initial_of(resource) -> dict:
        initial = {
            "kind": resource.kind,
            "language": resource.language,
            "link": resource.link,
            "credit": resource.credit,
            "published_on": resource.published_on,
            "licence": resource.licence,
            "city": str(resource.city_id or ""),
            "tags": [str(tag.pk) for tag in resource.tags.all()],
        }
        for code, _name in LANGUAGES:
            initial[f"title_{code}"] = resource.titles.get(code, "")
            initial[f"summary_{code}"] = resource.summaries.get(code, "")
        return initial
