"""Private files: every stored file is served only to people allowed to see the object that owns it.

Files keep their storage names (`FieldFile.url` gives /media/<name>), but no web server serves
MEDIA_ROOT: the view below asks each app's `files.can_read(*, user, name)` whether the user may
read the object holding that name, and answers 404 otherwise (also for names nobody holds).
"""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404

from . import registry


def can_read(*, user, name: str) -> bool:
    return any(module.can_read(user=user, name=name) for module in registry.app_modules("files"))


def media_serve(request, name):
    if ".." in name.split("/") or not can_read(user=request.user, name=name) or not default_storage.exists(name):
        raise Http404
    response = FileResponse(default_storage.open(name, "rb"), as_attachment=False, filename=name.rsplit("/", 1)[-1])
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
    response["Cache-Control"] = "private, no-store"
    return response
