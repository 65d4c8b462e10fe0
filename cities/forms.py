"""Forms of the cities app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ccrs.models import CityRole


class InvitationForm(forms.Form):
    """Invite a person to the city's team by e-mail."""

    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=CityRole.choices, initial=CityRole.OFFICER)
