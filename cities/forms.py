"""Forms of the cities app: parse input; the services hold the rules (amounts, currency, PDF checks)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ccrs.formatting import country_choices
from ccrs.models import CityRole
from ccrs.money import CURRENCY_CHOICES

from .models import ApplicationStatus, City, CoFundingKind, CoFundingStage, Cohort, Shock
from .scoring import MAX_SCORE
from .services.cities import PROFILE_FIELDS

PDF_INPUT = forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"})
CURRENCY_SELECT = forms.Select(choices=[("", "—"), *CURRENCY_CHOICES])


class InvitationForm(forms.Form):
    """Invite a person to the city's team by e-mail."""

    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=CityRole.choices, initial=CityRole.OFFICER)


class ApplicationInviteForm(forms.Form):
    """Staff open a city's application and invite its Chief Resilience Officer."""

    cohort = forms.ModelChoiceField(label=_("Cohort"), queryset=Cohort.objects.order_by("-start_year", "name"))
    city_name = forms.CharField(label=_("City"), max_length=120)
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)  # names in the reader's language
    email = forms.EmailField(label=_("E-mail address of the Chief Resilience Officer"))


class ApplicationForm(forms.Form):
    """The application; every field may stay empty in a draft, the service checks completeness on submit."""

    city_name = forms.CharField(label=_("City"), max_length=120, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=country_choices, required=False)
    cro_name = forms.CharField(label=_("Chief Resilience Officer"), max_length=150, required=False)
    cro_title = forms.CharField(label=_("Position"), max_length=150, required=False)
    cro_email = forms.EmailField(label=_("CRO e-mail address"), required=False)
    cro_phone = forms.CharField(label=_("CRO telephone"), max_length=40, required=False)
    strategy_summary = forms.CharField(
        label=_("Resilience strategy summary"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    strategy_url = forms.URLField(label=_("Resilience strategy link"), required=False, assume_scheme="https")
    shocks = forms.MultipleChoiceField(
        label=_("Main shocks and stresses"), choices=Shock.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    candidate_sectors = forms.CharField(
        label=_("Candidate SME sectors"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("One sector a line, such as waste collection or batik."),
    )
    currency = forms.CharField(label=_("Currency"), widget=CURRENCY_SELECT, required=False)
    cofunding_cash = forms.CharField(
        label=_("Co-funding in cash"), required=False, widget=forms.TextInput(attrs={"inputmode": "decimal"})
    )
    cofunding_in_kind = forms.CharField(
        label=_("Co-funding in kind (value)"), required=False, widget=forms.TextInput(attrs={"inputmode": "decimal"})
    )
    in_kind_description = forms.CharField(
        label=_("What the in-kind contribution is"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    letter = forms.FileField(
        label=_("Signed letter of commitment (PDF, at most 10 MB)"), required=False, widget=PDF_INPUT
    )


class ReviewForm(forms.Form):
    """A reviewer's scores of each criterion (0–5), or a declared conflict of interest."""

    conflict_of_interest = forms.BooleanField(label=_("I have a conflict of interest with this city"), required=False)
    conflict_note = forms.CharField(
        label=_("Nature of the conflict"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        choices = [("", "—")] + [(str(n), str(n)) for n in range(MAX_SCORE + 1)]
        for criterion in criteria:
            self.fields[f"criterion_{criterion.pk}"] = forms.ChoiceField(
                label=f"{criterion.name} (×{criterion.weight.normalize()})",
                help_text=criterion.description,
                choices=choices,
                required=False,
            )
        self.order_fields(
            [f"criterion_{c.pk}" for c in criteria] + ["comment", "conflict_of_interest", "conflict_note"]
        )

    def scores(self):
        return {c.pk: self.cleaned_data.get(f"criterion_{c.pk}") for c in self.criteria}


class DecisionForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (s.value, s.label)
            for s in (ApplicationStatus.SELECTED, ApplicationStatus.WAITLISTED, ApplicationStatus.DECLINED)
        ],
        widget=forms.RadioSelect,
    )
    rationale = forms.CharField(
        label=_("Rationale (the applicant reads it)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class StepCompleteForm(forms.Form):
    evidence_file = forms.FileField(label=_("Evidence (PDF)"), required=False, widget=PDF_INPUT)
    evidence_url = forms.URLField(label=_("or a link to it"), required=False, assume_scheme="https")


class CoFundingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=CoFundingKind.choices)
    stage = forms.ChoiceField(label=_("Committed or received"), choices=CoFundingStage.choices)
    amount = forms.CharField(label=_("Amount"), widget=forms.TextInput(attrs={"inputmode": "decimal"}))
    currency = forms.CharField(label=_("Currency"), widget=CURRENCY_SELECT)
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    description = forms.CharField(label=_("Description"), max_length=240, required=False)

    def __init__(self, *args, **kwargs):
        # Shown on the profile page next to the profile form, which has a currency too: ids of its own.
        kwargs.setdefault("auto_id", "id_cofunding_%s")
        super().__init__(*args, **kwargs)


class CityProfileForm(forms.ModelForm):
    shocks = forms.MultipleChoiceField(
        label=_("Shocks and stresses"), choices=Shock.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = City
        fields = PROFILE_FIELDS
        widgets = {"resilience_strategy": forms.Textarea(attrs={"rows": 4})}
