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
