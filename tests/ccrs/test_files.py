"""Private files are served only to people who may see the object that holds them."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage


def test_a_file_nobody_holds_is_not_served(staff, client_for):
    name = default_storage.save("pilots/evidence/orphan/secret.txt", ContentFile(b"not attached to anything"))
    try:
        assert client_for(staff).get(f"/media/{name}").status_code == 404
    finally:
        default_storage.delete(name)
