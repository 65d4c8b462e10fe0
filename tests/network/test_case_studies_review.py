"""Case study review and publication: submit, approve or return, publish a frozen version, revise, unpublish."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ccrs import generations
from cities.selectors import city_stage_details
from cities.stages import Stage
from network.models import CaseStudyStatus, QuoteConsent
from network.selectors import case_studies as selectors
from network.services import case_studies as services
from tests.concurrency import at_once
from tests.files import PDF
from tests.network.conftest import approved_study, complete, later_actual


@pytest.fixture
def draft_a(program_a, lead_a):
    return services.case_study_draft_create(city=program_a, user=lead_a)


def test_submitting_needs_every_section_in_the_city_language_and_english(draft_a, lead_a):
    """An empty section is named in the refusal; nothing changes."""
    services.case_study_section_save(study=draft_a, key="lessons", language="vi", body="")
    with pytest.raises(ValidationError, match="Vietnamese: Lessons learned"):
        services.case_study_submit(study=draft_a, user=lead_a)
    draft_a.refresh_from_db()
    assert draft_a.status == CaseStudyStatus.DRAFT


def test_the_review_steps_are_kept_in_history(draft_a, lead_a, staff):
    """Submitted, returned with comments, submitted again, approved: every step is a row of history."""
    complete(draft_a)
    services.case_study_submit(study=draft_a, user=lead_a)
    with pytest.raises(ValidationError, match="Say what the city team should change"):
        services.case_study_return(study=draft_a, user=staff, comment=" ")
    services.case_study_return(study=draft_a, user=staff, comment="Add the women-led share.")
    draft_a.refresh_from_db()
    assert draft_a.status == CaseStudyStatus.DRAFT and draft_a.review_comment == "Add the women-led share."
    services.case_study_submit(study=draft_a, user=lead_a)
    services.case_study_approve(study=draft_a, user=staff)
    statuses = list(draft_a.history.order_by("history_date").values_list("status", flat=True))
    assert statuses == ["draft", "in_review", "draft", "in_review", "approved"]


def test_illegal_steps_are_refused_with_a_clear_message(draft_a, lead_a, staff):
    """A draft is not approved or published; an approved study is not submitted again; a draft is not unpublished."""
    with pytest.raises(ValidationError, match="Only a case study in review can be approved; this one is draft"):
        services.case_study_approve(study=draft_a, user=staff)
    with pytest.raises(ValidationError, match="Only an approved case study can be published"):
        services.case_study_publish(study=draft_a, user=staff)
    complete(draft_a)
    approved_study(draft_a, lead_a, staff)
    with pytest.raises(ValidationError, match="Only a draft can be submitted; this case study is approved"):
        services.case_study_submit(study=draft_a, user=lead_a)
    with pytest.raises(ValidationError, match="not published"):
        services.case_study_unpublish(study=draft_a, user=staff, note="x")
    with pytest.raises(ValidationError, match="Only a draft can be changed"):
        services.case_study_section_save(study=draft_a, key="city", language="en", body="Changed after approval")


def test_publishing_freezes_the_figures(published_a, period_a, member_a, staff, lead_a):
    """A later approved actual leaves version 1 as it was; the next draft shows the new figure; version 2 says so."""
    version = published_a.public_version
    assert version.number == 1 and version.languages == ["vi", "en"]
    later_actual(period_a, member_a, staff, "75")
    frozen = selectors.public_content(study=published_a, language="en")
    pilot = next(s for s in frozen["sections"] if s["key"] == "pilot")
    assert any("40 of a target of 100 tonnes" in f["value"] for f in pilot["facts"])
    assert not any("75" in f["value"] for f in pilot["facts"])
    live = selectors.figures_by_section(selectors.figure_parts(city=published_a.city, language="en"))["pilot"]
    assert live["values"]["results"][0]["actual"] == "75.0000"
    services.case_study_revise(study=published_a)
    approved_study(published_a, lead_a, staff)
    second = services.case_study_publish(study=published_a, user=staff)
    assert second.number == 2
    values = next(p for p in second.content["en"]["parts"] if p["section"] == "pilot" and "results" in p["values"])
    assert values["values"]["results"][0]["actual"] == "75.0000"


def test_a_draft_of_the_next_version_never_reaches_the_public(published_a):
    """While version 2 is being written, the public content is version 1's text."""
    services.case_study_revise(study=published_a)
    services.case_study_section_save(study=published_a, key="lessons", language="en", body="Secret draft words")
    published_a.refresh_from_db()
    content = selectors.public_content(study=published_a, language="en")
    assert "Secret draft words" not in str(content)
    assert published_a in selectors.published_studies()


