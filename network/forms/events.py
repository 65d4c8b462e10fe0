"""Forms of the network's events: the event (times on the place's clock), a registration with the event's
questions, attendance and the closing record."""

from datetime import datetime
from zoneinfo import ZoneInfo, available_timezones

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Event, Organisation

ZONES = [
    "Asia/Bangkok",
    "Asia/Ho_Chi_Minh",
    "Asia/Jakarta",
    "Asia/Kuala_Lumpur",
    "Asia/Singapore",
    "Asia/Manila",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Europe/Amsterdam",
    "Europe/London",
    "America/New_York",
    "UTC",
]


class WallClockField(forms.DateTimeField):
    """A date and time as the place's clock shows it: naive, placed in the event's zone by the form."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value):
        value = super().to_python(value)
        return timezone.make_naive(value) if value is not None and timezone.is_aware(value) else value


def questions_text(questions: list) -> str:
    return "\n".join(f"{q.get('text', '')}{' *' if q.get('required') else ''}" for q in questions)


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=Event._meta.get_field("kind").choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Agenda"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    speakers = forms.CharField(
        label=_("Speakers"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("One speaker a line."),
    )
    organiser = forms.ModelChoiceField(label=_("Organiser"), queryset=Organisation.objects.none(), required=False)
    time_zone = forms.ChoiceField(
        label=_("Time zone of the place"),
        help_text=_("The times below are on this clock; each reader sees them in their own zone."),
    )
    starts_at = WallClockField(label=_("Starts"))
    ends_at = WallClockField(label=_("Ends"))
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    online_url = forms.URLField(
        label=_("Online link"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Shown only to the people registered."),
    )
    capacity = forms.IntegerField(label=_("Capacity"), min_value=1, required=False, help_text=_("Empty: no limit."))
    questions = forms.CharField(
        label=_("Registration questions"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("One question a line; end a line with * to make its answer required."),
    )

    def __init__(self, *args, event: Event | None = None, **kwargs):
        if event is not None and "initial" not in kwargs:
            zone = ZoneInfo(event.time_zone)
            kwargs["initial"] = {
                **{name: getattr(event, name) for name in ("kind", "title", "description", "speakers", "language")},
                "organiser": event.organiser_id,
                "time_zone": event.time_zone,
                "starts_at": timezone.make_naive(event.starts_at, zone),
                "ends_at": timezone.make_naive(event.ends_at, zone),
                "place": event.place,
                "online_url": event.online_url,
                "capacity": event.capacity,
                "questions": questions_text(event.questions),
            }
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = Organisation.objects.order_by("name")
        zones = list(ZONES)
        if event is not None and event.time_zone not in zones:
            zones.append(event.time_zone)
        self.fields["time_zone"].choices = [(zone, zone.replace("_", " ")) for zone in zones]

    def clean_time_zone(self):
        zone = self.cleaned_data["time_zone"]
        if zone not in available_timezones():
            raise forms.ValidationError(_("Choose a time zone from the list."))
        return zone

    def clean_questions(self):
        questions = []
        for line in self.cleaned_data["questions"].splitlines():
            text = line.strip()
            if not text:
                continue
            required = text.endswith("*")
            questions.append({"text": text.rstrip("*").strip()[:300], "required": required})
        return questions

    def clean(self):
        cleaned = super().clean()
        zone = cleaned.get("time_zone")
        for name in ("starts_at", "ends_at"):
            value = cleaned.get(name)
            if zone and isinstance(value, datetime):
                cleaned[name] = timezone.make_aware(value, ZoneInfo(zone))
        return cleaned


class RegistrationForm(forms.Form):
    """The event's own questions, one field each ("0", "1", ...)."""

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        for index, question in enumerate(event.questions):
            self.fields[str(index)] = forms.CharField(
                label=question.get("text", ""),
                max_length=2000,
                required=bool(question.get("required")),
                widget=forms.Textarea(attrs={"rows": 2}),
            )


class AttendanceForm(forms.Form):
    attended = forms.TypedMultipleChoiceField(
        label=_("Who attended"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [(r.user_id, str(r.user)) for r in registrations]
        if not self.is_bound:
            self.initial["attended"] = [r.user_id for r in registrations if r.attended]


class CloseForm(forms.Form):
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 6}))
    recording_url = forms.URLField(label=_("Recording link"), max_length=500, required=False, assume_scheme="https")
    resources = forms.TypedMultipleChoiceField(
        label=_("Files from the library"),
        coerce=int,
        required=False,
        help_text=_("Resources of the library shared at the event."),
    )

    def __init__(self, *args, event: Event, **kwargs):
        from ..models import Resource

        linked = list(event.resources.all())
        if "initial" not in kwargs:
            kwargs["initial"] = {
                "summary": event.summary,
                "recording_url": event.recording_url,
                "resources": [r.pk for r in linked],
            }
        super().__init__(*args, **kwargs)
        newest = list(Resource.objects.order_by("-published_on", "-pk")[:100])
        choices = {r.pk: r for r in [*linked, *newest]}
        self.fields["resources"].choices = [(pk, str(r)) for pk, r in choices.items()]
        self._resources = choices

    def clean_resources(self):
        return [self._resources[pk] for pk in self.cleaned_data["resources"]]
