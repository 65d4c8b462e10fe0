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