def test_publishing_twice_makes_one_version(published_a, staff):
    with pytest.raises(ValidationError, match="this one is published"):
        services.case_study_publish(study=published_a, user=staff)
    assert published_a.versions.count() == 1


def test_unpublishing_takes_the_study_off_the_public_pages(published_a, staff):
    """The note is required; the study leaves the listing and the sitemap."""
    with pytest.raises(ValidationError, match="Say briefly why"):
        services.case_study_unpublish(study=published_a, user=staff, note="")
    services.case_study_unpublish(study=published_a, user=staff, note="The city asked to correct a figure.")
    published_a.refresh_from_db()
    assert published_a.status == CaseStudyStatus.UNPUBLISHED and published_a.public_version is None
    assert list(selectors.published_studies()) == [] and selectors.sitemap_items() == []


def test_a_published_study_puts_the_city_in_documentation(published_a):
    """The cities app reads the network's fact through its stage hook."""
    detail = city_stage_details(city_ids=[published_a.city_id])[published_a.city_id]
    assert detail.stage == Stage.DOCUMENTATION
    assert detail.facts.case_study_published == published_a.public_version.published_at.date()


def test_publication_bumps_the_public_cache_key(study_a, lead_a, staff, django_capture_on_commit_callbacks):
    before = generations.current(generations.CASE_STUDIES)
    approved_study(study_a, lead_a, staff)
    with django_capture_on_commit_callbacks(execute=True):
        services.case_study_publish(study=study_a, user=staff)
    assert generations.current(generations.CASE_STUDIES) == before + 1


# --- Quotes and photos -----------------------------------------------------------------------------------


def test_a_picked_quote_without_consent_to_be_named_is_attributed_to_who_said_it(study_a, lead_a, staff):
    """The stakeholder agreed to data processing only: "an SME owner in Can Tho", never the name."""
    source = selectors.quote_sources(city=study_a.city)[0]
    quote = services.quote_pick(study=study_a, user=lead_a, key=source["key"])
    assert quote.consent == QuoteConsent.ANONYMOUS
    assert services.attribution(quote, city_name="Can Tho") == "an SME owner in Can Tho"
    approved_study(study_a, lead_a, staff)
    version = services.case_study_publish(study=study_a, user=staff)
    assert version.content["en"]["quotes"][0]["attribution"] == "an SME owner in Can Tho"
    assert "Nguyễn Thị Lan" not in str(version.content)


def test_a_quote_is_named_once_that_consent_is_recorded(study_a, lead_a):
    source = selectors.quote_sources(city=study_a.city)[0]
    quote = services.quote_pick(study=study_a, user=lead_a, key=source["key"])
    services.quote_consent_record(quote=quote, user=lead_a, consent=QuoteConsent.NAMED)
    assert services.attribution(quote, city_name="Can Tho") == "Nguyễn Thị Lan, HTX Vệ sinh Ninh Kiều"


def test_another_city_input_cannot_be_picked(study_a, lead_a, submission_a):
    with pytest.raises(ValidationError, match="not one of this city's"):
        services.quote_pick(study=study_a, user=lead_a, key=f"{submission_a.pk}:999999")


