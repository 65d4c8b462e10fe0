"""Forms of the co-creation app: the public input form built from a workshop's questions, and staff forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import QuestionKind, Stakeholder

HONEYPOT = "website"


class InputForm(forms.Form):
    """A workshop's questions as form fields, labelled in the stakeholder's language.

    A ranking question becomes one "rank" drop-down per choice, so it works without JavaScript.
    """

    def __init__(self, *args, questions, language, initial_answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.language = language
        initial_answers = initial_answers or {}
        for question in questions:
            key = str(question.pk)
            label = question.text_in(language)
            choices = list(enumerate(question.choices_in(language)))
            value = initial_answers.get(key)
            name = f"q{key}"
            kind = question.kind
            required = question.required
            if kind == QuestionKind.SHORT_TEXT:
                field = forms.CharField(label=label, required=required, max_length=300)
            elif kind == QuestionKind.LONG_TEXT:
                field = forms.CharField(
                    label=label, required=required, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
                )
            elif kind == QuestionKind.SINGLE_CHOICE:
                field = forms.TypedChoiceField(
                    label=label, required=required, choices=choices, coerce=int, widget=forms.RadioSelect
                )
            elif kind == QuestionKind.MULTIPLE_CHOICE:
                field = forms.TypedMultipleChoiceField(
                    label=label, required=required, choices=choices, coerce=int, widget=forms.CheckboxSelectMultiple
                )
            elif kind == QuestionKind.RATING:
                scale = [(n, str(n)) for n in range(1, question.scale_max + 1)]
                field = forms.TypedChoiceField(
                    label=label,
                    required=required,
                    choices=scale,
                    coerce=int,
                    widget=forms.RadioSelect(attrs={"class": "rating"}),
                )
            elif kind == QuestionKind.RANKING:
                ranks = [("", "—")] + [(n, str(n + 1)) for n in range(len(choices))]
                for index, text in choices:
                    sub = f"{name}_{index}"
                    self.fields[sub] = forms.TypedChoiceField(
                        label=f"{label} · {text}", required=required, choices=ranks, coerce=int, empty_value=None
                    )
                    if isinstance(value, list) and index in value:
                        self.initial[sub] = value.index(index)
                continue
            else:
                field = forms.FileField(label=label, required=required and not value)
            self.fields[name] = field
            if value is not None and kind != QuestionKind.FILE:
                self.initial[name] = value
        self.fields[HONEYPOT] = forms.CharField(required=False, label=_("Leave this field empty"))

    def answers(self) -> tuple[dict, dict]:
        """({question id: raw answer}, {question id: uploaded file}) for the service to check."""
        answers, files = {}, {}
        for question in self.questions:
            key, name = str(question.pk), f"q{question.pk}"
            if question.kind == QuestionKind.RANKING:
                count = len(question.choices or [])
                ranks = [self.cleaned_data.get(f"{name}_{i}") for i in range(count)]
                if all(r is None for r in ranks):
                    continue
                order = [None] * count
                for index, rank in enumerate(ranks):
                    if rank is None or order[rank] is not None:
                        order = [0] * count  # the service answers "give every choice a different rank"
                        break
                    order[rank] = index
                answers[key] = order
            elif question.kind == QuestionKind.FILE:
                if self.cleaned_data.get(name):
                    files[key] = self.cleaned_data[name]
            else:
                answers[key] = self.cleaned_data.get(name)
        return answers, files

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT))


class StakeholderForm(forms.ModelForm):
    consent_version = forms.CharField(
        label=_("Consent text version agreed to"),
        required=False,
        max_length=40,
        help_text=_("Fill in only if the person agreed to the data processing text, e.g. 2026-01."),
    )

    class Meta:
        model = Stakeholder
        fields = ["name", "email", "organisation", "kind", "sector", "size", "women_led", "gender", "language", "phone"]


class StakeholderImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: name, email, kind, organisation, sector, size, women_led, gender, language, phone."),
    )
    consent_version = forms.CharField(label=_("Consent text version agreed to"), required=False, max_length=40)


class InviteForm(forms.Form):
    everyone = forms.BooleanField(label=_("Invite every stakeholder of the registry not yet invited"), required=False)


class ExportForm(forms.Form):
    format = forms.ChoiceField(choices=[("xlsx", "XLSX"), ("csv", "CSV")])


# --- ideas, evaluation and calls ------------------------------------------------------------------


class IdeaForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    cluster = forms.CharField(label=_("Cluster"), required=False, max_length=80)
    tags = forms.CharField(label=_("Tags"), required=False, help_text=_("Separate tags with commas."))
    submission = forms.IntegerField(required=False, widget=forms.HiddenInput)


class IdeaEditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}))


class IdeaTagForm(forms.Form):
    cluster = forms.CharField(label=_("Cluster"), required=False, max_length=80)
    tags = forms.CharField(label=_("Tags"), required=False, help_text=_("Separate tags with commas."))


class IdeaMergeForm(forms.Form):
    into = forms.TypedChoiceField(label=_("Merge into"), coerce=int, choices=[])

    def __init__(self, *args, ideas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].choices = [("", "—")] + [(i.pk, i.title) for i in ideas]


class CriterionForm(forms.Form):
    name = forms.CharField(label=_("Criterion"), max_length=120)
    weight = forms.DecimalField(label=_("Weight"), min_value=0.01, max_digits=5, decimal_places=2)


class ConflictForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("Do you have a conflict of interest with any item of this evaluation?"),
        choices=[("no", _("No")), ("yes", _("Yes"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    details = forms.CharField(
        label=_("Details"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("With a conflict: who, and how you are linked. You will not score."),
    )

    def clean(self):
        data = super().clean()
        if data.get("has_conflict") and not (data.get("details") or "").strip():
            self.add_error("details", _("Describe the conflict of interest: who, and how you are linked."))
        return data


class ScoreSheetForm(forms.Form):
    """One score from 0 to 10 and a comment per criterion."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"score_{criterion.pk}"] = forms.DecimalField(
                label=f"{criterion.name} ({criterion.weight})",
                min_value=0,
                max_value=10,
                max_digits=3,
                decimal_places=1,
                widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
                error_messages={
                    "min_value": _("Give a score from 0 to 10."),
                    "max_value": _("Give a score from 0 to 10."),
                },
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": criterion.name},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def rows(self):
        return [(self[f"score_{c.pk}"], self[f"comment_{c.pk}"]) for c in self.criteria]

    def values(self) -> tuple[dict, dict]:
        data = self.cleaned_data
        return (
            {c.pk: data[f"score_{c.pk}"] for c in self.criteria},
            {c.pk: data.get(f"comment_{c.pk}", "") for c in self.criteria},
        )


