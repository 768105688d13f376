"""The news index a new office starts from, with its usual categories (no news items)."""

from news.models import NewsCategory, NewsIndexPage
from portal.starter import ensure_child, home_page, office_settings

CATEGORIES = [
    ("Kegiatan", "kegiatan"),
    ("Prestasi Alumni", "prestasi-alumni"),
    ("Informasi Layanan", "informasi-layanan"),
]


def load(setup):
    office = office_settings()
    _, created = ensure_child(
        home_page(),
        NewsIndexPage,
        "berita",
        unique_type=True,
        title="Berita dan Pengumuman",
        introduction=f"Kabar kegiatan, prestasi alumni, dan pengumuman layanan {office.office_name}.",
        show_in_menus=True,
    )
    for name, slug in CATEGORIES:
        NewsCategory.objects.get_or_create(slug=slug, defaults={"name": name})
    setup.report(f"news index ({'new' if created else 'kept'})")
