"""Pages of the stakeholder registry, its CSV import and the workshop invitations."""

import csv
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cocreation import services
from cocreation.forms import CONSENT_VERSION
from cocreation.models import Stakeholder, StakeholderInvitation, Workshop

from .conftest import STAKEHOLDER, body, csv_file, good_answers, url

pytestmark = pytest.mark.django_db


def test_csv_import_through_the_page(client_for, lead_a, city_a):
    client = client_for(lead_a)
    url = reverse("cocreation:stakeholders", kwargs={"slug": city_a.slug})
    bad = SimpleUploadedFile("s.csv", b"name,email,kind\nA,a@example.vn,sme\nB,broken,sme\n")
    response = client.post(url, {"import": "1", "file": bad})
    assert response.status_code == 400 and "Row 3" in response.content.decode()
    from cocreation.models import Stakeholder

    assert not Stakeholder.objects.exists()


def test_dashboard_shows_inclusion_panel(client_for, member_a, city_a, invitation_s, questions_a):
    services.submission_save(invitation=invitation_s, answers=good_answers(questions_a))
    body = client_for(member_a).get(city_a.get_absolute_url()).content.decode()
    assert "Co-creation: who took part" in body and "100%" in body


def test_added_stakeholder_with_consent_records_the_text_version_and_date(officer, city_a):
    page = body(officer.get(url("stakeholder_add", slug=city_a.slug)))
    assert f"version {CONSENT_VERSION}" in page
    response = officer.post(url("stakeholder_add", slug=city_a.slug), STAKEHOLDER | {"consent": "on"})
    assert response.status_code == 302
    person = Stakeholder.objects.get()
    assert person.email == "nam@ve-sinh.example.vn" and person.language == "vi" and person.size == "small"
    assert person.consent_version == CONSENT_VERSION and person.consent_at is not None


def test_adding_a_known_email_updates_that_stakeholder(officer, city_a, stakeholder_a):
    """De-duplication by e-mail: the same address in other letter case is the same person."""
    response = officer.post(
        url("stakeholder_add", slug=city_a.slug),
        STAKEHOLDER | {"email": "LAN@ve-sinh.example.vn", "name": "Nguyễn Thị Lan", "phone": "0909"},
        follow=True,
    )
    assert "was already in the registry" in body(response)
    assert Stakeholder.objects.count() == 1
    assert Stakeholder.objects.get().phone == "0909"


def test_added_stakeholder_without_consent_has_none(officer, city_a):
    officer.post(url("stakeholder_add", slug=city_a.slug), STAKEHOLDER)
    assert Stakeholder.objects.get().consent_at is None


def test_unknown_language_or_type_is_refused(officer, city_a):
    response = officer.post(url("stakeholder_add", slug=city_a.slug), STAKEHOLDER | {"language": "fr", "kind": "x"})
    assert response.status_code == 400 and "Select a valid choice" in body(response)
    assert not Stakeholder.objects.exists()


def test_editing_a_stakeholder_onto_another_ones_email_is_refused(officer, city_a, stakeholder_a):
    other, _ = services.stakeholder_register(city=city_a, name="Other", email="other@example.vn", kind="ngo")
    response = officer.post(
        url("stakeholder_edit", pk=other.pk), STAKEHOLDER | {"email": "lan@ve-sinh.example.vn", "name": "Other"}
    )
    assert response.status_code == 400 and "already in the registry, as Nguyễn Thị Lan" in body(response)
    other.refresh_from_db()
    assert other.email == "other@example.vn" and other.kind == "ngo"


