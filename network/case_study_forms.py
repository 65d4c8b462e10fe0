"""Forms of the case study pages: parse and validate input; the services do the rest."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import CaseStudyKind, Licence, QuoteConsent, SectionKey, SpeakerKind


class CaseStudyCreateForm(forms.Form):
    city = forms.ChoiceField(label=_("City"))
    kind = forms.ChoiceField(label=_("Kind"), choices=CaseStudyKind.choices, initial=CaseStudyKind.FINAL)

    def __init__(self, *args, cities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].choices = [(c.slug, c.name) for c in cities]


class CaseStudyTextForm(forms.Form):
    """The study's title, summary and every section in one language."""

    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    summary = forms.CharField(
        label=_("Summary"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    licence = forms.ChoiceField(label=_("Licence"), choices=Licence.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in SectionKey.choices:
            self.fields[f"section_{key}"] = forms.CharField(
                label=label, required=False, widget=forms.Textarea(attrs={"rows": 6})
            )


class QuoteForm(forms.Form):
    """A quote picked from the city's workshop input (`source`) or typed."""

    source = forms.ChoiceField(label=_("From workshop input"), required=False)
    text = forms.CharField(label=_("Or type the quote"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES, required=False)
    speaker_kind = forms.ChoiceField(label=_("Who said it"), choices=SpeakerKind.choices, required=False)
    speaker_name = forms.CharField(label=_("Name"), max_length=150, required=False)
    speaker_organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    consent = forms.ChoiceField(label=_("What the person agreed to"), choices=QuoteConsent.choices, required=False)

    def __init__(self, *args, sources, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [("", "—"), *[(s["key"], s["text"][:80]) for s in sources]]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("source") and not (cleaned.get("text") or "").strip():
            raise forms.ValidationError(_("Pick workshop input or type the quote."))
        return cleaned


class QuoteConsentForm(forms.Form):
    consent = forms.ChoiceField(label=_("What the person agreed to"), choices=QuoteConsent.choices)


class PhotoForm(forms.Form):
    image = forms.FileField(label=_("Photo (JPEG, PNG or WebP)"))
    caption = forms.CharField(label=_("Caption"), max_length=300)
    credit = forms.CharField(label=_("Credit"), max_length=200)
    consent = forms.BooleanField(label=_("The people shown agreed to the photo being published"), required=False)


class StepForm(forms.Form):
    """A review or publication step chosen by its button, with the comments or note it may need."""

    ACTIONS = ["submit", "approve", "return", "publish", "revise", "unpublish"]

    action = forms.ChoiceField(choices=[(a, a) for a in ACTIONS])
    comment = forms.CharField(label=_("Comments"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
