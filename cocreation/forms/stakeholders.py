"""Forms of the stakeholder registry (one person, a CSV import) and of workshop invitations."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ..models import Stakeholder, StakeholderKind


class InviteForm(forms.Form):
    everyone = forms.BooleanField(label=_("Invite every stakeholder of the registry not yet invited"), required=False)


CONSENT_VERSION = settings.COCREATION_CONSENT_VERSION


class StakeholderForm(forms.ModelForm):
    """A stakeholder's details, the one form of the registry's inline add, its own page and the edit page.

    A new person's language starts as the city's main language. Consent is a box beside the data
    processing text: ticked, the service records the current text version and the time; staff never
    type a version.
    """

    consent = forms.BooleanField(required=False)

    class Meta:
        model = Stakeholder
        fields = ["name", "email", "organisation", "kind", "sector", "size", "women_led", "gender", "language", "phone"]

    def __init__(self, *args, city=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_version = settings.COCREATION_CONSENT_VERSION
        self.fields["consent"].label = _(
            "The person agreed to the data processing text above (version %(version)s)."
        ) % {"version": self.consent_version}
        self.consent_text_id = "consent-text-person"
        self.fields["consent"].widget.attrs["aria-describedby"] = self.consent_text_id
        if self.instance.pk:
            if self.instance.consent_version == self.consent_version:
                self.initial["consent"] = True
        elif city is not None and "language" not in self.initial:
            self.initial["language"] = city.main_language

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
        self.consent_version = settings.COCREATION_CONSENT_VERSION
        self.fields["consent"].label = _(
            "Everyone in the file agreed to the data processing text (version %(version)s)."
        ) % {"version": self.consent_version}
        self.consent_text_id = "consent-text-file"
        self.fields["consent"].widget.attrs["aria-describedby"] = self.consent_text_id

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("The CSV file can be at most 2 MB; split it into several files."))
        try:
            return uploaded.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("Save the file as CSV in UTF-8 and try again.")) from None


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
