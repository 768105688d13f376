"""The demo office adopts every SOP of the library as Banyuwangi's own.

``setup_portal`` has already adopted the SOPs of the portal's services with the office's
identity and no number; here the Dinas Kebudayaan dan Pariwisata Kabupaten Banyuwangi gives
each SOP its own number, dates and regional legal basis, and adopts the rest of the library
too, so the public SOP index reads as the office's own documents.
"""

import datetime

from sops import adoption, library

# The regency's own regulations on the office, listed after each SOP's general legal basis.
BANYUWANGI_LEGAL_BASIS = [
    "Peraturan Daerah Kabupaten Banyuwangi Nomor 8 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah",
    "Peraturan Bupati Banyuwangi Nomor 48 Tahun 2021 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta "
    "Tata Kerja Dinas Kebudayaan dan Pariwisata",
]

# key: (number, date made, date effective). SOP 000 is the office's own document of 2022.
NUMBERS = {
    "inovasi-kelas-kreatif": ("188/3468/KEP/429.110/2022", datetime.date(2022, 12, 26), datetime.date(2023, 1, 2)),
    "izin-penyelenggaraan-kursus-dan-pelatihan": ("188/412/KEP/429.110/2026", None, None),
    "penyelenggaraan-kegiatan-pengembangan-kompetensi-teknis": ("188/413/KEP/429.110/2026", None, None),
    "penyelenggaraan-pelatihan-blk": ("188/414/KEP/429.110/2026", None, None),
    "pelaksanaan-kegiatan-diklat": ("188/415/KEP/429.110/2026", None, None),
    "permintaan-narasumber": ("188/416/KEP/429.110/2026", None, None),
    "penyiapan-bahan-materi-diklat": ("188/417/KEP/429.110/2026", None, None),
    "penyiapan-sarana-dan-prasarana-diklat": ("188/418/KEP/429.110/2026", None, None),
    "bimbingan-dan-pendampingan-di-lapangan": ("188/419/KEP/429.110/2026", None, None),
    "layanan-konsultasi-dan-informasi-pasca-pelatihan": ("188/420/KEP/429.110/2026", None, None),
    "pendaftaran-narasumber": ("188/421/KEP/429.110/2026", None, None),
}
ADOPTED_ON = datetime.date(2026, 1, 12)
EFFECTIVE_ON = datetime.date(2026, 2, 2)


def banyuwangi(entry):
    number, made, effective = NUMBERS[entry.key]
    return adoption.office_adoption(
        sop_number=number,
        date_made=made or ADOPTED_ON,
        date_effective=effective or EFFECTIVE_ON,
        extra_legal_basis=list(BANYUWANGI_LEGAL_BASIS),
    )


def load(stdout=None):
    index = adoption.ensure_index()
    results = []
    for entry in library.entries():
        page = adoption.adopted_page(entry.key)
        # A page the setup adopted without a number still has the library's content: give it the
        # office's legal basis too. A page with a number is the office's; its content stays as edited.
        replace = page is not None and not page.sop_number
        results.append(adoption.adopt(entry, banyuwangi(entry), index=index, replace_content=replace))
    if stdout is not None:
        created = sum(result.created for result in results)
        changed = sum(result.changed for result in results)
        stdout.write(f"  {len(results)} SOPs adopted as Banyuwangi's at /sop/ ({created} new, {changed} updated)")
    return index, [result.page for result in results]
