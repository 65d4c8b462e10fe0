"""Forms of mentoring: staff pairing a mentor with a city, a pair logging a session and agreeing an action."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cities.models import City

from ..models import Resource
from ..selectors.mentoring import mentors_eligible


class MentorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name()


class PairForm(forms.Form):
    mentor = MentorChoiceField(label=_("Mentor"), queryset=None)
    city = forms.ModelChoiceField(label=_("City"), queryset=City.objects.order_by("name"))
    sme_name = forms.CharField(
        label=_("SME"),
        max_length=200,
        required=False,
        help_text=_("Empty when the mentor works with the city's team."),
    )
    goals = forms.CharField(label=_("Agreed goals"), widget=forms.Textarea(attrs={"rows": 3}))
    started_on = forms.DateField(label=_("Started on"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = mentors_eligible().order_by("full_name", "pk")


class SessionForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    attendees = forms.CharField(
        label=_("Attendees"), widget=forms.Textarea(attrs={"rows": 3}), help_text=_("Who took part, one name per line.")
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    resources = forms.ModelMultipleChoiceField(
        label=_("Resources shared"), queryset=Resource.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resources"].queryset = Resource.objects.filter(
            pk__in=Resource.objects.order_by("-published_on", "-pk").values("pk")[:200]
        )


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name()


class ActionForm(forms.Form):
    description = forms.CharField(label=_("Action"), max_length=300)
    owner = OwnerChoiceField(label=_("Owner"), queryset=None, required=False)
    due_on = forms.DateField(label=_("Due on"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        from ccrs.models import User

        self.fields["owner"].queryset = User.objects.filter(pk__in=[person.pk for person in people]).order_by(
            "full_name", "pk"
        )
