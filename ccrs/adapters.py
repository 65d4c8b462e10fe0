"""django-allauth adapters: nobody signs up on their own; staff keep their authenticator where it is required."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": _(
            "Too many failed sign-in attempts for this account. Wait a minute and try again, "
            "or sign in with a code sent to your e-mail."
        ),
    }

    def is_open_for_signup(self, request):
        return False

    def post_login(self, request, user, **kwargs):
        """Signed in, the person's preferred language takes over, and allauth's "Signed in as …" speaks it already."""
        takes_over = bool(user.language) and not request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        with translation.override(user.language if takes_over else translation.get_language()):
            response = super().post_login(request, user, **kwargs)
        if takes_over:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                user.language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
            )
        return response


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "cannot_delete_authenticator": _(
            "Program staff must keep an authenticator app. To move to a new phone, ask another staff member "
            "to reset your two-factor authentication."
        ),
    }

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Staff cannot switch off their authenticator app where the deployment requires one."""
        is_staff_app = authenticator.type == Authenticator.Type.TOTP and authenticator.user.is_staff
        if settings.STAFF_MFA_REQUIRED and is_staff_app:
            return False
        return super().can_delete_authenticator(authenticator)
