"""E-mails of the pilots app: an update's review to its officer, and reminders of periods about to end."""

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ccrs.models import CityMembership, CityRole

from ..models import Period, Update, UpdateStatus
from ..selectors import periods_due_for_reminder


def _language_of(user, city) -> str:
    supported = {code for code, _name in settings.LANGUAGES}
    if user.language:
        return user.language
    return next((code for code in city.languages if code in supported), "en")


def update_notify(*, update_id: int) -> bool:
    """E-mail the officer that their update was approved or returned; once per review."""
    with transaction.atomic():
        update = (
            Update.objects.select_for_update(of=("self",))
            .select_related("period__indicator__result__pilot__city", "submitted_by", "reviewed_by")
            .filter(pk=update_id)
            .first()
        )
        if update is None or update.status not in {UpdateStatus.APPROVED, UpdateStatus.RETURNED}:
            return False
        key = f"{update.status}:{update.revision}"
        if update.notified == key:
            return False
        pilot = update.period.indicator.result.pilot
        with translation.override(_language_of(update.submitted_by, pilot.city)):
            if update.status == UpdateStatus.APPROVED:
                subject = _("Your update on “%(indicator)s” was approved") % {"indicator": update.period.indicator}
            else:
                subject = _("Your update on “%(indicator)s” needs changes") % {"indicator": update.period.indicator}
            body = render_to_string(
                "pilots/email/update_reviewed.txt",
                {"update": update, "pilot": pilot, "link": f"{settings.SITE_URL}{update.get_absolute_url()}"},
            )
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [update.submitted_by.email])
        update.notified = key
        update.save(update_fields=["notified"])
    return True


def period_reminders_send(*, today: date | None = None) -> int:
    """Remind each city's leads and officers of periods about to end; each period once. Returns e-mails sent."""
    today = today or timezone.localdate()
    sent = 0
    for period_id in list(periods_due_for_reminder(today=today).values_list("pk", flat=True)):
        with transaction.atomic():
            period = (
                Period.objects.select_for_update(of=("self",))
                .select_related("indicator__result__pilot__city")
                .filter(pk=period_id, reminder_sent_at__isnull=True)
                .first()
            )
            if period is None:
                continue
            pilot = period.indicator.result.pilot
            team = CityMembership.objects.filter(
                city=pilot.city, role__in=[CityRole.LEAD, CityRole.OFFICER]
            ).select_related("user")
            for membership in team:
                user = membership.user
                with translation.override(_language_of(user, pilot.city)):
                    subject = _("Report on “%(indicator)s” before %(end)s") % {
                        "indicator": period.indicator,
                        "end": date_format(period.end),
                    }
                    body = render_to_string(
                        "pilots/email/period_reminder.txt",
                        {
                            "period": period,
                            "pilot": pilot,
                            "user": user,
                            "link": f"{settings.SITE_URL}{reverse('pilots:results', kwargs={'pk': pilot.pk})}",
                        },
                    )
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
                sent += 1
            period.reminder_sent_at = timezone.now()
            period.save(update_fields=["reminder_sent_at"])
    return sent
