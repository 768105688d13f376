"""Private files: the storage without URLs, the accessor models use, and the one response that streams them.

Uploads with personal data (IDs, CVs, request letters) and generated PDFs (letters,
certificates) live under ``PRIVATE_MEDIA_ROOT``. They have no URL: a view checks who is
asking, then hands the file to :func:`private_file_response`.
"""

import mimetypes
import os

from django.core.files.storage import FileSystemStorage, storages
from django.http import FileResponse, Http404


class PrivateStorage(FileSystemStorage):
    """Files outside MEDIA_ROOT with no URL at all: they are only streamed by permission-checked views."""

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a permission-checked view.")


def private_storage():
    """The ``storage=`` of every private FileField (a callable, so settings decide at run time)."""
    return storages["private"]


def private_file_response(fieldfile, filename=None, inline=False):
    """Stream a private file after the caller has checked permission; 404 when it is missing."""
    if not fieldfile:
        raise Http404
    try:
        handle = fieldfile.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404
    filename = filename or os.path.basename(fieldfile.name)
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response = FileResponse(handle, as_attachment=not inline, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
