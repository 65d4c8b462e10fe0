"""The public input form built from a workshop's questions, in the stakeholder's language."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ccrs.public_forms import HoneypotMixin

from ..models import QuestionKind


class InputForm(HoneypotMixin, forms.Form):
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
                    widget=forms.RadioSelect(attrs={"data-scale": "rating"}),  # laid out as a row of boxes
                )
            elif kind == QuestionKind.RANKING:
                ranks = [("", _("Choose a rank"))] + [(n, str(n + 1)) for n in range(len(choices))]
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


class ExportForm(forms.Form):
    format = forms.ChoiceField(choices=[("xlsx", "XLSX"), ("csv", "CSV")])
