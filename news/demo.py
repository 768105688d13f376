"""Demo news from a Banyuwangi training unit: activities, alumni achievements and one pinned announcement."""

import datetime

from django.utils import timezone

from courses.models import CoursePage
from home.demo import ensure_child
from news.models import NewsCategory, NewsIndexPage, NewsPage, NewsRelatedClass
from portal.images import wagtail_image

CATEGORIES = [
    ("Kegiatan", "kegiatan"),
    ("Prestasi Alumni", "prestasi-alumni"),
    ("Informasi Layanan", "informasi-layanan"),
]

# slug, title, kind, category, days ago, pinned days, related class slugs, summary, paragraph
ITEMS = [
    (
        "pendaftaran-kelas-kreatif-angkatan-ii-dibuka",
        "Pendaftaran Kelas Kreatif Angkatan II Dibuka",
        "announcement",
        "informasi-layanan",
        1,
        21,
        ["tari-gandrung-untuk-pemula", "batik-gajah-oling"],
        "Kelas tari, kriya dan pemasaran digital angkatan II dibuka untuk umum dan gratis. Kuota terbatas.",
        "Pendaftaran dilakukan secara daring melalui halaman kelas. Peserta membawa KTP saat registrasi "
        "ulang di Aula Pusat Pelatihan. Informasi lebih lanjut hubungi petugas administrasi pada jam kerja.",
    ),
    (
        "gandrung-sewu-alumni-kelas-tari",
        "Alumni Kelas Tari Tampil di Festival Gandrung Sewu",
        "news",
        "prestasi-alumni",
        6,
        0,
        ["tari-jejer-gandrung-lanjutan"],
        "Dua puluh alumni kelas Jejer Gandrung ikut menari di Pantai Boom pada Festival Gandrung Sewu.",
        "Para alumni berlatih selama dua bulan bersama sanggar di desa masing-masing. Kepala Dinas "
        "menyampaikan terima kasih kepada pelatih dan orang tua yang mendukung.",
    ),
    (
        "pelatihan-foto-produk-umkm-kecamatan-glagah",
        "Pelaku UMKM Glagah Belajar Foto Produk dengan Ponsel",
        "news",
        "kegiatan",
        12,
        0,
        [],
        "Tiga puluh pelaku UMKM dari Kecamatan Glagah mengikuti kelas foto produk di Desa Wisata Kemiren.",
        "Peserta belajar memanfaatkan cahaya jendela, memilih latar polos, dan menyunting foto langsung di "
        "ponsel. Hasil foto langsung diunggah ke katalog marketplace masing-masing.",
    ),
    (
        "jadwal-layanan-libur-akhir-tahun",
        "Jadwal Layanan Selama Libur Akhir Tahun",
        "announcement",
        "informasi-layanan",
        20,
        0,
        [],
        "Layanan tatap muka tutup pada hari libur nasional dan cuti bersama; layanan daring tetap berjalan.",
        "Permohonan yang masuk pada hari libur diproses pada hari kerja berikutnya. Status permohonan tetap "
        "dapat dipantau melalui halaman Cek Status.",
    ),
]


def load(stdout):
    index = NewsIndexPage.objects.first()
    if index is None:
        from home.models import HomePage

        root = HomePage.objects.first()
        index = ensure_child(
            root,
            NewsIndexPage,
            "berita",
            title="Berita dan Pengumuman",
            introduction="Kabar kegiatan, prestasi alumni, dan pengumuman layanan Pusat Pelatihan.",
            show_in_menus=True,
        )
    categories = {
        slug: NewsCategory.objects.get_or_create(slug=slug, defaults={"name": name})[0] for name, slug in CATEGORIES
    }
    today = timezone.localdate()
    created = 0
    for slug, title, kind, category, days_ago, pinned_days, classes, summary, paragraph in ITEMS:
        if NewsPage.objects.filter(slug=slug).exists():
            continue
        page = NewsPage(
            slug=slug,
            title=title,
            kind=kind,
            category=categories[category],
            date=today - datetime.timedelta(days=days_ago),
            summary=summary,
            body=[("paragraph", f"<p>{paragraph}</p>")],
            image=wagtail_image(title, title),
            pinned=bool(pinned_days),
            pinned_until=timezone.now() + datetime.timedelta(days=pinned_days) if pinned_days else None,
        )
        for course in CoursePage.objects.filter(slug__in=classes):
            page.related_classes.add(NewsRelatedClass(course=course))
        index.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    stdout.write(f"  {created} news items")
