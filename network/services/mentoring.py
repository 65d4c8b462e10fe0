"""Writes of city-to-city mentoring: staff pair a mentor with a city's team (or an SME of its sector); the
pair logs its sessions and agrees actions, and marks them done."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ccrs.models import CityMembership

from ..models import MentoringAction, MentoringPair, MentoringSession, PairStatus
from ..selectors.mentoring import mentors_eligible


@transaction.atomic
def pair_create(*, created_by, mentor, city, goals: str, sme_name: str = "", started_on=None) -> MentoringPair:
    """Pair a mentor with a participant city's team, or an SME of its sector (`sme_name`)."""
    goals, sme_name = (goals or "").strip(), (sme_name or "").strip()
    errors = {}
    if not mentors_eligible().filter(pk=mentor.pk).exists():
        errors["mentor"] = _(
            "%(name)s cannot mentor yet: mark them as a mentor in the directory, or give them an inspiration "
            "city or a partner as their organisation."
        ) % {"name": mentor.get_full_name()}
    elif CityMembership.objects.filter(user=mentor, city=city).exists():
        errors["mentor"] = _("%(name)s is on the %(city)s team and cannot mentor it.") % {
            "name": mentor.get_full_name(),
            "city": city.name,
        }
    if not goals:
        errors["goals"] = _("Write down the goals the mentor and the city agreed.")
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            return MentoringPair.objects.create(
                mentor=mentor,
                city=city,
                sme_name=sme_name,
                goals=goals,
                started_on=started_on or timezone.localdate(),
                created_by=created_by,
            )
    except IntegrityError:
        raise ValidationError(
            {"mentor": _("%(name)s already mentors this team or SME.") % {"name": mentor.get_full_name()}}
        ) from None


def _open(pair: MentoringPair) -> MentoringPair:
    pair = MentoringPair.objects.select_for_update().get(pk=pair.pk)
    if pair.status == PairStatus.CLOSED:
        raise ValidationError(_("This mentoring pair is closed. Ask the program staff to reopen it."))
    return pair


@transaction.atomic
def session_log(
    *, pair: MentoringPair, logged_by, held_on, attendees: str, notes: str = "", resources=()
) -> MentoringSession:
    """Record a session that took place: its date, who attended, notes and the resources shared."""
    pair = _open(pair)
    attendees = "\n".join(line.strip() for line in (attendees or "").splitlines() if line.strip())
    errors = {}
    if held_on is None:
        errors["held_on"] = _("Enter the date of the session.")
    elif held_on > timezone.localdate():
        errors["held_on"] = _("A session is logged after it took place: choose today or an earlier date.")
    elif held_on < pair.started_on:
        errors["held_on"] = _("The session cannot be before the pair started (%(date)s).") % {
            "date": pair.started_on.isoformat()
        }
    if not attendees:
        errors["attendees"] = _("Name who took part, one per line.")
    if errors:
        raise ValidationError(errors)
    session = MentoringSession.objects.create(
        pair=pair, held_on=held_on, attendees=attendees, notes=(notes or "").strip(), logged_by=logged_by
    )
    session.resources.set(resources)
    return session


@transaction.atomic
def action_add(*, pair: MentoringPair, description: str, owner, due_on, session=None) -> MentoringAction:
    """Agree an action with an owner on either side of the pair and a due date."""
    pair = _open(pair)
    description = (description or "").strip()
    errors = {}
    if not description:
        errors["description"] = _("Describe the action.")
    on_a_side = owner is None or owner.pk == pair.mentor_id
    if not on_a_side and not CityMembership.objects.filter(user=owner, city_id=pair.city_id).exists():
        errors["owner"] = _("The owner is the mentor or someone of the city's team.")
    if due_on is None:
        errors["due_on"] = _("Enter the date the action is due.")
    if session is not None and session.pair_id != pair.pk:
        errors["session"] = _("Choose a session of this pair.")
    if errors:
        raise ValidationError(errors)
    return MentoringAction.objects.create(
        pair=pair, description=description, owner=owner, due_on=due_on, session=session
    )


@transaction.atomic
def action_complete(*, action: MentoringAction, by) -> MentoringAction:
    """Mark an agreed action done, once."""
    action = MentoringAction.objects.select_for_update().get(pk=action.pk)
    if action.done_at is not None:
        raise ValidationError(_("This action is already done."))
    action.done_at = timezone.now()
    action.done_by = by
    action.save(update_fields=["done_at", "done_by", "updated_at"])
    return action
