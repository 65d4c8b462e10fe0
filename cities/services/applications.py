"""The call for applications: a city's applicant invited by a personal link, the application drafted and submitted."""

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ccrs import links
from ccrs.inputs import decimal_for_column
from ccrs.money import CURRENCY_CODES
from ccrs.services import SUPPORTED_LANGUAGES

from ..letters import validate_pdf
from ..models import (
    Application,
    ApplicationStatus,
    Cohort,
    Shock,
    StepKind,
)

APPLICATION_SALT = "cities.application"

# Legal decisions: from a status, the statuses a decision may move an application to.
DECISIONS = {
    ApplicationStatus.SUBMITTED: {ApplicationStatus.SELECTED, ApplicationStatus.WAITLISTED, ApplicationStatus.DECLINED},
    ApplicationStatus.WAITLISTED: {ApplicationStatus.SELECTED, ApplicationStatus.DECLINED},
}

# The time zone and languages a new city of these countries starts with (staff correct them in the profile).
COUNTRY_DEFAULTS = {
    "VN": ("Asia/Ho_Chi_Minh", ["vi"]),
    "TH": ("Asia/Bangkok", ["th"]),
    "ID": ("Asia/Jakarta", ["id"]),
    "MY": ("Asia/Kuala_Lumpur", ["ms"]),
    "PH": ("Asia/Manila", ["en"]),
    "IN": ("Asia/Kolkata", ["en"]),
    "KH": ("Asia/Phnom_Penh", ["km"]),
    "LA": ("Asia/Vientiane", ["lo"]),
    "MM": ("Asia/Yangon", ["my"]),
    "BD": ("Asia/Dhaka", ["bn"]),
}

DEFAULT_CHECKLIST = [
    (StepKind.MEMORANDUM, 30),
    (StepKind.CRO, 30),
    (StepKind.TEAM, 45),
    (StepKind.COFUNDING, 60),
    (StepKind.BASELINE, 75),
    (StepKind.KICKOFF, 90),
]

# The fields an applicant fills in; all of them are required to submit.
APPLICATION_FIELDS = [
    "city_name",
    "country",
    "cro_name",
    "cro_title",
    "cro_email",
    "cro_phone",
    "strategy_summary",
    "strategy_url",
    "shocks",
    "candidate_sectors",
    "currency",
    "cofunding_cash",
    "cofunding_in_kind",
    "in_kind_description",
]
OPTIONAL_TO_SUBMIT = {"cro_phone", "strategy_url", "in_kind_description", "cro_title"}


def parse_amount(value, *, field_label: str, column: models.DecimalField) -> Decimal | None:
    """A non-negative Decimal from user input that `column` can hold, None for empty; ValidationError
    saying what to fix."""
    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        raise ValidationError(
            _("%(field)s must be a number, such as 250000 or 1250.50."), params={"field": field_label}
        ) from None
    if not amount.is_finite():
        raise ValidationError(
            _("%(field)s must be a number, such as 250000 or 1250.50."), params={"field": field_label}
        )
    if amount < 0:
        raise ValidationError(_("%(field)s cannot be negative. Enter 0 or more."), params={"field": field_label})
    return decimal_for_column(amount, field=column, label=field_label)


def check_currency(code: str) -> str:
    code = (code or "").strip().upper()
    if code not in CURRENCY_CODES:
        raise ValidationError(
            _("“%(value)s” is not an ISO 4217 currency code. Use a code such as USD, VND, THB, IDR or MYR."),
            params={"value": code},
        )
    return code


APPLICATION_INVITATION = links.invitation_kind(
    salt=APPLICATION_SALT,
    url_name="cities:application_accept",
    rows=lambda: Application.objects.select_related("cohort"),
    used=lambda application: application.applicant_id is not None,
    expired=gettext_lazy("This invitation link has expired. Ask the program team to send a new one."),
    gone=gettext_lazy("This invitation no longer exists. Ask the program team for a new one."),
)


@transaction.atomic
def application_invite(*, invited_by, cohort: Cohort, email: str, city_name: str, country: str) -> Application:
    """Open a draft application for a city and invite its Chief Resilience Officer by e-mail."""
    from ..tasks import application_invitation_send

    email = get_user_model().objects.normalize_email(email).strip().lower()
    city_name = city_name.strip()
    if not city_name:
        raise ValidationError({"city_name": _("Enter the name of the city.")})
    _refuse_duplicate(cohort=cohort, city_name=city_name, country=country)
    try:
        with transaction.atomic():
            application = Application.objects.create(
                cohort=cohort,
                city_name=city_name,
                country=country,
                invited_email=email,
                invited_by=invited_by,
                cro_email=email,
            )
    except IntegrityError:
        _raise_duplicate(cohort=cohort, city_name=city_name)
    application_invitation_send.delay_on_commit(application.pk)
    return application


def _refuse_duplicate(*, cohort, city_name, country, exclude_pk=None):
    others = Application.objects.filter(cohort=cohort, country=country, city_name__iexact=city_name)
    if exclude_pk:
        others = others.exclude(pk=exclude_pk)
    if others.exists():
        _raise_duplicate(cohort=cohort, city_name=city_name)


def _raise_duplicate(*, cohort, city_name):
    raise ValidationError(
        {
            "city_name": _("%(city)s has already applied to %(cohort)s. Open that application instead.")
            % {"city": city_name, "cohort": cohort.name}
        }
    )