class CallForm(forms.Form):
    """A call for SME proposals; the deadline is the city's wall-clock time."""

    idea = forms.TypedChoiceField(label=_("Chosen solution"), coerce=int, choices=[])
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 5}))
    max_employees = forms.IntegerField(
        label=_("Largest eligible SME (employees)"),
        min_value=1,
        initial=249,
        help_text=_("9 for micro, 49 for small, 249 for medium enterprises."),
    )
    registered_in_city = forms.BooleanField(label=_("Must be registered in the city"), required=False, initial=True)
    required_documents = forms.CharField(
        label=_("Required documents"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One document per line, e.g. Business registration."),
    )
    budget = forms.DecimalField(label=_("Budget"), required=False, min_value=0, max_digits=18, decimal_places=2)
    currency = forms.CharField(
        label=_("Currency"), max_length=3, initial="USD", help_text=_("ISO 4217 code, e.g. VND.")
    )
    deadline = forms.DateTimeField(
        label=_("Deadline"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
    )

    def __init__(self, *args, ideas, time_zone, **kwargs):
        super().__init__(*args, **kwargs)
        self.ideas = {i.pk: i for i in ideas}
        self.fields["idea"].choices = [("", "—")] + [(i.pk, i.title) for i in ideas]
        self.fields["deadline"].help_text = _("In the city's time zone (%(tz)s).") % {"tz": time_zone}

    def clean_deadline(self):
        # Read as the city's wall clock by the service, not in the server's time zone.
        value = self.cleaned_data["deadline"]
        return value.replace(tzinfo=None) if value is not None else value

    def clean_currency(self):
        return self.cleaned_data["currency"].strip().upper()

    def clean_required_documents(self):
        lines = [line.strip() for line in self.cleaned_data["required_documents"].splitlines()]
        names = list(dict.fromkeys(line for line in lines if line))
        if any(len(name) > 120 for name in names):
            raise forms.ValidationError(_("Keep each document name under 120 characters."))
        return names

    def call_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["idea"] = self.ideas[data["idea"]]
        return data


class ClarificationForm(forms.Form):
    question = forms.CharField(label=_("Question"), widget=forms.Textarea(attrs={"rows": 2}))
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 3}))


