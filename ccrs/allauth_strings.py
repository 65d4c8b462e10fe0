"""django-allauth's user-facing strings, listed so that makemessages puts them into our catalogs.

allauth ships no Vietnamese or Malay catalog, and our Thai and Indonesian wording should match the rest of the
platform. Django looks up LOCALE_PATHS before the catalogs of installed apps, so the translations in locale/ win over
allauth's own. The msgids below are copied exactly as allauth writes them (allauth/locale/*/LC_MESSAGES/django.po)
for the account and MFA pages the platform shows: sign in, sign out, password change, password reset (done, from key,
from key done), reauthentication, two-factor authentication at sign-in, the two-factor overview, the authenticator app
activation and deactivation, and the recovery codes, with their form labels, errors, messages and e-mails. Nothing
imports this module at run time; it only feeds makemessages. Re-check it when upgrading allauth.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

STRINGS = [
    # Sign-in form, its errors and messages (account/login, account/account_inactive)
    gettext_noop("Email"),
    gettext_noop("Email address"),
    gettext_noop("Password"),
    gettext_noop("Remember Me"),
    gettext_noop("Forgot your password?"),
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("Too many failed login attempts. Try again later."),
    gettext_noop("Be patient, you are sending too many requests."),
    gettext_noop("This account is currently inactive."),
    gettext_noop("Account Inactive"),
    gettext_noop("This account is inactive."),
    gettext_noop("Successfully signed in as %(name)s."),
    gettext_noop("Sign In"),
    gettext_noop("Cancel"),
    # Sign out (account/logout)
    gettext_noop("Sign Out"),
    gettext_noop("Are you sure you want to sign out?"),
    gettext_noop("You have signed out."),
    # Password change (account/password_change)
    gettext_noop("Change Password"),
    gettext_noop("Current Password"),
    gettext_noop("New Password"),
    gettext_noop("New Password (again)"),
    gettext_noop("Please type your current password."),
    gettext_noop("You must type the same password each time."),
    gettext_noop("Password successfully changed."),
    # Password reset, its e-mail, and the done / from-key / from-key-done pages
    gettext_noop("Password Reset"),
    gettext_noop(
        "Forgotten your password? Enter your email address below, and we'll send you an email allowing you to reset "
        "it.",
    ),
    gettext_noop("Reset My Password"),
    gettext_noop("Please contact us if you have any trouble resetting your password."),
    gettext_noop("The email address is not assigned to any user account."),
    gettext_noop(
        "We have sent you an email. If you have not received it please check your spam folder. Otherwise contact us "
        "if you do not receive it in a few minutes.",
    ),
    gettext_noop("Bad Token"),
    gettext_noop(
        "The password reset link was invalid, possibly because it has already been used.  Please request a "
        '<a href="%(passwd_reset_url)s">new password reset</a>.',
    ),
    gettext_noop("Your password is now changed."),
    gettext_noop("Password Reset Email"),
    gettext_noop(
        "You're receiving this email because you or someone else has requested a password reset for your user "
        "account.\nIt can be safely ignored if you did not request a password reset. Click the link below to reset "
        "your password.",
    ),
    gettext_noop("Hello from %(site_name)s!"),
    gettext_noop("Thank you for using %(site_name)s!\n%(site_domain)s"),
    # Security notification e-mails (sent when ACCOUNT_EMAIL_NOTIFICATIONS is on)
    gettext_noop("You are receiving this mail because the following change was made to your account:"),
    gettext_noop(
        "If you do not recognize this change then please take proper security precautions immediately. The change to "
        "your account originates from:\n\n- IP address: %(ip)s\n- Browser: %(user_agent)s\n- Date: %(timestamp)s",
    ),
    gettext_noop("Password Changed"),
    gettext_noop("Your password has been changed."),
    gettext_noop("Your password has been reset."),
    gettext_noop("Authenticator App Activated"),
    gettext_noop("Authenticator App Deactivated"),
    gettext_noop("New Recovery Codes Generated"),
    gettext_noop("A new set of Two-Factor Authentication recovery codes has been generated."),
    # Reauthentication (account/reauthenticate, mfa/reauthenticate)
    gettext_noop("Confirm Access"),
    gettext_noop("Please reauthenticate to safeguard your account."),
    gettext_noop("Alternative options"),
    gettext_noop("Enter your password:"),
    gettext_noop("Confirm"),
    gettext_noop("Incorrect password."),
    gettext_noop("Use your password"),
    gettext_noop("Use authenticator app or code"),
    gettext_noop("Enter an authenticator code:"),
    # Two-factor authentication at sign-in (mfa/authenticate) and its overview (mfa/index)
    gettext_noop("Two-Factor Authentication"),
    gettext_noop("Your account is protected by two-factor authentication. Please enter an authenticator code:"),
    gettext_noop("Code"),
    gettext_noop("Incorrect code."),
    gettext_noop("Authenticator App"),
    gettext_noop("Authentication using an authenticator app is active."),
    gettext_noop("An authenticator app is not active."),
    gettext_noop("Deactivate"),
    gettext_noop("Activate"),
    gettext_noop("Recovery Codes"),
    ngettext_lazy(
        "There is %(unused_count)s out of %(total_count)s recovery codes available.",
        "There are %(unused_count)s out of %(total_count)s recovery codes available.",
    ),
    gettext_noop("No recovery codes set up."),
    gettext_noop("View"),
    gettext_noop("Download"),
    gettext_noop("Generate"),
    # Authenticator app (mfa/totp activate and deactivate)
    gettext_noop("Activate Authenticator App"),
    gettext_noop(
        "To protect your account with two-factor authentication, scan the QR code below with your authenticator app. "
        "Then, input the verification code generated by the app below.",
    ),
    gettext_noop("Authenticator secret"),
    gettext_noop("You can store this secret and use it to reinstall your authenticator app at a later time."),
    gettext_noop("Authenticator code"),
    gettext_noop("Authenticator app activated."),
    gettext_noop("Deactivate Authenticator App"),
    gettext_noop("You are about to deactivate authenticator app based authentication. Are you sure?"),
    gettext_noop("Authenticator app deactivated."),
    gettext_noop("You cannot deactivate two-factor authentication."),
    gettext_noop("You cannot activate two-factor authentication until you have verified your email address."),
    # Recovery codes (mfa/recovery_codes view and generate)
    gettext_noop("You are about to generate a new set of recovery codes for your account."),
    gettext_noop("This action will invalidate your existing codes."),
    gettext_noop("Are you sure?"),
    gettext_noop("Unused codes"),
    gettext_noop("Download codes"),
    gettext_noop("Generate new codes"),
    gettext_noop("A new set of recovery codes has been generated."),
    gettext_noop("You cannot generate recovery codes without having two-factor authentication enabled."),
    # Verification of an address by code, and changing the address (account/email_change,
    # account/confirm_email_verification_code, account/base_confirm_code) with their messages
    gettext_noop("Email Address"),
    gettext_noop("Current email"),
    gettext_noop("Changing to"),
    gettext_noop("Your email address is still pending verification."),
    gettext_noop("Re-send Verification"),
    gettext_noop("Cancel Change"),
    gettext_noop("Change to"),
    gettext_noop("Change Email"),
    gettext_noop("Email Verification"),
    gettext_noop("Enter Email Verification Code"),
    gettext_noop("Use a different email address"),
    gettext_noop("We've sent a code to %(recipient)s. The code expires shortly, so please enter it soon."),
    gettext_noop("Confirm"),
    gettext_noop("Request new code"),
    gettext_noop("Code"),
    gettext_noop("Incorrect code."),
    gettext_noop("Confirmation email sent to %(email)s."),
    gettext_noop("You have confirmed %(email)s."),
    gettext_noop("Unable to confirm %(email)s because it is already confirmed by a different account."),
    gettext_noop("Your primary email address must be verified."),
    gettext_noop("Email Changed"),
    gettext_noop("Your email has been changed from %(from_email)s to %(to_email)s."),
    gettext_noop("Email Confirmation"),
    gettext_noop("Your email has been confirmed."),
    gettext_noop("Email Removed"),
    gettext_noop("Email address %(deleted_email)s has been removed from your account."),
    # Sign-in by a code sent to the address (account/request_login_code, account/confirm_login_code)
    gettext_noop("Send me a sign-in code"),
    gettext_noop("You will receive a special code for a password-free sign-in."),
    gettext_noop("Request Code"),
    gettext_noop("Other sign-in options"),
    gettext_noop("Enter Sign-In Code"),
    gettext_noop("A sign-in code has been sent to %(recipient)s."),
]