def application_invitation_send(*, application_id: int) -> bool:
    """Send the applicant's invitation e-mail once; True if sent now."""

    def compose(application):
        language = _COUNTRY_LANGUAGE.get(str(application.country), "en")
        with translation.override(language if language in SUPPORTED_LANGUAGES else "en"):
            body = render_to_string(
                "cities/email/application_invitation.txt",
                {
                    "application": application,
                    "link": links.link_url(APPLICATION_INVITATION, application),
                    "max_age_days": settings.INVITATION_MAX_AGE_DAYS,
                },
            )
            subject = _("%(city)s is invited to apply to %(cohort)s") % {
                "city": application.city_name,
                "cohort": application.cohort.name,
            }
        return application.invited_email, subject, body

    return links.link_send_once(
        APPLICATION_INVITATION, application_id, compose=compose, sent_field="invitation_sent_at"
    )


_COUNTRY_LANGUAGE = {country: languages[0] for country, (_tz, languages) in COUNTRY_DEFAULTS.items()}


@transaction.atomic
def application_resend(*, application: Application) -> Application:
    """A fresh link (a new expiry) for an invitation not yet accepted."""
    from ..tasks import application_invitation_send

    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.applicant_id is not None:
        raise ValidationError(_("The applicant has already accepted this invitation."))
    application.invitation_sent_at = None
    application.save(update_fields=["invitation_sent_at", "updated_at"])
    application_invitation_send.delay_on_commit(application.pk)
    return application


@transaction.atomic
def application_invitation_accept(*, token: str, user=None, full_name: str = "", password: str = ""):
    """Become the applicant: as the signed-in user with the invited address, or with a new account.

    Returns (user, application); LinkInvalid for a link that cannot be used, ValidationError for input.
    """
    application = links.link_open(APPLICATION_INVITATION, token, lock=True)
    user = links.link_account(email=application.invited_email, user=user, full_name=full_name, password=password)
    application.applicant = user
    fields = ["applicant", "updated_at"]
    if not application.cro_name:
        application.cro_name = user.full_name
        fields.append("cro_name")
    application.save(update_fields=fields)
    return user, application


@transaction.atomic
def application_update(*, application: Application, data: dict, letter=None, submit: bool = False) -> Application:
    """Save the applicant's answers (a draft may be incomplete); with submit, check completeness and submit.

    Refuses a duplicate city, a negative or non-numeric amount, an unknown currency, a letter that is
    not a PDF or too large; nothing is saved then.
    """
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != ApplicationStatus.DRAFT:
        raise ValidationError(_("This application was submitted and can no longer be changed."))
    errors = {}
    values = {}
    for name in APPLICATION_FIELDS:
        if name not in data:
            continue
        value = data[name]
        try:
            if name in {"cofunding_cash", "cofunding_in_kind"}:
                column = Application._meta.get_field(name)
                value = parse_amount(value, field_label=str(column.verbose_name), column=column)
            elif name == "currency":
                value = check_currency(value) if value else ""
            elif name == "shocks":
                value = [v for v in (value or []) if v]
                bad = [v for v in value if v not in Shock.values]
                if bad:
                    raise ValidationError(
                        _("These are not on the list of shocks and stresses: %(items)s."),
                        params={"items": ", ".join(bad)},
                    )
            elif isinstance(value, str):
                value = value.strip()
        except ValidationError as error:
            errors[name] = error.messages
            continue
        values[name] = value
    if letter is not None:
        try:
            validate_pdf(letter)
        except ValidationError as error:
            errors["letter"] = error.messages
    if errors:
        raise ValidationError(errors)
    for name, value in values.items():
        setattr(application, name, value)
    fields = [*values, "updated_at"]
    _refuse_duplicate(
        cohort=application.cohort,
        city_name=application.city_name,
        country=application.country,
        exclude_pk=application.pk,
    )
    if letter is not None:
        old = application.letter.name if application.letter else ""
        application.letter_name = (getattr(letter, "name", "") or "letter.pdf")[-200:]
        letter.seek(0)
        application.letter.save(application.letter_name, letter, save=False)
        fields += ["letter", "letter_name"]
        if old:
            storage = application.letter.storage
            transaction.on_commit(lambda: storage.delete(old))
    if submit:
        closes = application.cohort.call_closes_on
        if closes and timezone.localdate() > closes:
            raise ValidationError(
                _("The call for applications closed on %(date)s. Save your draft and contact the program team.")
                % {"date": date_format(closes, "DATE_FORMAT")}
            )
        _check_complete(application)
        application.status = ApplicationStatus.SUBMITTED
        application.submitted_at = timezone.now()
        fields += ["status", "submitted_at"]
    try:
        with transaction.atomic():
            application.save(update_fields=fields)
    except IntegrityError:
        _raise_duplicate(cohort=application.cohort, city_name=application.city_name)
    return application


def _check_complete(application: Application) -> None:
    missing = {}
    for name in APPLICATION_FIELDS:
        if name in OPTIONAL_TO_SUBMIT:
            continue
        value = getattr(application, name)
        if value in (None, "", []):
            label = Application._meta.get_field(name).verbose_name
            missing[name] = _("%(field)s is needed to submit the application.") % {"field": label}
    if not application.letter:
        missing["letter"] = _("Attach the signed letter of commitment as a PDF to submit the application.")
    if missing:
        raise ValidationError(missing)
