"""Demo identity and pages for a Banyuwangi culture-and-tourism training unit, on top of the starter pages."""

from wagtail.models import Site

from home.models import HomePage, StandardPage
from portal.images import wagtail_image
from portal.models import OfficeSettings
from portal.starter import ensure_child as starter_child

ABOUT = (
    "Pusat Pelatihan Dinas Kebudayaan dan Pariwisata Kabupaten Banyuwangi menyelenggarakan kelas kreatif "
    "seni tari, kriya, dan pemasaran digital bagi masyarakat, pelaku UMKM, dan ASN. Seluruh layanan mengikuti "
    "Standar Operasional Prosedur (SOP) yang kami terbitkan, lengkap dengan waktu standar setiap langkah."
)


def ensure_child(parent, model, slug, **fields):
    """The page at ``slug`` under ``parent``, created and published if missing (the starter data made most)."""
    return starter_child(parent, model, slug, **fields)[0]


def load(stdout):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if site.hostname != "localhost" or site.port != 80:
        site.hostname, site.port = "localhost", 80
        site.save()

    # setup_portal stored the identity; the demo adds what an office uploads or links by hand.
    office = OfficeSettings.for_site(site)
    if not office.logo:
        office.instagram_url = "https://instagram.com/disbudpar.banyuwangi"
        office.youtube_url = "https://youtube.com/@disbudparbanyuwangi"
        office.whatsapp_number = "0812-3456-7890"
        office.logo = wagtail_image("Logo Pusat Pelatihan", "PP", size=(256, 256))
        office.save()

    if isinstance(home, HomePage) and not home.hero_image:
        home.title = "Beranda"
        home.hero_title = "Belajar keterampilan baru bersama Pusat Pelatihan"
        home.hero_text = (
            "Kelas kreatif gratis untuk masyarakat Banyuwangi: seni tari, kriya, pemasaran digital, koperasi dan UMKM."
        )
        # No words in the picture: the hero's heading is written over it.
        home.hero_image = wagtail_image("Gandrung Banyuwangi", "Kelas Kreatif Banyuwangi", caption=False)
        home.introduction = f"<p>{ABOUT}</p>"
        home.body = [
            ("upcoming_schedule", {"heading": "Jadwal terdekat", "limit": 6}),
            (
                "call_to_action",
                {
                    "title": "Anda seorang praktisi atau pelatih?",
                    "text": "Daftarkan diri sebagai narasumber dan berbagi keahlian dengan masyarakat.",
                    "page": None,
                    "url": "/narasumber/daftar/",
                    "link_text": "Daftar sebagai narasumber",
                },
            ),
        ]
        home.save_revision().publish()

    about = ensure_child(home, StandardPage, "tentang-kami", title="Tentang Kami", show_in_menus=True)
    if not any(block.block_type == "heading" and block.value == "Visi" for block in about.body):
        about.introduction = ABOUT
        about.body = [
            ("heading", "Visi"),
            ("paragraph", "<p>Masyarakat Banyuwangi yang kreatif, berbudaya, dan berdaya saing.</p>"),
            ("heading", "Misi"),
            (
                "paragraph",
                "<ul><li>Menyelenggarakan pelatihan yang mudah diakses.</li>"
                "<li>Membina pelaku seni dan UMKM setelah pelatihan.</li>"
                "<li>Melayani dengan waktu standar yang terukur.</li></ul>",
            ),
            ("paragraph", '<p>Standar layanan kami dapat dibaca di halaman <a href="/sop/">SOP</a>.</p>'),
        ]
        about.save_revision().publish()
    stdout.write("  office logo and social links, home page and about page")
