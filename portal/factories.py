"""Helpers the apps' factories share with the tests and the demo loader."""

import io


def minimal_pdf(title, lines=()):
    """A small real PDF (reportlab, installed with xhtml2pdf) with a title and a few lines."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(title)
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(56, 780, title[:80])
    pdf.setFont("Helvetica", 11)
    y = 750
    for line in lines:
        pdf.drawString(56, y, line[:95])
        y -= 18
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def bulk_child_pages(parent, model, count, make):
    """Insert ``count`` live child pages of ``parent`` in a few statements (tests and benchmarks at scale).

    ``make(i)`` returns the fields of the i-th page (``title`` and ``slug`` included). The page
    rows are bulk-created with their tree paths, then the specific rows; no signals, no revisions
    and no search index entries (index them with the search backend's ``add_bulk`` if needed).
    """
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page

    parent.refresh_from_db()
    content_type = ContentType.objects.get_for_model(model)
    start = parent.numchild
    pages = []
    for i in range(count):
        fields = make(start + i)
        slug = fields.pop("slug")
        pages.append(
            model(
                title=fields.pop("title"),
                slug=slug,
                content_type=content_type,
                path=model._get_path(parent.path, parent.depth + 1, start + i + 1),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                live=True,
                locale_id=parent.locale_id,
                draft_title=slug,
                **fields,
            )
        )
    base_fields = [f.attname for f in Page._meta.concrete_fields if f.attname != "id"]
    rows = Page.objects.bulk_create([Page(**{name: getattr(page, name) for name in base_fields}) for page in pages])
    for page, row in zip(pages, rows, strict=True):
        page.pk = page.id = page.page_ptr_id = row.pk
    model._base_manager._insert(pages, fields=list(model._meta.local_concrete_fields), using="default")
    Page.objects.filter(pk=parent.pk).update(numchild=start + count)
    parent.refresh_from_db()
    return pages
