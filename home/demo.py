"""Demo identity and pages for a Banyuwangi culture-and-tourism training unit."""

from wagtail.models import Site

from home.models import HomePage, StandardPage
from portal.images import wagtail_image
from portal.models import OfficeSettings

ABOUT = (
    "Pusat Pelatihan Dinas Kebudayaan dan Pariwisata Kabupaten Banyuwangi menyelenggarakan kelas kreatif "
    "seni tari, kriya, dan pemasaran digital bagi masyarakat, pelaku UMKM, dan ASN. Seluruh layanan mengikuti "
    "Standar Operasional Prosedur (SOP) yang kami terbitkan, lengkap dengan waktu standar setiap langkah."
)


def ensure_child(parent, model, slug, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page:
        return page
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def load(stdout):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if site.hostname != "localhost" or site.port != 80:
        site.hostname, site.port = "localhost", 80
        site.save()

    office = OfficeSettings.for_site(site)
    if not office.head_name:
        office.government_name = "Pemerintah Kabupaten Banyuwangi"
        office.office_name = "Dinas Kebudayaan dan Pariwisata Kabupaten Banyuwangi"
        office.unit_name = "Pusat Pelatihan"
        office.office_code = "DISBUDPAR"
        office.address = "Jl. Ahmad Yani No. 78\nBanyuwangi, Jawa Timur 68416"
        office.city = "Banyuwangi"
        office.phone = "(0333) 424172"
        office.email = "pelatihan@banyuwangikab.example.go.id"
        office.website = "https://disbudpar.banyuwangikab.example.go.id"
        office.head_name = "M.Y. Bramuda, S.Sos., MBA., MM."
        office.head_title = "Kepala Dinas Kebudayaan dan Pariwisata"
        office.head_rank = "Pembina Utama Muda"
        office.head_nip = "197301261992011001"
        office.instagram_url = "https://instagram.com/disbudpar.banyuwangi"
        office.youtube_url = "https://youtube.com/@disbudparbanyuwangi"
        office.whatsapp_number = "0812-3456-7890"
        office.logo = wagtail_image("Logo Pusat Pelatihan", "PP", size=(256, 256))
        office.save()

    if isinstance(home, HomePage) and not home.hero_text:
        home.title = "Beranda"
        home.hero_title = "Belajar keterampilan baru bersama Pusat Pelatihan"
        home.hero_text = (
            "Kelas kreatif gratis untuk masyarakat Banyuwangi: seni tari, kriya, pemasaran digital, koperasi dan UMKM."
        )
        home.hero_image = wagtail_image("Gandrung Banyuwangi", "Kelas Kreatif Banyuwangi")
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

    ensure_child(
        home,
        StandardPage,
        "tentang-kami",
        title="Tentang Kami",
        show_in_menus=True,
        introduction=ABOUT,
        body=[
            ("heading", "Visi"),
            ("paragraph", "<p>Masyarakat Banyuwangi yang kreatif, berbudaya, dan berdaya saing.</p>"),
            ("heading", "Misi"),
            (
                "paragraph",
                "<ul><li>Menyelenggarakan pelatihan yang mudah diakses.</li>"
                "<li>Membina pelaku seni dan UMKM setelah pelatihan.</li>"
                "<li>Melayani dengan waktu standar yang terukur.</li></ul>",
            ),
        ],
    )
    ensure_child(
        home,
        StandardPage,
        "kontak",
        title="Kontak",
        show_in_menus=True,
        introduction="Hubungi kami pada hari kerja, Senin–Jumat pukul 07.30–15.30 WIB.",
        body=[
            (
                "paragraph",
                "<p>Jl. Ahmad Yani No. 78, Banyuwangi. Telepon (0333) 424172. "
                "Surel pelatihan@banyuwangikab.example.go.id.</p>",
            )
        ],
    )
    ensure_child(
        home,
        StandardPage,
        "kebijakan-privasi",
        title="Kebijakan Privasi",
        introduction="Bagaimana kami menjaga data pribadi Anda sesuai UU No. 27 Tahun 2022.",
        body=[
            (
                "paragraph",
                "<p>Kami hanya mengumpulkan data yang diperlukan untuk layanan pelatihan. "
                "NIK, nomor telepon, alamat, dan dokumen yang Anda unggah hanya dapat dilihat "
                "oleh Anda dan petugas yang berwenang, dan tidak pernah ditampilkan di halaman "
                "publik.</p>",
            )
        ],
    )
    stdout.write("  office identity, home page and standard pages")
