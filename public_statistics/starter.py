"""The public statistics page a new office starts from: its figures come from the office's own records."""

from portal.starter import ensure_child, home_page, office_settings
from public_statistics.models import StatisticsPage


def load(setup):
    office = office_settings()
    _, created = ensure_child(
        home_page(),
        StatisticsPage,
        "statistik",
        unique_type=True,
        title="Statistik Peserta",
        introduction=(
            "<p>Jumlah peserta pelatihan per tahun, kategori, wilayah, jenis kelamin, kelompok umur dan "
            f"disabilitas dari layanan {office.office_name}, untuk laporan kinerja pemerintah daerah.</p>"
        ),
        show_in_menus=True,
    )
    setup.report(f"statistics page ({'new' if created else 'kept'})")
