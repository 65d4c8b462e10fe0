"""Case studies in the permission matrix: the team's pages (city A's draft) and the public pages (a published study)."""

from tests.permissions import DENY, LOGIN, OK, REDIRECT, Rule, every, signed_in

TEAM_A = {"anonymous": LOGIN, "stakeholder": DENY, "member_a": OK, "member_b": DENY, "staff": OK, "mentor": DENY}
EDITORS_POST = {**signed_in(DENY), "member_a": REDIRECT, "staff": REDIRECT}
DRAFT = {"pk": "{case_study_draft_a.pk}"}
PUBLISHED = {"city": "{city_a.slug}", "slug": "{case_study_published_a.slug}"}

MATRIX = {
    "network:case_study_list": Rule({**signed_in(OK), "stakeholder": DENY}),
    "network:case_study_review": Rule({**signed_in(DENY), "staff": OK}),
    "network:case_study_edit": Rule(TEAM_A, kwargs=DRAFT),
    # Only staff approve; the draft is not in review, so the service refuses and the page is shown again.
    "network:case_study_step": Rule(
        {**signed_in(DENY), "staff": REDIRECT}, method="post", kwargs=DRAFT, data={"action": "approve"}
    ),
    "network:case_study_quote_add": Rule(EDITORS_POST, method="post", kwargs=DRAFT, data={"text": "Rác giảm."}),
    "network:case_study_quote_consent": Rule(
        EDITORS_POST, method="post", kwargs={"pk": "{case_study_quote_a.pk}"}, data={"consent": "anonymous"}
    ),
    "network:case_study_photo_add": Rule(EDITORS_POST, method="post", kwargs=DRAFT),
    "network:case_study_photo": Rule(TEAM_A, kwargs={"pk": "{case_study_photo_a.pk}"}),
    # Published pages are open to everyone, without an account.
    "public:case_study_list": Rule(every(OK)),
    "public:case_study": Rule(every(OK), kwargs=PUBLISHED),
    "public:case_study_pdf": Rule(every(OK), kwargs=PUBLISHED),
    "public:case_study_photo": Rule(every(OK), kwargs={**PUBLISHED, "pk": "{case_study_published_photo_a.pk}"}),
    "public:program": Rule(every(OK)),
    "public:sitemap": Rule(every(OK)),
}


def objects(world):
    """City A's draft with a quote and a photo, and a second study of city A published with a photo."""
    from django.apps import apps
    from django.core.files.uploadedfile import SimpleUploadedFile

    from network.services import case_studies as services
    from tests.files import image_bytes
    from tests.network.conftest import complete

    city_a = world["format"]["city_a"]
    staff = world["users"]["staff"]
    draft = services.case_study_draft_create(city=city_a, user=staff)
    quote = services.quote_add(study=draft, user=staff, text="Rác giảm một nửa.", language="vi")

    def photo_of(study, name, caption, *, consent):
        upload = SimpleUploadedFile(name, image_bytes("PNG"))
        return services.photo_add(study=study, upload=upload, caption=caption, credit="UBND", consent=consent)

    photo = photo_of(draft, "a.png", "Bến Ninh Kiều", consent=False)
    published = complete(services.case_study_draft_create(city=city_a, user=staff, kind="interim"))
    published_photo = photo_of(published, "b.png", "Chợ", consent=True)
    services.case_study_submit(study=published, user=staff)
    services.case_study_approve(study=published, user=staff)
    services.case_study_publish(study=published, user=staff)
    world["format"].update(
        case_study_draft_a=draft,
        case_study_quote_a=quote,
        case_study_photo_a=photo,
        case_study_published_a=published,
        case_study_published_photo_a=published_photo,
    )
    world["objects"].update(
        {
            apps.get_model("network", "CaseStudy"): draft,
            apps.get_model("network", "CaseStudyQuote"): quote,
            apps.get_model("network", "CaseStudyPhoto"): photo,
            apps.get_model("network", "CaseStudySection"): draft.sections.first(),
            apps.get_model("network", "CaseStudyVersion"): published.public_version,
        }
    )
