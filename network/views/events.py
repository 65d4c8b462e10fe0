"""Pages of the network's events: the lists, an event, registering and cancelling, the organiser's pages
(edit, cancel, attendance, closing record) and the calendars (.ics, personal secret feeds)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ccrs import links
from ccrs.decorators import NOT_OPEN, object_action, object_required, permission_required
from ccrs.forms import action_done, add_service_errors, form_saved

from .. import calendars
from ..forms.events import AttendanceForm, CloseForm, EventForm, RegistrationForm
from ..models import OrganisationKind, RegistrationStatus
from ..selectors import events as selectors
from ..selectors.members import time_zone_of
from ..services import events as services


def _attendance_rows(event):
    counts = selectors.attendance_by_organisation_kind(event=event)
    return [{"label": label, "count": counts[kind]} for kind, label in OrganisationKind.choices if counts.get(kind)]


def _load(*, user, pk):
    return selectors.event_detail(user=user, pk=pk)


@permission_required("network.view_event")
def event_list(request):
    zone = time_zone_of(request.user)
    upcoming = selectors.events_for(user=request.user)
    past = selectors.events_for(user=request.user, past=True, limit=20)
    rows = [
        {"event": e, "when": selectors.event_when(e, zone), "mine": e.mine[0] if e.mine else None}
        for e in [*upcoming, *past]
    ]
    return render(
        request,
        "network/events/event_list.html",
        {
            "upcoming": rows[: len(upcoming)],
            "past": rows[len(upcoming) :],
            "zone_name": selectors.zone_name(zone, timezone.now()),
        },
    )


@permission_required("network.view_event")
def event_mine(request):
    zone = time_zone_of(request.user)
    rows = [
        {"event": r.event, "registration": r, "when": selectors.event_when(r.event, zone)}
        for r in selectors.my_events(user=request.user)
    ]
    feed = services.calendar_feed_of(user=request.user)
    return render(
        request,
        "network/events/event_mine.html",
        {
            "rows": rows,
            "feed_mine": links.link_url(services.FEED_MINE, feed),
            "feed_all": links.link_url(services.FEED_ALL, feed),
        },
    )


@require_POST
@permission_required("network.view_event")
def calendar_revoke(request):
    services.calendar_feed_revoke(user=request.user)
    messages.success(request, _("Your calendar addresses were replaced: the old ones no longer work."))
    return redirect("network:event_mine")


@object_required(_load, perm="network.view_event")
def event_detail(request, event):
    zone = time_zone_of(request.user)
    registration = selectors.registration_of(user=request.user, event=event)
    active = registration if registration and registration.status != RegistrationStatus.CANCELLED else None
    seated = active is not None and active.status == RegistrationStatus.REGISTERED
    return render(
        request,
        "network/events/event_detail.html",
        {
            "event": event,
            "when": selectors.event_when(event, zone),
            "registration": active,
            "seated": seated,
            "position": selectors.waitlist_position(registration=active),
            "speakers": [line for line in event.speakers.splitlines() if line.strip()],
            "attendance": _attendance_rows(event) if event.closed_at else None,
            "resources": list(event.resources.all()) if event.closed_at else [],
        },
    )


@object_required(_load, perm="network.register_event")
def event_register(request, event):
    form = RegistrationForm(request.POST if request.method == "POST" else None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.registration_create(event=event, user=request.user, answers=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if registration.status == RegistrationStatus.WAITLISTED:
                messages.info(
                    request, _("The event is full: you are on the waitlist. We e-mail you if a seat frees up.")
                )
            else:
                messages.success(request, _("You are registered."))
            return redirect(event)
    if request.method == "GET" and not event.questions:
        return redirect(event)
    return render(request, "network/events/event_register.html", {"event": event, "form": form})


@require_POST
@object_required(_load, perm="network.register_event")
def registration_cancel(request, event):
    registration = selectors.registration_of(user=request.user, event=event)
    if registration is None:
        raise Http404(NOT_OPEN)
    action_done(
        request,
        lambda: services.registration_cancel(registration=registration),
        success=_("Your registration is cancelled."),
    )
    return redirect(event)


@object_required(_load, perm="network.view_event")
def event_ics(request, event):
    registration = selectors.registration_of(user=request.user, event=event)
    seated = registration is not None and registration.status == RegistrationStatus.REGISTERED
    body = calendars.event_ics(event, zone=time_zone_of(request.user), seated=seated)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


def _feed(request, token, *, kind, mine: bool):
    try:
        feed = links.link_open(kind, token)
    except links.LinkInvalid:
        raise Http404(NOT_OPEN) from None
    user = feed.user
    events = selectors.events_for_calendar(user=user, mine=mine)
    name = _("My network events") if mine else _("Network events")
    body = calendars.feed_ics(
        events, zone=time_zone_of(user), seated_ids=selectors.seated_event_ids(user=user), name=name
    )
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


def calendar_feed_mine(request, token):
    return _feed(request, token, kind=services.FEED_MINE, mine=True)


def calendar_feed_all(request, token):
    return _feed(request, token, kind=services.FEED_ALL, mine=False)


@permission_required("network.add_event")
def event_create(request):
    form = EventForm(request.POST or None)
    saved = form_saved(
        request,
        form,
        lambda: services.event_create(created_by=request.user, **form.cleaned_data),
        success=_("The event is scheduled."),
    )
    if saved:
        return redirect(saved.result)
    return render(request, "network/events/event_form.html", {"form": form, "event": None})


@object_required(_load, perm="network.change_event")
def event_edit(request, event):
    form = EventForm(request.POST or None, event=event)

    def save():
        data = dict(form.cleaned_data)
        capacity = data.pop("capacity")
        with transaction.atomic():
            updated = services.event_update(event=event, **data)
            if capacity != updated.capacity:
                services.event_capacity_change(event=updated, capacity=capacity)
        return updated

    saved = form_saved(request, form, save, success=_("The event is saved."))
    if saved:
        return redirect(event)
    return render(request, "network/events/event_form.html", {"form": form, "event": event})


event_cancel = object_action(
    _load,
    perm="network.change_event",
    act=lambda request, event: services.event_cancel(event=event),
    success=gettext_lazy("The event is cancelled; the people registered are told by e-mail."),
    back=lambda event: event,
)


@object_required(_load, perm="network.change_event")
def event_attendance(request, event):
    registrations = [
        r for r in selectors.registrations_of_event(event=event) if r.status == RegistrationStatus.REGISTERED
    ]
    form = AttendanceForm(request.POST if request.method == "POST" else None, registrations=registrations)
    saved = form_saved(
        request,
        form,
        lambda: services.attendance_record(event=event, attended_user_ids=form.cleaned_data["attended"]),
        success=_("Attendance is recorded."),
    )
    if saved:
        return redirect(event)
    waiting = [r for r in selectors.registrations_of_event(event=event) if r.status == RegistrationStatus.WAITLISTED]
    return render(
        request,
        "network/events/event_attendance.html",
        {"event": event, "form": form, "registrations": registrations, "waiting": waiting},
    )


@object_required(_load, perm="network.change_event")
def event_close(request, event):
    form = CloseForm(request.POST or None, event=event)
    saved = form_saved(
        request,
        form,
        lambda: services.event_close(event=event, closed_by=request.user, **form.cleaned_data),
        success=_("The closing record is saved."),
    )
    if saved:
        return redirect(event)
    return render(request, "network/events/event_close.html", {"event": event, "form": form})
