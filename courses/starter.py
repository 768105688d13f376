"""Starter pages of the catalogue: the class catalogue (``/kelas/``) and the materials library
(``/bahan-ajar/``), empty and published, so editors add classes and materials at once."""

from courses.models import CourseIndexPage, MaterialIndexPage
from portal.starter import ensure_child, home_page


def load(setup):
    home = home_page()
    catalogue, new_catalogue = ensure_child(
        home,
        CourseIndexPage,
        "kelas",
        unique_type=True,
        title="Kelas Pelatihan",
        show_in_menus=True,
        introduction="Kelas dan pelatihan untuk masyarakat, pelaku usaha, dan aparatur: pilih kelas, daftar daring.",
    )
    materials, new_materials = ensure_child(
        home,
        MaterialIndexPage,
        "bahan-ajar",
        unique_type=True,
        title="Pustaka Bahan Ajar",
        introduction="Modul dan bahan ajar yang telah ditelaah Ketua Tim Kerja dan disetujui Kepala Bidang.",
    )
    setup.report(
        f"catalogue {catalogue.url} and materials library {materials.url} ({new_catalogue + new_materials} new)"
    )
