"""Forms of workshops: the workshop itself, its questions and its closing report."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ccrs import uploads

from ..models import QuestionKind, Workshop

CHOICE_KIND_VALUES = {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.RANKING}


class WallClockField(forms.DateTimeField):
    """A date and time as the city's clock shows it: naive, for the service to place in the city's zone."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value):
        value = super().to_python(value)
        return timezone.make_naive(value) if value is not None and timezone.is_aware(value) else value


class WorkshopForm(forms.ModelForm):
    starts_at = WallClockField(label=_("Starts"))
    ends_at = WallClockField(label=_("Ends"))
    input_closes_at = WallClockField(
        label=_("Input closes"), required=False, help_text=_("Empty: a week after the workshop ends.")
    )

    class Meta:
        model = Workshop
        fields = [
            "title",
            "kind",
            "starts_at",
            "ends_at",
            "input_closes_at",
            "place",
            "online_link",
            "language",
            "agenda",
            "facilitators",
            "capacity",
            "anonymous_input",
            "vote_limit",
        ]
        widgets = {"agenda": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, city, **kwargs):
        super().__init__(*args, **kwargs)
        zone = city.time_zone
        for name in ("starts_at", "ends_at", "input_closes_at"):
            self.fields[name].help_text = " ".join(
                filter(None, [str(self.fields[name].help_text), _("Time in %(zone)s.") % {"zone": zone}])
            )
            value = getattr(self.instance, name, None) if self.instance.pk else None
            if value is not None:
                self.initial[name] = timezone.localtime(value, self.instance.city_tz).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("A workshop must end after it starts."))
        closes = cleaned.get("input_closes_at")
        if starts_at and closes and closes < starts_at:
            self.add_error("input_closes_at", _("Input cannot close before the workshop starts."))
        if not cleaned.get("place") and not cleaned.get("online_link") and "place" not in self.errors:
            self.add_error("place", _("Give a place, an online link or both."))
        return cleaned

    def _post_clean(self):
        """The service checks the workshop as a whole, in the city's time zone."""


class QuestionForm(forms.Form):
    """A question with its text and choices per language; choices one per line, in the same order."""

    kind = forms.ChoiceField(label=_("Type"), choices=QuestionKind.choices)
    required = forms.BooleanField(label=_("Required"), required=False, initial=True)
    scale_max = forms.IntegerField(
        label=_("Highest rating"), min_value=2, max_value=10, initial=5, help_text=_("For a rating scale: 2 to 10.")
    )

    def __init__(self, *args, question=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.languages = list(settings.LANGUAGES)
        for code, name in self.languages:
            self.fields[f"text_{code}"] = forms.CharField(
                label=_("Question (%(language)s)") % {"language": name}, required=False, max_length=500
            )
        for code, name in self.languages:
            self.fields[f"choices_{code}"] = forms.CharField(
                label=_("Choices (%(language)s)") % {"language": name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("One choice per line, in the same order in every language."),
            )
        if question is not None:
            self.initial.update(kind=question.kind, required=question.required, scale_max=question.scale_max)
            for code, _name in self.languages:
                self.initial[f"text_{code}"] = (question.text or {}).get(code, "")
                self.initial[f"choices_{code}"] = "\n".join(c.get(code, "") for c in question.choices or [])

    def clean(self):
        cleaned = super().clean()
        text = {code: cleaned.get(f"text_{code}", "").strip() for code, _name in self.languages}
        text = {code: value for code, value in text.items() if value}
        if not text:
            self.add_error(f"text_{self.languages[0][0]}", _("Write the question in at least one language."))
        lists = {}
        for code, _name in self.languages:
            lines = [line.strip() for line in (cleaned.get(f"choices_{code}") or "").splitlines()]
            while lines and not lines[-1]:
                lines.pop()
            if lines:
                lists[code] = lines
        choices = []
        if cleaned.get("kind") in CHOICE_KIND_VALUES:
            counts = {len(lines) for lines in lists.values()}
            if not lists or max(counts) < 2:
                self.add_error(
                    f"choices_{self.languages[0][0]}", _("A choice or ranking question needs at least two choices.")
                )
            elif len(counts) > 1:
                detail = ", ".join(f"{code}: {len(lines)}" for code, lines in lists.items())
                self.add_error(
                    None,
                    _("Every language needs the same number of choices, in the same order (now %(counts)s).")
                    % {"counts": detail},
                )
            elif any(not line for lines in lists.values() for line in lines):
                self.add_error(None, _("A choice line is empty; remove it or write the choice."))
            else:
                count = counts.pop()
                choices = [{code: lines[i] for code, lines in lists.items()} for i in range(count)]
        cleaned["text"], cleaned["choices"] = text, choices
        return cleaned

    def question_data(self) -> dict:
        """The valid question as the services take it (question_add, question_update)."""
        return {key: self.cleaned_data[key] for key in ("kind", "text", "choices", "required", "scale_max")}

    def language_blocks(self, first=()):
        """(shown, folded): the text and choices fields per language; the languages in `first`, and any
        with a value or an error, are shown, the others folded away."""
        shown, folded = [], []
        for code, name in self.languages:
            block = {"code": code, "name": name, "text": self[f"text_{code}"], "choices": self[f"choices_{code}"]}
            filled = any(b.value() or b.errors for b in (block["text"], block["choices"]))
            (shown if code in first or filled else folded).append(block)
        return shown, folded


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class ClosingReportForm(forms.Form):
    outcomes = forms.CharField(
        label=_("Outcomes"), required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 6})
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("Several files at once: PDF, PNG, JPEG, DOCX, XLSX or PPTX, each at most %(limit)s MB."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = self.fields["attachments"].help_text % {
            "limit": uploads.megabytes(settings.COCREATION_MAX_UPLOAD_BYTES, 0)
        }
