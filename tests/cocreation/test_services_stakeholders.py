"""Services of the stakeholder registry, its CSV import and stakeholders' workshop invitations."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from ccrs.links import link_open, link_token
from cocreation import services
from cocreation.models import InvitationStatus, Stakeholder, StakeholderInvitation, StakeholderKind

pytestmark = pytest.mark.django_db


CSV_OK = (
    "name,email,organisation,kind,size,women_led,gender,language\n"
    "Trần Văn Nam,nam@example.vn,Vựa ve chai Cái Răng,sme,micro,no,male,vi\n"
    "Lê Thị Hoa,hoa@example.vn,Hội phụ nữ phường An Hòa,ngo,,yes,female,vi\n"
    "Tran Van Nam,NAM@example.vn,Vựa ve chai Cái Răng,sme,small,no,male,vi\n"
)


def test_stakeholder_deduplicated_by_email(city_a, stakeholder_a):
    """Registering the same e-mail (any case) updates the stakeholder instead of adding a second one."""
    again, created = services.stakeholder_register(
        city=city_a, name="Lan Nguyen", email="LAN@ve-sinh.example.vn", kind=StakeholderKind.SME, sector="Rác thải"
    )
    assert not created and again.pk == stakeholder_a.pk
    assert Stakeholder.objects.filter(city=city_a).count() == 1
    again.refresh_from_db()
    assert again.sector == "Rác thải" and again.name == "Lan Nguyen"


def test_consent_recorded_with_date_and_version(stakeholder_a):
    assert stakeholder_a.consent_version == "2026-01"
    assert stakeholder_a.consent_at is not None
    services.consent_record(stakeholder=stakeholder_a, version="2026-03")
    stakeholder_a.refresh_from_db()
    assert stakeholder_a.consent_version == "2026-03"


def test_csv_import_creates_and_deduplicates(city_a):
    result = services.stakeholders_import(city=city_a, csv_text=CSV_OK, consent_version="2026-01")
    assert result == {"created": 2, "updated": 0}
    nam = Stakeholder.objects.get(email="nam@example.vn")
    assert nam.size == "small" and nam.consent_version == "2026-01"


def test_csv_import_is_all_or_nothing_with_row_errors(city_a):
    """One bad row refuses the whole file; every bad row is named; nothing is saved."""
    bad = CSV_OK + "Somebody,not-an-email,,sme,,,,vi\nOther,other@example.vn,,bank,,,,vi\n"
    with pytest.raises(ValidationError) as error:
        services.stakeholders_import(city=city_a, csv_text=bad)
    messages = error.value.messages
    assert any("Row 5" in m and "not-an-email" in m for m in messages)
    assert any("Row 6" in m and "bank" in m for m in messages)
    assert not Stakeholder.objects.filter(city=city_a).exists()


def test_csv_import_needs_columns(city_a):
    with pytest.raises(ValidationError, match="needs the columns"):
        services.stakeholders_import(city=city_a, csv_text="who,mail\nA,a@example.vn\n")


def test_invitation_sent_once_in_stakeholder_language(
    workshop_a, stakeholder_a, questions_a, django_capture_on_commit_callbacks
):
    """The invitation e-mail goes out once (a task after the commit), in Vietnamese; inviting again sends nothing."""
    with django_capture_on_commit_callbacks(execute=True):
        invitation_s, _created = services.invitation_create(workshop=workshop_a, stakeholder=stakeholder_a)
    assert len(mail.outbox) == 1
    assert "Kính gửi" in mail.outbox[0].body or "Dear" in mail.outbox[0].body
    assert "/cocreation/respond/" in mail.outbox[0].body
    assert "Ý tưởng phân loại rác tại nguồn" in mail.outbox[0].subject
    invitation_s.refresh_from_db()
    assert invitation_s.sent_at is not None
    again, created = services.invitation_create(workshop=workshop_a, stakeholder=stakeholder_a)
    assert not created and again.pk == invitation_s.pk
    assert services.invitation_send(invitation_id=invitation_s.pk) is False
    assert len(mail.outbox) == 1


def test_token_round_trip_and_tampering(invitation_s):
    token = link_token(services.STAKEHOLDER_INVITATION, invitation_s)
    assert link_open(services.STAKEHOLDER_INVITATION, token).pk == invitation_s.pk
    with pytest.raises(services.LinkInvalid, match="not valid"):
        link_open(services.STAKEHOLDER_INVITATION, token[:-2] + "xx")


def test_token_dies_with_a_new_key(invitation_s):
    """A link signed for another key (a leaked old link) is refused even though its signature is valid."""
    from django.core import signing

    forged = signing.Signer(salt=services.INVITATION_SALT).sign_object({"i": invitation_s.pk, "k": "guessed"})
    with pytest.raises(services.LinkInvalid, match="no longer valid"):
        link_open(services.STAKEHOLDER_INVITATION, forged)


def test_revoked_and_expired_links(invitation_s):
    token = link_token(services.STAKEHOLDER_INVITATION, invitation_s)
    StakeholderInvitation.objects.filter(pk=invitation_s.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(services.LinkInvalid, match="expired"):
        link_open(services.STAKEHOLDER_INVITATION, token)
    StakeholderInvitation.objects.filter(pk=invitation_s.pk).update(expires_at=timezone.now() + timedelta(days=1))
    services.invitation_revoke(invitation=invitation_s)
    with pytest.raises(services.LinkInvalid, match="withdrawn"):
        link_open(services.STAKEHOLDER_INVITATION, token)


def test_revoke_twice_refused(invitation_s):
    services.invitation_revoke(invitation=invitation_s)
    assert StakeholderInvitation.objects.get().status == InvitationStatus.REVOKED
    with pytest.raises(ValidationError, match="already withdrawn"):
        services.invitation_revoke(invitation=invitation_s)
