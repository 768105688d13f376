"""Streaming bulk outputs for printing: a ZIP of certificates and one combined PDF.

Both are generators of byte chunks for a ``StreamingHttpResponse``: each certificate's PDF
is loaded, written out and dropped before the next one, so memory stays flat however many
certificates a class has.

* ZIP: ``zipfile`` writes to a non-seekable sink (it then uses data descriptors), which is
  drained after every member.
* Combined PDF: pypdf's ``PdfWriter`` keeps every page in memory until it writes, so the
  pages are copied here object by object into a new file: each source PDF is parsed, its
  page objects are renumbered and written immediately, and only the byte offsets (for the
  cross-reference table) and the page object numbers are remembered. Identical streams
  (the background image every certificate shares) are written once and referenced again.
"""

import gc
import hashlib
import io
import zipfile

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, StreamObject

from django.utils import timezone

DEDUPE_MIN_BYTES = 1024
GC_EVERY = 10


class Sink:
    """A write-only, tell-able, non-seekable buffer that a generator drains between writes."""

    def __init__(self):
        self._chunks = []
        self._position = 0

    def write(self, data):
        data = bytes(data)
        self._chunks.append(data)
        self._position += len(data)
        return len(data)

    def tell(self):
        return self._position

    def flush(self):
        pass

    def drain(self):
        data = b"".join(self._chunks)
        self._chunks = []
        return data


def stream_zip(items):
    """``items``: iterable of ``(filename, pdf_bytes)``; yields the ZIP archive in chunks."""
    sink = Sink()
    stamp = timezone.localtime().timetuple()[:6]
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_STORED) as archive:
        for filename, data in items:
            info = zipfile.ZipInfo(filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_STORED  # PDFs are compressed already
            archive.writestr(info, data)
            chunk = sink.drain()
            if chunk:
                yield chunk
    yield sink.drain()


class PdfConcatenator:
    """Append the pages of many PDFs to one output, writing each object as soon as it is copied."""

    PAGES_ID = 1
    CATALOG_ID = 2

    def __init__(self, sink):
        self.sink = sink
        self.offsets = {}
        self.next_id = 3
        self.kids = []
        self.seen_streams = {}
        self.documents = 0
        sink.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")

    def add(self, pdf_bytes):
        reader = PdfReader(io.BytesIO(pdf_bytes))
        mapping = {}
        for page in reader.pages:
            self.kids.append(self._copy(page.indirect_reference, mapping, page=True))
        # A parsed reader and its objects reference each other; without a collection now and
        # then, dozens of finished documents wait in memory for the cyclic garbage collector.
        self.documents += 1
        if self.documents % GC_EVERY == 0:
            gc.collect()

    def _copy(self, reference, mapping, page=False):
        key = (reference.idnum, reference.generation)
        if key in mapping:
            return mapping[key]
        new_id = self.next_id
        self.next_id += 1
        mapping[key] = new_id  # before the children: cycles (annotation /P → page) end here
        source = reference.get_object()
        copy = self._remap(source, mapping, skip=("/Parent",) if page else ())
        if page:
            copy[NameObject("/Parent")] = IndirectObject(self.PAGES_ID, 0, None)
        if isinstance(copy, StreamObject) and len(copy._data) >= DEDUPE_MIN_BYTES:
            body = io.BytesIO()
            copy.write_to_stream(body)
            digest = hashlib.sha256(body.getvalue()).digest()
            existing = self.seen_streams.get(digest)
            if existing is not None:
                mapping[key] = existing  # the reserved number stays unused (a free xref entry)
                return existing
            self.seen_streams[digest] = new_id
        self._write(new_id, copy)
        return new_id

    def _remap(self, value, mapping, skip=()):
        if isinstance(value, IndirectObject):
            return IndirectObject(self._copy(value, mapping), 0, None)
        if isinstance(value, StreamObject):
            copy = StreamObject()
            for name, item in dict.items(value):
                if name not in ("/Length", *skip):
                    copy[NameObject(name)] = self._remap(item, mapping)
            copy._data = value._data  # the encoded bytes as read, filters unchanged
            return copy
        if isinstance(value, DictionaryObject):
            copy = DictionaryObject()
            if dict.get(value, "/FT") == "/Sig":
                # A signature field on a print copy: its visible block (/AP) is kept; the signature
                # value (/V, a 16 KB hex string no longer valid in the combined file) is not.
                skip = (*skip, "/V")
            for name, item in dict.items(value):
                if name not in skip:
                    copy[NameObject(name)] = self._remap(item, mapping)
            return copy
        if isinstance(value, ArrayObject):
            return ArrayObject(self._remap(item, mapping) for item in list.__iter__(value))
        return value

    def _write(self, object_id, obj):
        self.offsets[object_id] = self.sink.tell()
        self.sink.write(f"{object_id} 0 obj\n".encode())
        obj.write_to_stream(self.sink)
        self.sink.write(b"\nendobj\n")

    def _write_raw(self, object_id, text):
        self.offsets[object_id] = self.sink.tell()
        self.sink.write(f"{object_id} 0 obj\n{text}\nendobj\n".encode())

    def finish(self):
        kids = " ".join(f"{kid} 0 R" for kid in self.kids)
        self._write_raw(self.PAGES_ID, f"<< /Type /Pages /Kids [{kids}] /Count {len(self.kids)} >>")
        self._write_raw(self.CATALOG_ID, f"<< /Type /Catalog /Pages {self.PAGES_ID} 0 R >>")
        xref_at = self.sink.tell()
        lines = [f"xref\n0 {self.next_id}\n", "0000000000 65535 f \n"]
        for object_id in range(1, self.next_id):
            offset = self.offsets.get(object_id)
            lines.append(f"{offset:010d} 00000 n \n" if offset is not None else "0000000000 65535 f \n")
        self.sink.write("".join(lines).encode())
        self.sink.write(
            f"trailer\n<< /Size {self.next_id} /Root {self.CATALOG_ID} 0 R >>\nstartxref\n{xref_at}\n%%EOF\n".encode()
        )


def stream_combined_pdf(pdfs):
    """``pdfs``: iterable of PDF bytes; yields one PDF with all their pages, in chunks."""
    sink = Sink()
    concatenator = PdfConcatenator(sink)
    for data in pdfs:
        concatenator.add(data)
        yield sink.drain()
    concatenator.finish()
    yield sink.drain()
