"""Streaming private files (uploads, letters) after the caller has checked permission."""

import mimetypes
import os

from django.http import FileResponse, Http404


def private_file_response(fieldfile, filename=None, inline=False):
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