class ProposalForm(forms.Form):
    """An SME's proposal with one upload per document the call requires, labelled in the SME's language."""

    title = forms.CharField(label=_("Title of your proposal"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you offer, where, for whom, and how."),
    )
    employees = forms.IntegerField(label=_("Number of employees"), min_value=1, max_value=100000)
    registered_in_city = forms.BooleanField(label=_("My business is registered in the city"), required=False)
    amount = forms.DecimalField(label=_("Amount asked"), required=False, min_value=0, max_digits=18, decimal_places=2)

    def __init__(self, *args, documents, currency, **kwargs):
        super().__init__(*args, **kwargs)
        self.documents = list(documents)
        self.fields["amount"].help_text = _("In %(currency)s.") % {"currency": currency}
        for index, name in enumerate(self.documents):
            self.fields[f"document_{index}"] = forms.FileField(label=name, required=False)
        self.fields[HONEYPOT] = forms.CharField(required=False, label=_("Leave this field empty"))

    def uploaded_documents(self) -> dict:
        return {
            name: self.cleaned_data[f"document_{index}"]
            for index, name in enumerate(self.documents)
            if self.cleaned_data.get(f"document_{index}")
        }

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT))


# --- processes, stakeholders, workshops -----------------------------------------------------------

from django.conf import settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from .models import PhaseKind, Process, StakeholderKind, Workshop  # noqa: E402

CONSENT_VERSION = settings.COCREATION_CONSENT_VERSION
CHOICE_KIND_VALUES = {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.RANKING}


class ProcessForm(forms.ModelForm):
    class Meta:
        model = Process
        fields = ["title", "challenge"]
        widgets = {"challenge": forms.Textarea(attrs={"rows": 4})}


class PhaseScheduleForm(forms.Form):
    """The dates of the five phases; a phase is scheduled when both its dates are given."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind, label in PhaseKind.choices:
            date_input = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            self.fields[f"{kind}_starts_on"] = forms.DateField(
                label=_("%(phase)s starts") % {"phase": label}, required=False, widget=date_input
            )
            self.fields[f"{kind}_ends_on"] = forms.DateField(
                label=_("%(phase)s ends") % {"phase": label}, required=False, widget=date_input
            )

    def clean(self):
        cleaned = super().clean()
        schedule = {}
        for kind in PhaseKind.values:
            starts_on, ends_on = cleaned.get(f"{kind}_starts_on"), cleaned.get(f"{kind}_ends_on")
            if starts_on and ends_on:
                if ends_on < starts_on:
                    self.add_error(f"{kind}_ends_on", _("A phase cannot end before it starts."))
                schedule[kind] = (starts_on, ends_on)
            elif starts_on or ends_on:
                self.add_error(
                    f"{kind}_ends_on" if starts_on else f"{kind}_starts_on",
                    _("Give both dates of the phase, or neither."),
                )
        cleaned["schedule"] = schedule
        return cleaned

    def phase_fields(self):
        """(label, start field, end field) per phase, for the template."""
        return [(label, self[f"{kind}_starts_on"], self[f"{kind}_ends_on"]) for kind, label in PhaseKind.choices]


class StakeholderEditForm(forms.ModelForm):
    """A stakeholder's details, with a box that records consent to the current text version."""

    consent = forms.BooleanField(required=False)

    class Meta:
        model = Stakeholder
        fields = ["name", "email", "organisation", "kind", "sector", "size", "women_led", "gender", "language", "phone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_version = CONSENT_VERSION
        self.fields["consent"].label = _(
            "The person agreed to the data processing text above (version %(version)s)."
        ) % {"version": CONSENT_VERSION}
        if self.instance.pk and self.instance.consent_version == CONSENT_VERSION:
            self.initial["consent"] = True

    def validate_unique(self):
        """The service checks the e-mail against the registry, with a message that names the duplicate."""


class StakeholderCsvForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, with a header row, as in the template."),
        widget=forms.FileInput(attrs={"class": "form-control", "accept": ".csv,text/csv"}),
    )
    consent = forms.BooleanField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_version = CONSENT_VERSION
        self.fields["consent"].label = _(
            "Everyone in the file agreed to the data processing text (version %(version)s)."
        ) % {"version": CONSENT_VERSION}

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("The CSV file can be at most 2 MB; split it into several files."))
        try:
            return uploaded.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("Save the file as CSV in UTF-8 and try again.")) from None


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

    def language_blocks(self, first=()):
        """(shown, folded): the text and choices fields per language; the languages in `first`, and any
        with a value or an error, are shown, the others folded away."""
        shown, folded = [], []
        for code, name in self.languages:
            block = {"code": code, "name": name, "text": self[f"text_{code}"], "choices": self[f"choices_{code}"]}
            filled = any(b.value() or b.errors for b in (block["text"], block["choices"]))
            (shown if code in first or filled else folded).append(block)
        return shown, folded


class InviteFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("All types")), *StakeholderKind.choices],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    q = forms.CharField(label=_("Search"), required=False, max_length=100)


class InviteCsvForm(StakeholderCsvForm):
    pass


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
        from . import uploads

        self.fields["attachments"].help_text = self.fields["attachments"].help_text % {
            "limit": f"{uploads.MAX_UPLOAD_BYTES / 1048576:.0f}"
        }
