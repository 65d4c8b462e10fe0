"""Forms of the sector assessment: parse and validate input; the services hold the rules."""

import uuid

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ccrs.public_forms import HoneypotMixin

from .models import Assessment, CandidateSector, ClosureRisk, Confidence, DigitalAdoption, IsicCode, SurveyResponse
from .services.assessments import ASSESSMENT_FIELDS

SAATY_SCALE = [
    ("9", _("9 · extremely more important")),
    ("7", _("7 · very strongly more important")),
    ("5", _("5 · strongly more important")),
    ("3", _("3 · moderately more important")),
    ("1", _("1 · equally important")),
    ("0.333333", _("1/3 · moderately less important")),
    ("0.2", _("1/5 · strongly less important")),
    ("0.142857", _("1/7 · very strongly less important")),
    ("0.111111", _("1/9 · extremely less important")),
]


class AssessmentSettingsForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = list(ASSESSMENT_FIELDS)


class SectorForm(forms.ModelForm):
    isic = forms.ModelChoiceField(
        label=_("ISIC Rev.4 section or division"), queryset=IsicCode.objects.order_by("code"), to_field_name="code"
    )

    class Meta:
        model = CandidateSector
        fields = [
            "isic",
            "local_name",
            "description",
            "city_employment_base",
            "city_employment",
            "national_employment_base",
            "national_employment",
            "firms",
            "sme_firms",
            "sme_employment",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class SectorValuesForm(forms.Form):
    """A value, source and confidence for each criterion of one sector."""

    def __init__(self, *args, criteria, values, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            current = values.get(criterion.pk)
            self.fields[f"value_{criterion.pk}"] = forms.DecimalField(
                label=f"{gettext(criterion.name)} ({gettext(criterion.unit)})",
                required=False,
                max_digits=18,
                decimal_places=4,
                initial=current.value if current else None,
                help_text=criterion.get_direction_display(),
            )
            self.fields[f"source_{criterion.pk}"] = forms.CharField(
                label=_("Source"), required=False, max_length=250, initial=current.source if current else ""
            )
            self.fields[f"confidence_{criterion.pk}"] = forms.ChoiceField(
                label=_("Confidence"),
                choices=Confidence.choices,
                initial=current.confidence if current else Confidence.MEDIUM,
            )

    def entries(self) -> list[dict]:
        """The criteria given a value, each with its value, source and confidence (for the service)."""
        return [
            {
                "criterion": criterion,
                "value": self.cleaned_data[f"value_{criterion.pk}"],
                "source": self.cleaned_data[f"source_{criterion.pk}"],
                "confidence": self.cleaned_data[f"confidence_{criterion.pk}"],
            }
            for criterion in self.criteria
            if self.cleaned_data[f"value_{criterion.pk}"] is not None
        ]

    def rows(self):
        for criterion in self.criteria:
            yield (
                criterion,
                self[f"value_{criterion.pk}"],
                self[f"source_{criterion.pk}"],
                self[f"confidence_{criterion.pk}"],
            )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel file"), help_text=_("Use the template: one row per sector and criterion.")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 2 MB. Split it."))
        return upload


class AhpForm(forms.Form):
    """One comparison per pair of criteria, on Saaty's 1–9 scale."""

    def __init__(self, *args, criteria, judgements, **kwargs):
        super().__init__(*args, **kwargs)
        self.pairs = []
        for i, a in enumerate(criteria):
            for b in criteria[i + 1 :]:
                key = f"{a.pk}:{b.pk}"
                initial = judgements.get(key, 1)
                closest = min(SAATY_SCALE, key=lambda choice, v=float(initial): abs(float(choice[0]) - v))[0]
                self.fields[key] = forms.ChoiceField(
                    label=f"{gettext(a.name)} / {gettext(b.name)}", choices=SAATY_SCALE, initial=closest
                )
                self.pairs.append((a, b, key))

    def judgements(self):
        return {key: float(self.cleaned_data[key]) for _a, _b, key in self.pairs}


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("return", _("Return to the city"))]
    )
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class SelectionForm(forms.Form):
    sector = forms.ModelChoiceField(label=_("Sector"), queryset=CandidateSector.objects.none())
    rationale = forms.CharField(
        label=_("Rationale"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why this sector: what the ranking, the survey and the city's challenges say."),
    )

    def __init__(self, *args, assessment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = CandidateSector.objects.filter(assessment=assessment).order_by("local_name")
        self.fields["sector"].label_from_instance = lambda sector: sector.local_name


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=[("approve", _("Approve")), ("reject", _("Send back"))])
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class SurveyForm(HoneypotMixin, forms.ModelForm):
    """The SME business-continuity survey; `website` is a honeypot people never see."""

    finance_access = forms.TypedChoiceField(
        label=_("Can your business get a loan or credit when it needs one?"),
        choices=YES_NO,
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    climate_exposed = forms.TypedChoiceField(
        label=_("Have floods, storms, heat or drought disrupted your business in the last three years?"),
        choices=YES_NO,
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    women_owned = forms.TypedChoiceField(
        label=_("Is the business owned or led by a woman?"),
        choices=YES_NO,
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    # Made anew each time the form is shown; sent twice, it stores one response.
    submission_key = forms.UUIDField(initial=uuid.uuid4, widget=forms.HiddenInput)

    class Meta:
        model = SurveyResponse
        fields = [
            "sector",
            "revenue_change",
            "employees_before",
            "employees_now",
            "closure_risk",
            "finance_access",
            "digital_adoption",
            "climate_exposed",
            "women_owned",
        ]
        labels = {
            "sector": _("What does your business do?"),
            "revenue_change": _("How has your monthly revenue changed since before the pandemic (%)?"),
            "employees_before": _("How many people worked in the business before the pandemic?"),
            "employees_now": _("How many work there now?"),
            "closure_risk": _("How likely is it that the business closes in the next twelve months?"),
            "digital_adoption": _("Which digital tools does the business use?"),
        }
        help_texts = {"revenue_change": _("For example −30 for a loss of 30%, 10 for a gain of 10%.")}
        widgets = {
            "closure_risk": forms.RadioSelect,
            "digital_adoption": forms.RadioSelect,
            "revenue_change": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "employees_before": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "employees_now": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }

    def __init__(self, *args, assessment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = CandidateSector.objects.filter(assessment=assessment).order_by("local_name")
        self.fields["sector"].label_from_instance = lambda sector: sector.local_name
        self.fields["sector"].empty_label = _("Choose what your business does")
        self.fields["closure_risk"].choices = ClosureRisk.choices
        # "None" alone is also a msgid of Django's admin, whose Indonesian catalog leaves it "None" and wins
        # over this app's (it comes first in INSTALLED_APPS): the SME reads an answer of its own.
        self.fields["digital_adoption"].choices = [
            (value, _("No digital tools") if value == DigitalAdoption.NONE else label)
            for value, label in DigitalAdoption.choices
        ]
        self.fields["revenue_change"].min_value = -100

    def clean_revenue_change(self):
        value = self.cleaned_data["revenue_change"]
        if value is not None and not -100 <= value <= 1000:
            raise forms.ValidationError(_("Enter a change between −100% and 1000%."))
        return value
