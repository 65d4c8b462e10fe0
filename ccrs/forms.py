"""Forms of the project package: joining a team from an invitation link; a service's errors on a form."""

from collections.abc import Callable
from typing import Any, NamedTuple

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class InvitationAcceptForm(forms.Form):
    """A new account made from an invitation: the e-mail comes from the invitation."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords differ. Type the same password twice."))
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        password = self.cleaned_data.get("password2")
        if password and not self.has_error("password2"):
            from django.contrib.auth import get_user_model

            candidate = get_user_model()(email=self.email, full_name=self.cleaned_data.get("full_name", ""))
            try:
                password_validation.validate_password(password, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)


class Saved(NamedTuple):
    """What a service returned when form_saved() ran it (truthy even when the service returns None)."""

    result: Any


def form_saved(request, form: forms.BaseForm, save: Callable[[], Any], *, success: str) -> Saved | None:
    """The one step of a form page that writes: on a valid POST, run `save` (the service call), put a service's
    ValidationError on the form, and on success queue the `success` message. Saved(result) when it saved, None
    when the page shows the form again (not a POST, invalid input, or refused by the service)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = save()
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    messages.success(request, success)
    return Saved(result)


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its fields where the form has them, else on the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class ProfileForm(forms.Form):
    """The names a person gives and the language they read; the service saves them."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    display_name = forms.CharField(
        label=_("Name shown"),
        max_length=80,
        required=False,
        help_text=_("How the platform greets you and shows you to others. Leave empty to use your full name."),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("The browser's language"))],
        help_text=_("The language of the pages and of the e-mails you get."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("The browser's language")), *settings.LANGUAGES]
