"""Forms of the directory: a person's own profile, staff adding a network member."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ..models import Organisation, Tag, TagKind, Visibility

# The zones of the program's cities and partners; anything else is refused by the service.
TIME_ZONES = [
    "Asia/Bangkok",
    "Asia/Ho_Chi_Minh",
    "Asia/Jakarta",
    "Asia/Kuala_Lumpur",
    "Asia/Singapore",
    "Asia/Manila",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Europe/Amsterdam",
    "Europe/London",
    "America/New_York",
    "UTC",
]


class TagChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, tag):
        return tag.label((self.language or "en")[:2])


class ProfileForm(forms.Form):
    """What a person shows of themselves in the directory; the service checks and saves it."""

    role_title = forms.CharField(label=_("Role"), max_length=120, required=False)
    languages = forms.MultipleChoiceField(
        label=_("Languages I work in"), choices=settings.LANGUAGES, required=False, widget=forms.CheckboxSelectMultiple
    )
    offers = forms.CharField(label=_("What I offer"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    seeks = forms.CharField(label=_("What I am looking for"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    time_zone = forms.ChoiceField(label=_("Time zone"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    show_email = forms.ChoiceField(label=_("Who sees my e-mail address"), choices=Visibility.choices)
    show_phone = forms.ChoiceField(label=_("Who sees my phone number"), choices=Visibility.choices)
    listed = forms.BooleanField(
        label=_("List me in the directory"),
        required=False,
        help_text=_("Unlisted, only the program staff find you; you still take part in the network."),
    )

    def __init__(self, *args, language: str = "en", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = [("", _("My city's time zone")), *((zone, zone) for zone in TIME_ZONES)]
        tags = Tag.objects.order_by("name")
        for kind, label in TagKind.choices:
            field = TagChoiceField(
                label=label, queryset=tags.filter(kind=kind), required=False, widget=forms.CheckboxSelectMultiple
            )
            field.language = language
            self.fields[f"tags_{kind}"] = field

    def tags(self) -> list[Tag]:
        return [tag for kind in TagKind.values for tag in self.cleaned_data.get(f"tags_{kind}", [])]


class MemberAddForm(forms.Form):
    """Staff add a person to the network; the invitation goes by e-mail."""

    email = forms.EmailField(label=_("E-mail address"))
    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name"), required=False
    )
    role_title = forms.CharField(label=_("Role"), max_length=120, required=False)
    is_mentor = forms.BooleanField(label=_("Mentor"), required=False)
    language = forms.ChoiceField(label=_("Language of the e-mail"), choices=settings.LANGUAGES, initial="en")
