"""Program staff hold every model permission of the platform's own apps, for the admin."""

from django.contrib.auth.backends import BaseBackend

STAFF_APP_LABELS = {"ccrs", "cities", "sectors", "cocreation", "pilots", "network", "account", "mfa"}


class ProgramStaffBackend(BaseBackend):
    """No login of its own; grants data care in the admin to active program staff."""

    def _is_staff(self, user_obj):
        return user_obj.is_active and user_obj.is_staff

    def has_perm(self, user_obj, perm, obj=None):
        return obj is None and self._is_staff(user_obj) and perm.split(".", 1)[0] in STAFF_APP_LABELS

    def has_module_perms(self, user_obj, app_label):
        return self._is_staff(user_obj) and app_label in STAFF_APP_LABELS