def test_editing_a_stakeholder_saves_every_field_and_records_consent(officer, city_a):
    person, _ = services.stakeholder_register(city=city_a, name="Bình", email="binh@example.vn", kind="ngo")
    page = body(officer.get(url("stakeholder_edit", pk=person.pk)))
    assert "binh@example.vn" in page
    response = officer.post(
        url("stakeholder_edit", pk=person.pk), STAKEHOLDER | {"organisation": "", "consent": "on", "women_led": "on"}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == "Trần Văn Nam" and person.organisation == "" and person.women_led
    assert person.consent_version == CONSENT_VERSION


def test_stakeholder_of_another_city_is_not_found(client_for, member_b, stakeholder_a):
    assert client_for(member_b).get(url("stakeholder_edit", pk=stakeholder_a.pk)).status_code == 404


def test_template_csv_has_the_columns_and_imports_as_it_is(officer, city_a):
    """The downloadable template has the import's columns, and its example row imports."""
    response = officer.get(url("stakeholder_template", slug=city_a.slug))
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert next(csv.reader(io.StringIO(text))) == services.CSV_COLUMNS
    response = officer.post(
        url("stakeholder_import", slug=city_a.slug), {"file": csv_file(text), "consent": "on"}, follow=True
    )
    assert "Imported: 1 new, 0 updated." in body(response)
    assert Stakeholder.objects.get().consent_version == CONSENT_VERSION


def test_import_with_wrong_rows_lists_each_and_saves_nothing(officer, city_a):
    text = (
        "name,email,kind,language,size\n"
        "A,a@example.vn,sme,vi,micro\n"
        "B,broken,sme,vi,micro\n"
        "C,c@example.vn,sme,fr,micro\n"
        "D,d@example.vn,alien,vi,huge\n"
    )
    response = officer.post(url("stakeholder_import", slug=city_a.slug), {"file": csv_file(text)})
    page = body(response)
    assert response.status_code == 400 and "Nothing was imported" in page
    assert "Row 3" in page and "Row 4: “fr” is not a valid language" in page and "Row 5" in page
    assert not Stakeholder.objects.exists()


def test_import_with_wrong_columns_says_which_are_needed(officer, city_a):
    response = officer.post(url("stakeholder_import", slug=city_a.slug), {"file": csv_file("nom,courriel\nA,a@x.fr\n")})
    assert response.status_code == 400 and "needs the columns name, email, kind" in body(response)
    assert not Stakeholder.objects.exists()


def test_registry_links_to_add_import_and_edit(officer, city_a, stakeholder_a):
    page = body(officer.get(url("stakeholders", slug=city_a.slug)))
    assert url("stakeholder_add", slug=city_a.slug) in page and url("stakeholder_import", slug=city_a.slug) in page
    assert url("stakeholder_edit", pk=stakeholder_a.pk) in page


def test_invite_everyone_of_a_type_sends_each_a_link_by_email(
    officer, workshop_a, questions_a, registry, django_capture_on_commit_callbacks
):
    """Filtered by type SME, "invite all who match" invites the two SMEs; each gets an e-mail with their link."""
    page = body(officer.get(url("workshop_invite", pk=workshop_a.pk) + "?kind=sme"))
    assert "An" in page and "Chi" not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(url("workshop_invite", pk=workshop_a.pk) + "?kind=sme", {"everyone": "1"})
    assert response.status_code == 302
    invited = set(StakeholderInvitation.objects.values_list("stakeholder__email", flat=True))
    assert invited == {"an@example.vn", "bao@example.vn"}
    assert sorted(m.to[0] for m in mail.outbox) == ["an@example.vn", "bao@example.vn"]
    assert all("/cocreation/respond/" in m.body for m in mail.outbox)
    assert StakeholderInvitation.objects.filter(sent_at__isnull=False).count() == 2


def test_invite_the_people_ticked(officer, workshop_a, questions_a, registry):
    response = officer.post(url("workshop_invite", pk=workshop_a.pk), {"stakeholder": [registry[2].pk, registry[3].pk]})
    assert response.status_code == 302
    assert set(StakeholderInvitation.objects.values_list("stakeholder_id", flat=True)) == {
        registry[2].pk,
        registry[3].pk,
    }


def test_invitations_beyond_capacity_are_refused_and_none_sent(officer, workshop_a, questions_a, registry):
    Workshop.objects.filter(pk=workshop_a.pk).update(capacity=3)
    response = officer.post(url("workshop_invite", pk=workshop_a.pk), {"everyone": "1"})
    assert response.status_code == 400 and "Places left in the workshop: 3 of 3" in body(response)
    assert not StakeholderInvitation.objects.exists() and not mail.outbox


def test_someone_of_another_city_cannot_be_ticked(officer, workshop_a, questions_a, city_b):
    stranger, _ = services.stakeholder_register(city=city_b, name="X", email="x@danang.example.vn", kind="sme")
    response = officer.post(url("workshop_invite", pk=workshop_a.pk), {"stakeholder": [stranger.pk]})
    assert response.status_code == 400 and not StakeholderInvitation.objects.exists()


def test_csv_invitation_registers_and_invites_without_duplicates(
    officer, workshop_a, questions_a, stakeholder_a, django_capture_on_commit_callbacks
):
    text = (
        "name,email,kind,organisation,language\n"
        "Nguyễn Thị Lan,LAN@ve-sinh.example.vn,sme,HTX Vệ sinh Ninh Kiều,vi\n"
        "Phạm Hùng,hung@example.vn,sme_association,Hiệp hội DN,vi\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(url("workshop_invite_csv", pk=workshop_a.pk), {"file": csv_file(text)})
    assert response.status_code == 302
    assert Stakeholder.objects.count() == 2
    assert StakeholderInvitation.objects.count() == 2 and len(mail.outbox) == 2


def test_csv_invitation_with_a_wrong_row_saves_nobody(officer, workshop_a, questions_a):
    text = "name,email,kind\nAn,an@example.vn,sme\n,nameless@example.vn,sme\n"
    response = officer.post(url("workshop_invite_csv", pk=workshop_a.pk), {"file": csv_file(text)})
    assert response.status_code == 400 and "Row 3: the name is missing." in body(response)
    assert not Stakeholder.objects.exists() and not StakeholderInvitation.objects.exists()


def test_csv_invitation_beyond_capacity_saves_nobody(officer, workshop_a, questions_a):
    Workshop.objects.filter(pk=workshop_a.pk).update(capacity=1)
    text = "name,email,kind\nAn,an@example.vn,sme\nBảo,bao@example.vn,sme\n"
    response = officer.post(url("workshop_invite_csv", pk=workshop_a.pk), {"file": csv_file(text)})
    assert response.status_code == 400 and "Places left in the workshop: 1 of 1" in body(response)
    assert not Stakeholder.objects.exists() and not StakeholderInvitation.objects.exists()


def test_resend_emails_the_link_again(officer, invitation_s, django_capture_on_commit_callbacks):
    services.invitation_send(invitation_id=invitation_s.pk)
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(url("invitation_resend", pk=invitation_s.pk))
    assert response.status_code == 302 and len(mail.outbox) == 2
    assert mail.outbox[1].to == ["lan@ve-sinh.example.vn"]
    services.invitation_revoke(invitation=invitation_s)
    response = officer.post(url("invitation_resend", pk=invitation_s.pk), follow=True)
    assert "was withdrawn" in body(response) and len(mail.outbox) == 2
