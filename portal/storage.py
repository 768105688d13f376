from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files outside MEDIA_ROOT with no URL at all: they are only streamed by permission-checked views."""

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a permission-checked view.")
