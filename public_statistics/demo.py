"""The statistics page under the home page (its figures come from the demo enrolments)."""

from home.demo import ensure_child
from home.models import HomePage
from public_statistics.models import StatisticsPage


def load(stdout):
    if StatisticsPage.objects.exists():
        return
    ensure_child(
        HomePage.objects.first(),
        StatisticsPage,
        "statistik",
        title="Statistik Peserta",
        introduction=(
            "<p>Jumlah peserta pelatihan per tahun, kategori, wilayah, jenis kelamin, kelompok umur dan "
            "disabilitas, untuk laporan kinerja Pemerintah Kabupaten Banyuwangi.</p>"
        ),
        show_in_menus=True,
    )
    stdout.write("  statistics page")