def test_a_quote_without_consent_blocks_publication_and_is_named(study_a, lead_a, staff):
    services.quote_add(study=study_a, user=lead_a, text="Rác giảm một nửa.", language="vi")
    approved_study(study_a, lead_a, staff)
    with pytest.raises(ValidationError, match="the quote “Rác giảm một nửa.” has no recorded consent"):
        services.case_study_publish(study=study_a, user=staff)
    study_a.refresh_from_db()
    assert study_a.public_version is None and study_a.versions.count() == 0


def jpeg_with_location() -> bytes:
    image = Image.new("RGB", (8, 8), "teal")
    exif = image.getexif()
    exif[0x8825] = {2: (10.0, 2.0, 0.0), 1: "N"}  # GPSInfo
    exif[0x010F] = "PhoneMaker"
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_a_photo_is_stored_without_its_exif_location(study_a):
    upload = SimpleUploadedFile("market.jpg", jpeg_with_location(), content_type="image/jpeg")
    assert Image.open(io.BytesIO(jpeg_with_location())).getexif()
    photo = services.photo_add(study=study_a, upload=upload, caption="Chợ Xuân Khánh", credit="UBND", consent=True)
    with photo.image.open("rb") as stored, Image.open(stored) as image:
        assert not image.getexif() and image.size == (8, 8)
    assert photo.content_type == "image/jpeg" and photo.image.name.endswith(".jpg")


def test_a_photo_is_checked_by_its_content(study_a):
    upload = SimpleUploadedFile("photo.jpg", PDF, content_type="image/jpeg")
    with pytest.raises(ValidationError, match="not a type we accept"):
        services.photo_add(study=study_a, upload=upload, caption="C", credit="C", consent=True)
    assert study_a.photos.count() == 0


def test_a_photo_without_consent_blocks_publication(study_a, lead_a, staff):
    upload = SimpleUploadedFile("m.jpg", jpeg_with_location(), content_type="image/jpeg")
    services.photo_add(study=study_a, upload=upload, caption="Bến Ninh Kiều", credit="UBND", consent=False)
    approved_study(study_a, lead_a, staff)
    with pytest.raises(ValidationError, match="the photo “Bến Ninh Kiều” has no consent to publication"):
        services.case_study_publish(study=study_a, user=staff)


def test_publishing_queues_the_pdf_of_every_language_for_the_worker(
    study_a, lead_a, staff, django_capture_on_commit_callbacks
):
    """After the commit, a task builds the new version's PDF in each of its languages; a second run builds nothing."""
    from django.core.files.storage import default_storage

    from network.services import case_studies as services

    approved_study(study_a, lead_a, staff)
    with django_capture_on_commit_callbacks(execute=True):
        version = services.case_study_publish(study=study_a, user=staff)
    names = [services.case_study_pdf_name(version_id=version.pk, language=code) for code in version.languages]
    assert sorted(version.languages) == ["en", "vi"]
    assert all(default_storage.exists(name) for name in names)
    assert services.case_study_pdfs_build(version_id=version.pk) == 0


@pytest.mark.django_db(transaction=True)
def test_publishing_twice_at_once_makes_one_version(needs_postgres, study_a, lead_a, staff):
    """Two staff members press "publish" at the same moment, each on its own connection: one version is made and the
    other is refused, because the study is locked and no longer approved when the second one reads it."""
    from network.models import CaseStudy, CaseStudyVersion

    approved_study(study_a, lead_a, staff)
    outcomes = []

    def publish(_press):
        services.case_study_publish(study=CaseStudy.objects.get(pk=study_a.pk), user=staff)
        outcomes.append("published")

    errors = at_once(publish, range(2))
    outcomes += ["refused" if isinstance(error, ValidationError) else repr(error) for error in errors]
    assert sorted(outcomes) == ["published", "refused"]
    assert CaseStudyVersion.objects.filter(study=study_a).count() == 1
