"""Writes of a pilot itself: creating one (by staff or from an awarded proposal), its status and its SME partners."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cocreation.models import Proposal, ProposalStatus
from sectors.selectors import approved_sector

from ..models import PILOT_TRANSITIONS, FirmSize, Pilot, PilotStatus, SMEPartner


@transaction.atomic
def pilot_create(*, city, title: str, start_date: date, end_date: date, **fields) -> Pilot:
    """A new pilot of a city, planned; entered by staff (`pilot_start_from_award` starts one from a call)."""
    pilot = Pilot(city=city, title=title, start_date=start_date, end_date=end_date, **fields)
    pilot.full_clean()
    pilot.save()
    return pilot


FIRM_SIZES = {"micro": FirmSize.MICRO, "small": FirmSize.SMALL, "medium": FirmSize.MEDIUM}


@transaction.atomic
def pilot_start_from_award(
    *, proposal, title: str, start_date: date, end_date: date, reporting_currency: str = "USD", description: str = ""
) -> Pilot:
    """A planned pilot from the proposal awarded in a city's call: its solution, its SME as partner and the
    city's approved sector (whose baselines the indicators can then start from)."""
    proposal = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("call__process__city", "stakeholder")
        .get(pk=proposal.pk)
    )
    if proposal.status != ProposalStatus.AWARDED:
        raise ValidationError(
            {"proposal": _("Only an awarded proposal can start a pilot; award it in its call first.")}
        )
    if Pilot.objects.filter(proposal=proposal).exists():
        raise ValidationError({"proposal": _("This proposal has started a pilot already; open that pilot instead.")})
    city = proposal.call.process.city
    sector = approved_sector(city=city)
    pilot = pilot_create(
        city=city,
        title=title,
        description=description,
        solution=f"{proposal.title}\n\n{proposal.summary}".strip(),
        proposal=proposal,
        sector_isic=sector.isic.code if sector else "",
        sector_name=sector.local_name if sector else "",
        start_date=start_date,
        end_date=end_date,
        reporting_currency=reporting_currency,
    )
    sme = proposal.stakeholder
    partner_add(
        pilot=pilot,
        name=(sme.organisation or sme.name)[:200],
        contact=", ".join(part for part in (sme.name, sme.email, sme.phone) if part)[:200],
        firm_size=FIRM_SIZES.get(sme.size, FirmSize.SMALL),
        women_led=sme.women_led,
    )
    return pilot


@transaction.atomic
def pilot_status_change(*, pilot: Pilot, status: str) -> Pilot:
    """Move the pilot to `status` if the change is legal (planned → active → paused/completed …)."""
    pilot = Pilot.objects.select_for_update().get(pk=pilot.pk)
    allowed = PILOT_TRANSITIONS.get(pilot.status, set())
    if status not in allowed:
        raise ValidationError(
            {
                "status": _("A %(current)s pilot cannot become %(new)s. Allowed: %(allowed)s.")
                % {
                    "current": pilot.get_status_display().lower(),
                    "new": dict(PilotStatus.choices).get(status, status).lower(),
                    "allowed": ", ".join(str(PilotStatus(s).label).lower() for s in sorted(allowed)) or "—",
                }
            }
        )
    pilot.status = status
    pilot.save(update_fields=["status", "updated_at"])
    return pilot


@transaction.atomic
def partner_add(*, pilot: Pilot, name: str, **fields) -> SMEPartner:
    partner = SMEPartner(pilot=pilot, name=name, **fields)
    partner.full_clean()
    partner.save()
    return partner
