"""Forms of calls for SME proposals: the call, a clarification and the SME's proposal."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ccrs.public_forms import HoneypotMixin


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


class ProposalForm(HoneypotMixin, forms.Form):
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

    def uploaded_documents(self) -> dict:
        return {
            name: self.cleaned_data[f"document_{index}"]
            for index, name in enumerate(self.documents)
            if self.cleaned_data.get(f"document_{index}")
        }
