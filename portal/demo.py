"""The demo office: the Dinas Kebudayaan dan Pariwisata Kabupaten Banyuwangi and its training unit."""

#: The demo office's identity: ``load_demo`` passes it to ``setup_portal`` as the command's options.
DEMO_OFFICE = {
    "government_name": "Pemerintah Kabupaten Banyuwangi",
    "office_name": "Dinas Kebudayaan dan Pariwisata Kabupaten Banyuwangi",
    "unit_name": "Pusat Pelatihan",
    "office_code": "DISBUDPAR",
    "address": "Jl. Ahmad Yani No. 78\nBanyuwangi, Jawa Timur 68416",
    "city": "Banyuwangi",
    "phone": "(0333) 424172",
    "email": "pelatihan@banyuwangikab.example.go.id",
    "website": "https://disbudpar.banyuwangikab.example.go.id",
    "head_name": "M.Y. Bramuda, S.Sos., MBA., MM.",
    "head_title": "Kepala Dinas Kebudayaan dan Pariwisata",
    "head_rank": "Pembina Utama Muda",
    "head_nip": "197301261992011001",
}

#: The demo head of unit (Kepala Bidang), who decides trainer registrations and signs those letters.
DEMO_HEAD_OF_UNIT = {
    "name": "Bambang Hartono, S.E., M.M.",
    "title": "Kepala Bidang Pengembangan Sumber Daya",
    "rank": "Pembina",
    "nip": "197805122003121004",
}


def signature_png(name):
    """A drawn demo signature (a wavy line under the initials): clearly not a real one."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (360, 120), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    initials = "".join(word[0] for word in name.replace(",", " ").split()[:2])
    draw.text((40, 30), initials, fill=(20, 40, 120, 255))
    points = [(20 + x * 8, 80 + (12 if x % 2 else -12)) for x in range(40)]
    draw.line(points, fill=(20, 40, 120, 255), width=3)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def load_signing(stdout):
    """Demo signing officials with drawn signatures, and the demo office's signing certificate."""
    from django.core.files.base import ContentFile

    from portal.models import SigningOfficial, SigningPosition
    from portal.starter import office_settings, sync_head_official

    head = sync_head_official(office_settings())
    if head is not None and not head.signature:
        head.signature.save("signature.png", ContentFile(signature_png(head.name)), save=False)
        head.save()
    if SigningOfficial.objects.for_position(SigningPosition.HEAD_OF_UNIT) is None:
        official = SigningOfficial(position=SigningPosition.HEAD_OF_UNIT, **DEMO_HEAD_OF_UNIT)
        official.signature.save("signature.png", ContentFile(signature_png(official.name)), save=False)
        official.save()
    stdout.write("- signing officials: head of office, head of unit")
