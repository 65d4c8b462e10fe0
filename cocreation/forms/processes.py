"""Forms of co-creation processes and the schedule of their phases."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import PhaseKind, Process


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
