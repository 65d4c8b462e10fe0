"""Forms of the pilots app: parse input; the services hold the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ccrs.money import CURRENCY_CHOICES

from .models import DISAGGREGATION_CHOICES, CoBenefit, Measure, MilestoneStatus, PilotStatus, ResultType


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*,application/pdf"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class UpdateForm(forms.Form):
    """The phone form of an update; numbers are parsed by the service so its messages name the field."""

    value = forms.CharField(label=_("Value"), required=False, widget=forms.TextInput(attrs={"inputmode": "decimal"}))
    numerator = forms.CharField(
        label=_("Numerator"), required=False, widget=forms.TextInput(attrs={"inputmode": "decimal"})
    )
    denominator = forms.CharField(
        label=_("Denominator"), required=False, widget=forms.TextInput(attrs={"inputmode": "decimal"})
    )
    narrative = forms.CharField(label=_("What happened"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    evidence = MultipleFileField(
        label=_("Photos or documents"), required=False, help_text=_("JPEG, PNG, WebP, HEIC or PDF, up to 10 MB each.")
    )

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        if indicator.measure == Measure.PERCENTAGE:
            del self.fields["value"]
        else:
            del self.fields["numerator"]
            del self.fields["denominator"]
        if indicator.measure == Measure.QUALITATIVE:
            del self.fields["value"]
        elif indicator.measure == Measure.UNIT and indicator.unit:
            self.fields["value"].label = _("Value (%(unit)s)") % {"unit": indicator.unit}
        self.dimensions = indicator.disaggregation_categories()
        for key, label, categories in self.dimensions:
            for cat, cat_label in categories:
                self.fields[f"disaggregated_{key}_{cat}"] = forms.CharField(
                    label=f"{label}: {cat_label}",
                    required=False,
                    widget=forms.TextInput(attrs={"inputmode": "decimal"}),
                )

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "value": data.get("value"),
            "numerator": data.get("numerator"),
            "denominator": data.get("denominator"),
            "narrative": data.get("narrative", ""),
            "disaggregated": {
                key: {cat: data.get(f"disaggregated_{key}_{cat}") for cat, _label in categories}
                for key, _label, categories in self.dimensions
            },
            "files": data.get("evidence") or [],
        }


class ReviewForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ResultForm(forms.Form):
    type = forms.ChoiceField(label=_("Type"), choices=ResultType.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class IndicatorForm(forms.Form):
    result = forms.TypedChoiceField(label=_("Result"), coerce=int)
    title = forms.CharField(label=_("Title"), max_length=200)
    measure = forms.ChoiceField(label=_("Measure"), choices=Measure.choices)
    unit = forms.CharField(label=_("Unit"), max_length=40, required=False)
    ascending = forms.BooleanField(label=_("Higher is better"), required=False, initial=True)
    baseline_value = forms.DecimalField(label=_("Baseline value"), required=False, max_digits=18, decimal_places=4)
    baseline_year = forms.IntegerField(label=_("Baseline year"), required=False, min_value=1990, max_value=2100)
    baseline_comment = forms.CharField(label=_("Baseline source"), max_length=300, required=False)
    sector_baseline = forms.TypedChoiceField(
        label=_("Or start from the sector assessment"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("A value of the approved sector assessment: its value, year and source become the baseline."),
    )
    co_benefits = forms.MultipleChoiceField(
        label=_("Co-benefits"), choices=CoBenefit.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    disaggregations = forms.MultipleChoiceField(
        label=_("Disaggregations"), choices=DISAGGREGATION_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, results, baselines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["result"].choices = [(r.pk, f"{r.get_type_display()}: {r.title}") for r in results]
        if baselines:
            self.fields["sector_baseline"].choices = [("", "—")] + [
                (b.pk, f"{b.name}: {b.value.normalize():f} {b.unit}".strip()) for b in baselines
            ]
        else:
            del self.fields["sector_baseline"]

    def clean(self):
        data = super().clean()
        if data.get("sector_baseline") and data.get("baseline_value") is not None:
            self.add_error(
                "sector_baseline",
                _("Either type a baseline value or take one from the sector assessment, not both."),
            )
        return data


class PilotStartForm(forms.Form):
    """Start a pilot from the proposal awarded in a city's call for SME proposals."""

    proposal = forms.TypedChoiceField(label=_("Awarded proposal"), coerce=int)
    title = forms.CharField(label=_("Pilot title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    start_date = forms.DateField(label=_("Start date"), widget=forms.DateInput(attrs={"type": "date"}))
    end_date = forms.DateField(label=_("End date"), widget=forms.DateInput(attrs={"type": "date"}))
    reporting_currency = forms.ChoiceField(label=_("Reporting currency"), choices=CURRENCY_CHOICES, initial="USD")

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].choices = [
            (p.pk, f"{p.call.process.city.name} · {p.title} ({p.stakeholder.organisation or p.stakeholder.name})")
            for p in proposals
        ]

    def clean(self):
        data = super().clean()
        if data.get("start_date") and data.get("end_date") and data["end_date"] <= data["start_date"]:
            self.add_error("end_date", _("The end date must come after the start date."))
        return data


class PeriodForm(forms.Form):
    indicator = forms.TypedChoiceField(label=_("Indicator"), coerce=int)
    start = forms.DateField(label=_("Period start"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Period end"), widget=forms.DateInput(attrs={"type": "date"}))
    target_value = forms.DecimalField(label=_("Target"), required=False, max_digits=18, decimal_places=4)
    target_comment = forms.CharField(label=_("Target comment"), max_length=300, required=False)

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [(i.pk, i.title) for i in indicators]


class ExpenditureForm(forms.Form):
    budget_line = forms.TypedChoiceField(label=_("Budget line"), coerce=int)
    spent_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    amount = forms.DecimalField(label=_("Amount"), max_digits=18, decimal_places=2, min_value=0)
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCY_CHOICES)
    description = forms.CharField(label=_("Description"), max_length=200)
    evidence = forms.FileField(
        label=_("Receipt or invoice"),
        required=False,
        help_text=_("JPEG, PNG, WebP, HEIC or PDF, up to 10 MB each."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*,application/pdf"}),
    )

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["budget_line"].choices = [(line.pk, str(line)) for line in lines]


class MilestoneStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=MilestoneStatus.choices)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=PilotStatus.choices)
