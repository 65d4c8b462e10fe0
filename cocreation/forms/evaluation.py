"""Forms of the panel evaluation: a criterion, a conflict declaration and a score sheet."""

from django import forms
from django.utils.translation import gettext_lazy as _


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
