"""The site tree a new office starts from: the home page and the about, contact and privacy pages.

Texts are written from the office identity (Settings → Office identity) in Indonesian, the
site's language; editors rewrite them in the page editor. Pages that exist are left alone.
"""

from django.utils.html import escape, linebreaks

from home.models import HomePage, StandardPage
from portal.starter import ensure_child, home_page, office_settings

PRIVACY = (
    "<p>Kami hanya mengumpulkan data yang diperlukan untuk layanan pelatihan. NIK, nomor telepon, alamat, dan "
    "dokumen yang Anda unggah hanya dapat dilihat oleh Anda dan petugas yang berwenang, dan tidak pernah "
    "ditampilkan di halaman publik.</p>"
    "<p>Data diproses sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi. Anda dapat "
    'mengunduh salinan, memperbaiki, atau meminta penghapusan data Anda di halaman <a href="/saya/privasi/">'
    "Data pribadi saya</a>, atau melalui kontak kami. Tabel di bawah ini menjelaskan data yang kami simpan, "
    "untuk apa, berapa lama, dan siapa yang melihatnya.</p>"
)


def _who(office):
    return " ".join(part for part in (office.unit_name, office.office_name) if part)


def about_text(office):
    return (
        f"{_who(office)} menyelenggarakan kelas dan pelatihan bagi masyarakat, pelaku usaha, dan aparatur. Seluruh "
        "layanan mengikuti Standar Operasional Prosedur (SOP) yang kami terbitkan, lengkap dengan pelaksana dan "
        "waktu standar setiap langkah."
    )


def contact_body(office):
    lines = []
    if office.address:
        # Wagtail's rich text editor reads only self-closed line breaks: "<br>" breaks the page editor.
        lines.append(linebreaks(escape(office.address)).replace("<br>", "<br/>"))
    details = [
        f"Telepon {escape(office.phone)}" if office.phone else "",
        f'Surel <a href="mailto:{escape(office.email)}">{escape(office.email)}</a>' if office.email else "",
    ]
    details = [item for item in details if item]
    if details:
        lines.append(f"<p>{'. '.join(details)}.</p>")
    return "".join(lines) or "<p>Alamat dan nomor kontak kantor kami.</p>"


def load(setup):
    office = office_settings()
    home = home_page()
    if isinstance(home, HomePage) and not home.hero_text:
        home.hero_text = (
            f"Kelas dan pelatihan dari {office.office_name}: daftar secara daring, ikuti jadwalnya, dan unduh "
            "sertifikat Anda."
        )
        if not home.body:
            home.body = [("upcoming_schedule", {"heading": "Jadwal terdekat", "limit": 6})]
        home.save_revision().publish()
        setup.report("home page")
    pages = [
        ensure_child(
            home,
            StandardPage,
            "tentang-kami",
            title="Tentang Kami",
            show_in_menus=True,
            introduction=about_text(office),
            body=[("paragraph", '<p>Standar layanan kami dapat dibaca di halaman <a href="/sop/">SOP</a>.</p>')],
        ),
        ensure_child(
            home,
            StandardPage,
            "kontak",
            title="Kontak",
            show_in_menus=True,
            introduction="Hubungi kami pada hari dan jam kerja.",
            body=[("paragraph", contact_body(office))],
        ),
        ensure_child(
            home,
            StandardPage,
            "kebijakan-privasi",
            title="Kebijakan Privasi",
            introduction="Bagaimana kami menjaga data pribadi Anda.",
            body=[("paragraph", PRIVACY)],
        ),
    ]
    created = [page.url_path for page, is_new in pages if is_new]
    setup.report(f"about, contact and privacy pages ({len(created)} new)")
