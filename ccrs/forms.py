"""Forms of the project package: joining a team from an invitation link; a service's errors on a form or,
for a button without a form, as a message."""

from collections.abc import Callable
from typing import Any, NamedTuple

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.shortcuts import render
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
    ValidationError on the form, and on success queue the `success` message (a text, or a function of what the
    service returned). Saved(result) when it saved, None when the page shows the form again (not a POST, invalid
    input, or refused by the service)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = save()
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    messages.success(request, success(result) if callable(success) else success)
    return Saved(result)


def action_done(request, act: Callable[[], Any], *, success=None) -> Saved | None:
    """The one step of a button (a POST without a form to show again) that writes: run `act` (the service
    call); a service's ValidationError becomes one error message, otherwise `success` is queued (a text, or a
    function of what the service returned). Saved(result) when it ran, None when the service refused."""
    try:
        result = act()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return None
    if success is not None:
        messages.success(request, success(result) if callable(success) else success)
    return Saved(result)


def form_page(request, template: str, form: forms.BaseForm, context: dict | None = None):
    """A form's page, with the form as `form`: answered 400 when a sent form has errors, 200 otherwise."""
    status = 400 if form.is_bound and form.errors else 200
    return render(request, template, {"form": form, **(context or {})}, status=status)


def form_action(request, form: forms.BaseForm, act: Callable[[dict], Any], *, invalid: str, success=None):
    """A small form sent from a button on another page, with nothing to show again: `invalid` as the error
    message when the form is wrong, otherwise `act(form.cleaned_data)` run as action_done() runs it."""
    if not form.is_valid():
        messages.error(request, invalid)
        return None
    return action_done(request, lambda: act(form.cleaned_data), success=success)


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
