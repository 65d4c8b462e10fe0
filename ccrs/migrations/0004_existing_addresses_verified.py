"""Addresses start to count only once verified: the accounts made before that keep theirs.

Every account so far was made from a link e-mailed to its address (or by program staff), so that
address is recorded as verified and primary. Addresses a person added since (allauth's rows) are
left as they are: unverified ones must now be verified.
"""

from django.db import migrations


def existing_addresses_verified(apps, schema_editor):
    User = apps.get_model("ccrs", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user_id=pk, email=email.lower(), verified=True, primary=True)
            for pk, email in User.objects.filter(emailaddress__isnull=True).values_list("pk", "email")
        ],
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("ccrs", "0003_report"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(existing_addresses_verified, migrations.RunPython.noop)]
