"""Every SOP in ``shared/sop/`` transcribed as a published page (11 SOPs).

The source texts are OCR of scanned tables: the swimlane markers (which actor column a step
is ticked in) did not survive, so each step's actor is reconstructed from the column
headers, the wording of the activity ("Ketua Tim Kerja memerintahkan …") and the tables in
DOMAIN.md. Where the source itself is cut off, the text says "(teks sumber terpotong)"
instead of guessing the rest. Printed spellings are kept.
"""

import datetime
import re
from decimal import Decimal

from wagtail.models import Site

from sops.models import SOPIndexPage, SOPPage, SOPStep

CUT = "(teks sumber terpotong)"
UNITS = {"menit": "minutes", "jam": "hours", "hari": "days", "minggu": "weeks"}


def when(text):
    """The standard time of a printed "10 Menit" / "2 Jam" / "4 Hari" / "1 minggu"."""
    match = re.fullmatch(r"\s*(\d+)\s*(menit|jam|hari|minggu)\s*", text, re.IGNORECASE)
    if not match:
        raise ValueError(f"Not a simple time: {text!r}")
    value, unit = Decimal(match.group(1)), UNITS[match.group(2).lower()]
    if unit == "weeks":
        # A government working week is five working days.
        return {"time_value": value * 5, "time_unit": "working_days", "time_text": text}
    return {"time_value": value, "time_unit": unit, "time_text": text}


def step(activity, actor, requirements, time, output, note="", label=None, quality="", **time_fields):
    data = {
        "activity": activity,
        "actor": actor,
        "requirements": requirements,
        "output": output,
        "note": note,
        "quality_standard": quality,
        "label": label,
    }
    data.update(when(time) if time else time_fields)
    return data


def d(year, month, day=1):
    return datetime.date(year, month, day)


KALBAR_DISKOP = "Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat – Bidang Pemberdayaan Usaha Kecil"
KTK, ATK_, PL2, PL1 = (
    "Ketua Tim Kerja",
    "Anggota Tim Kerja",
    "Pejabat Level 2 (Pimpinan Unit)",
    "Pejabat Level 1 (Pejabat Penilai Kinerja)",
)
PERGUB_125 = (
    "Peraturan Gubernur Nomor 125 Tahun 2021 tentang tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi "
    "Serta Tata Kerja Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat"
)
PERGUB_206 = (
    "Peraturan Gubernur Nomor 206 Tahun 2021 tentang Kedudukan, Susunan Organisasi Tugas dan Fungsi serta Tata "
    "Kerja Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat"
)
PERMENDAGRI_1 = "Peraturan Menteri Dalam Negeri Nomor 01 Tahun 2023 Tentang Tata Naskah Dinas"
PERGUB_106 = "Pergub Kalbar Nomor 106 tahun 2021 tentang Tata Naskah dinas di lingkungan Pemerintah"
NARSUM_LAWS = [
    "Undang-undang Nomor 25 Tahun 1992 tentang Perkoperasian",
    "Undang-undang Nomor 23 Tahun 2014 tentang Pemerintah Daerah",
    "Undang-undang Nomor 11 Tahun 2020 tentang Cipta Kerja",
    "Peraturan Pemerintah Nomor 25 Tahun 2020 tentang Kewenangan Pemerintah dan Kewenangan Provinsi sebagai "
    "Daerah Otonom",
]
NARSUM_EQUIPMENT = [
    "DPA SKPD",
    "Komputer/ Laptop, Printer, ATK",
    "Jaringan Internet",
    "Peraturan terkait Diklat/ Pelatihan (Hardcopy/Softcopy)",
]
NARSUM_WARNING = f"Apabila SOP Pendaftaran Online Narasumber tidak dilaksanakan maka kinerja Dinas … {CUT}"
DISPOSISI = "Disposisi"

SOPS = [
    # --- 000: Disbudpar Banyuwangi
    {
        "title": "SOP Inovasi Kelas Kreatif",
        "slug": "inovasi-kelas-kreatif",
        "issuer": "Pemerintah Kabupaten Banyuwangi – Dinas Kebudayaan dan Pariwisata Kabupaten Banyuwangi",
        "sop_number": "188/3468/KEP/429.110/2022",
        "date_made": d(2022, 12, 26),
        "approver_title": "Kepala Dinas Kebudayaan dan Pariwisata Kabupaten Banyuwangi",
        "approver_name": "M.Y. BRAMUDA, S. Sos, MBA, MM",
        "approver_rank": "Pembina Utama Muda",
        "approver_nip": "19730126 199201 1 001",
        "legal_basis": [],
        "qualifications": ["Memahami prosedur Sistem Pelaksanaan Program Kelas Kreatif"],
        "related": [
            "Prosedur ini dibuat sebagai pedoman aparatur dalam melaksanakan tugas sesuai dengan tugas, pokok dan "
            "fungsi."
        ],
        "equipment": ["Gadget (Handphone android)", "Jaringan Internet"],
        "warning": "Apabila persyaratan tidak lengkap, maka pelayanan rekomendasi pencetakan Kartu induk tidak dapat "
        "diproses",
        "records": "Disimpan sebagai data elektronik dan manual",
        "procedure_code": "enrolment",
        "steps": [
            step(
                "Pendaftaran peserta melalui link pendaftaran online atau secara langsung di pusat pelatihan.",
                "Peserta",
                "Media elektronik (CPU/Laptop/HP) atau formulir cetak",
                None,
                "Peserta terdaftar dalam sistem",
                quality="Pendaftaran dilakukan dengan data lengkap",
                time_value=Decimal(5),
                time_value_max=Decimal(10),
                time_unit="minutes",
                time_text="5-10 menit",
            ),
            step(
                "Verifikasi data peserta yang mendaftar, termasuk keahlian yang dimiliki dan kebutuhan pelatihan.",
                "Petugas Administrasi",
                "Media elektronik (CPU/Laptop/HP)",
                None,
                "Data peserta lengkap dan valid",
                quality="Data peserta tervalidasi",
                time_value=Decimal(15),
                time_value_max=Decimal(20),
                time_unit="minutes",
                time_text="15-20 menit",
            ),
            step(
                "Pelaksanaan Kelas Kreatif sesuai jadwal yang telah ditentukan (misalnya seni tari, kriya, atau "
                "pemasaran digital).",
                "Instruktur; Peserta",
                "Media pelatihan (alat sesuai bidang pelatihan)",
                None,
                "Peserta mengikuti pelatihan sesuai jadwal",
                quality="Materi tersampaikan dengan baik",
                time_value=Decimal(2),
                time_value_max=Decimal(4),
                time_unit="hours",
                per_unit="per sesi",
                time_text="Variatif (2-4 jam/sesi)",
            ),
            step(
                "Evaluasi hasil pelatihan melalui penilaian atau presentasi karya.",
                "Instruktur",
                "Media evaluasi (kuesioner, template penilaian)",
                None,
                "Penilaian hasil pelatihan selesai",
                quality="Evaluasi dilakukan dengan transparan",
                time_value=Decimal(30),
                time_value_max=Decimal(60),
                time_unit="minutes",
                time_text="30 menit - 1 jam",
            ),
            step(
                "Pemberian sertifikat kepada peserta yang menyelesaikan pelatihan.",
                "Petugas Administrasi",
                "Media elektronik untuk cetak sertifikat",
                None,
                "Peserta menerima sertifikat",
                quality="Sertifikat diterbitkan tepat waktu",
                time_value=Decimal(2),
                time_unit="minutes",
                per_unit="per peserta",
                time_text="2 menit/peserta",
            ),
        ],
    },
    # --- 001: DPMPTSP Banjarbaru (the source holds the table only, without the document header)
    {
        "title": "Penerbitan Izin Penyelenggaraan Kursus dan Pelatihan",
        "slug": "izin-penyelenggaraan-kursus-dan-pelatihan",
        "issuer": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Banjarbaru",
        "stated_total": "4 Hari 1 Jam 13 Menit (5 Hari)",
        "procedure_code": "course_licence",
        "steps": [
            step(
                "Mengajukan Permohonan Pendaftaran secara online pada intanbjb.banjarbarukota.go.id",
                "Pemohon",
                "Persyaratan Izin Penyelenggaraan Kursus dan Pelatihan",
                "30 Menit",
                "data elektronik",
            ),
            step(
                "Memverifikasi berkas permohonan",
                "Front Office",
                "Data Elektronik",
                "10 Menit",
                "Berkas yang sdh diperiksa",
                note="Otomatis terouting ke Back Office apabila diterima dan terouting ke pemohon apabila ditolak",
            ),
            step(
                "Menerima Berkas Permohonan secara elektronik",
                "Back Office",
                "Berkas yang sdh diperiksa",
                "10 Menit",
                "Berkas dikirim secara elektronik",
                note="Berkas dirouting ke Dinas Teknis",
            ),
            step(
                "Menerima permohonan secara elektronik, memproses permohonan, Membuat BAP Lapangan, Membuat "
                "Rekomendasi",
                "Dinas Teknis",
                "Berkas dikirim secara elektronik",
                "4 Hari",
                "BAPL, Rekomendasi secara elektronik",
            ),
            step(
                "Menerima Berkas Permohonan secara elektronik, Rekomendasi, memproses",
                "Back Office",
                "BAPL, Rekomendasi secara elektronik",
                "10 menit",
                "Draft SK",
                note="Berkas dirouting ke Kabid",
            ),
            step(
                "Memberikan persetujuan",
                "Kabid Perizinan",
                "Draft SK yang telah disetujui Kabid",
                "5 Menit",
                "Draft SK yang telah disetujui untuk selanjutnya di routing ke Sekretaris",
                note="Berkas dirouting ke Sekretaris",
            ),
            step(
                "Memberikan persetujuan",
                "Sekretaris",
                "Draft SK yang telah disetujui sekretaris",
                "5 Menit",
                "Draft SK yang telah disetujui untuk selanjutnya di routing ke Kepala Dinas",
                note="Berkas dirouting ke Kepala Dinas",
            ),
            step(
                "Tanda Tangan Surat Izin (SK)",
                "Kepala Dinas",
                "Draft SK yang disetujui oleh Kepala Dinas",
                "5 Menit",
                "Surat Keputusan",
            ),
            step("Menerima Surat Izin / SK", "Pemohon", "Surat Keputusan", "3 Menit", "Surat Keputusan"),
        ],
    },
    # --- 002: BPSDM Kalimantan Barat
    {
        "title": "Penyelenggaraan Kegiatan Pengembangan Kompetensi Teknis",
        "slug": "penyelenggaraan-kegiatan-pengembangan-kompetensi-teknis",
        "issuer": "Pemerintah Provinsi Kalimantan Barat – Badan Pengembangan Sumber Daya Manusia – Bidang "
        "Pengembangan Kompetensi Teknis",
        "sop_number": "000.8.3.2/ 2039 /BPSDM",
        "date_made": d(2023, 10, 9),
        "date_revised": d(2023, 11, 6),
        "date_effective": d(2023, 12, 4),
        "approver_title": f"Kepala Badan Pengembangan Sumber Daya Manusia, {CUT}",
        "legal_basis": [
            "Peraturan Daerah Nomor 5 Tahun 2021;",
            "Peraturan Gubernur Nomor 137 Tahun 2021;",
            "Peraturan Gubernur Nomor 128 Tahun 2019;",
        ],
        "qualifications": [
            "Pendidikan minimal D3",
            "Memahami prosedur penyelenggaraan pelatihan",
            "Memahami agenda kegiatan",
        ],
        "related": [
            "SOP Penyampaian Informasi Penyelenggaraan Kegiatan Pengembangan Kompetensi Teknis",
            "SOP pendaftaran keikutsertaan pada pengembangan kompetensi teknis melalui SIPAKET",
            "SOP Pemanggilan peserta kegiatan pengembangan kompetensi teknis",
            "SOP penyusunan monitoring dan evaluasi penyelenggaraan kegiatan pengembangan kompetensi teknis",
            "SOP penyusunan laporan dan tindak lanjut penyelenggaraan kegiatan pengembangan kompetensi teknis",
        ],
        "equipment": ["Komputer/Laptop", "Alat Tulis Kantor (ATK)", "Agenda pelaksanaan kegiatan"],
        "warning": "Jika SOP tidak dilaksanakan, maka pelaksanaan kegiatan pengembangan kompetensi teknis terkendala",
        "records": "Jadwal Pengembangan Kompetensi",
        "stated_total": "1215 menit",
        "steps": [
            step("Peserta melakukan registrasi", "Peserta Pelatihan", "Agenda", "5 menit", "Absen, toolkit,"),
            step(
                "Meminta Surat Tugas, surat pernyataan sanggup mengikuti kegiatan, dan bio data, jadwal kegiatan "
                "serta menyerahkan toolkit kepada peserta dan memberikan arahan kegiatan selanjutnya",
                "Panitia bangkom",
                "Absen, toolkit,",
                "1 jam",
                "ST, Biodata, surat pernyataan dll",
            ),
            step(
                "Peserta Pelatihan menempati ruangan yang sudah disediakan panitia",
                "Peserta Pelatihan",
                "Persiapan mengikuti pelatihan",
                "15 menit",
                "Ruangan",
            ),
            step(
                "Pendamping terlebih dahulu mengarahkan peserta Pelatihan untuk menandatangani daftar hadir, "
                "memperkenalkan narasumber",
                "Pendamping",
                "Absen, Biodata Narsum",
                "5 menit",
                "Data Kehadiran peserta, Penyampaian Biodata Narsum",
            ),
            step(
                "Pre Test",
                "Peserta Pelatihan",
                "Soal Pre Test",
                "45 menit",
                "Soal dan lembar jawaban Pre Test",
                note="Jika ada",
            ),
            step(
                "Narasumber menyampaikan paparan materi kepada peserta Pelatihan",
                "Nara Sumber",
                "Bahan ajar (materi Diklat)",
                "135 menit",
                "Penyampaian bahan ajar (materi)",
            ),
            step(
                "Peserta Pelatihan menyimak, mencatat, memperhatikan dengan baik, bertanya, dan menanggapi jawaban "
                "sesama peserta",
                "Peserta Pelatihan",
                "ATK, modul dll",
                "135 menit",
                "Materi dapat dipahami",
            ),
            step("Break pertama", "Peserta Pelatihan", "Break", "15 menit", "Break"),
            step(
                "Narasumber kembali menyampaikan paparan, dialog, diskusi dua arah",
                "Nara Sumber",
                "Bahan ajar (materi Diklat), tanya jawab",
                "135 menit",
                "Penyampaian bahan ajar (materi), solusi dan pemecahan",
            ),
            step(
                "Pendamping memantau jalannya pelaksanaan Pelatihan, mencatat keadaan yang sedang berlangsung, dan "
                "membantu narasumber untuk keperluan dikjartih di dalam kelas",
                "Pendamping",
                "ATK, pengeras suara dll",
                "135 menit",
                "Terpenuhi kebutuhan didalam kelas diklat",
            ),
            step("Ishoma", "Peserta Pelatihan", "Break", "60 menit", "Break"),
            step(
                "Peserta Pelatihan menandatangani daftar hadir sesi selanjutnya",
                "Peserta Pelatihan",
                "Absen (daftar hadir) peserta",
                "15 menit",
                "Data kehadiran peserta",
            ),
            step(
                "Narsum kembali menyampaikan materi, dialog dua arah, diskusi dan tugas kelompok",
                "Nara Sumber",
                "Materi, soal",
                "135 menit",
                "Tanya jawab, hasil diskusi kelompok",
            ),
            step(
                "Peserta Pelatihan menyimak, mencatat, memperhatikan dengan baik, bertanya, dan menanggapi jawaban "
                "sesama peserta, mengerjakan tugas dan diskusi kelompok",
                "Peserta Pelatihan",
                "ATK, modul, soal tugas kelompok",
                "135 menit",
                "Materi dapat dipahami, tugas kelompok dapat diselesaikan",
            ),
            step("Break kedua", "Peserta Pelatihan", "Break", "15 menit", "Break"),
            step(
                "Post Test",
                "Peserta Pelatihan",
                "Soal Post Test",
                "45 menit",
                "Soal dan lembar jawaban Post Test",
                note="Jika ada",
            ),
            step(
                "Presentasi tugas kelompok, diselingi tanggapan peserta kelompok diskusi",
                "Peserta Pelatihan",
                "Paparan hasil diskusi tugas kelompok",
                "90 menit",
                "Jawaban atas tugas diskusi kelompok",
            ),
            step(
                "Tanggapan Narsum terhadap hasil diskusi kelompok, kesimpulan",
                "Nara Sumber",
                "Catatan hasil diskusi kelompok",
                "30 menit",
                "Kesimpulan akhir",
            ),
            step(
                "Mengarahkan peserta sesuai jadwal, mengarsipkan absen harian setiap sesi pembelajaran",
                "Panitia bangkom",
                "Arahan jadwal mendatang",
                "5 menit",
                "Arsip absensi",
            ),
        ],
    },
    # --- 003: BLK Pagar Alam
    {
        "title": "Penyelenggaraan Pelatihan",
        "slug": "penyelenggaraan-pelatihan-blk",
        "issuer": "Dinas Penanaman Modal, Pelayanan Terpadu Satu Pintu dan Tenaga Kerja Kota Pagar Alam – Bidang "
        "Balai Latihan Kerja",
        "sop_number": "503/47/SOP.BLK/DISPMPTSPTK/2024",
        "date_made": d(2024, 1, 23),
        "date_effective": d(2024, 1, 23),
        "approver_title": "Dinas Penanaman Modal, Pelayanan Terpadu Satu Pintu dan Tenaga Kerja Kota Pagar Alam",
        "approver_name": CUT,
        "approver_rank": "Pembina Utama Muda / IV.c",
        "approver_nip": "196910161995031001",
        "legal_basis": [
            "Undang-undang Nomor13 Tahun 2003 tentang Ketenagakerjaan",
            "Permenaker Nomor 17 / MEN / VII /007 / 2003 tentang ijin Pendirian Pelatihan Kerja",
            "Kepnakertrans Nomor 229 / MEN / 2003 tentang Tata cara Perizinan dan Pendaftaran Lembaga Pelatihan Kerja",
        ],
        "qualifications": [
            "Memahami konsep dasar pelayanan",
            "Memahami konsep SOP pelayanan",
            "Memahami dengan baik ketentuan yang berlaku dalam pelaksanaan kegiatan",
        ],
        "related": ["Penyelenggaraan Pelatihan"],
        "equipment": ["Alat Tulis Kantor", "Komputer dan kelengkapannya", "Kendaraan Dinas"],
        "warning": "Jika prosedur dan persyaratan tidak dipenuhi maka permohonan tidak dapat dikabulkan dan berkas "
        "dikembalikan.\nBagi Lembaga Pelatihan Kerja yang tidak memeperoleh ijin dari Dinas terkait, maka "
        "pelatihannya tidak diakui.",
        "records": "1. Buku Register Klaim BPJS Ketenagakerjaan program JHT\n"
        "2. Arsip Pekerja yang Klaim BPJS Ketenagakerjaan",
        "steps": [
            step("Membuat rencana kerja.", "Staf JFU", "Jadwal kegiatan, DPA", "1 hari", "Rencana kerja kegiatan"),
            step(
                "Memeriksa dan menyetujui rencana kerja kegiatan.",
                "Kepala Bidang",
                "Rencana kerja kegiatan",
                "30 menit",
                "Rencana kerja kegiatan disetujui",
            ),
            step(
                "Menginstruksikan untuk membuat surat undangan kegiatan, surat pengantar dan Keputusan Panitia",
                "Kepala Bidang",
                "Reancana kerja kegiatan",
                "5 menit",
                "Instruksi Kepala BKOM",
            ),
            step(
                "Membuat konsep undangan. Konsep surat pengantar dan konsep Panitia.",
                "Staf JFU",
                "Rencana kerja kegiatan, Instruksi Kepala BKOM",
                "2 jam",
                "Konsep undangan, konsep surat pengantar dan konsep Keputusan Panitia",
            ),
            step(
                "Memeriksa, memaraf konsep undangan dan Keputusan Panitia dan menandatangani konsep surat pengantar "
                "undangan.",
                "Kepala Bidang",
                "Konsep undangan, konsep surat pengantar dan konsep Keputusan Panitia",
                "5 menit",
                "Konsep undangan dan Keputusan panitia diparaf dan surat pengantar ditandatangani",
            ),
            step(
                "Mendistribusikan surat undangan sesuai tujuan Kabupaten/Kota.",
                "Staf JFU",
                "Surat undangan",
                "1 hari",
                "Tanda terima, bukti kirim surat",
            ),
            step(
                "Menerima surat jawaban dari Kabupaten/Kota berisi nama-nama calon peserta kegiatan pelatihan.",
                "Staf JFU",
                "Surat pengantar, konsep surat undangan kegiatan dan konsep Keputusan Panitia",
                "1 minggu",
                "Nama calon peserta kegiatan pelatihan",
                note="1 minggu dihitung 5 hari kerja.",
            ),
            step(
                "Melaksanakan Rapat internal persiapan kegiatan pelatihan.",
                "Panitia",
                "Surat pengantar, konsep surat undangan kegiatan dan konsep Keputusan Panitia",
                "2 jam",
                "Hasil rapat internal persiapan kegiatan pelatihan",
            ),
            step(
                "Melaksanakan kegiatan pelatihan.",
                "Panitia",
                "Surat pengantar undangan dan Keputusan Panitia.",
                "3 hari",
                "Hasil kegiatan pelatihan",
            ),
            step(
                "Membuat laporan pelaksanaan pelatihan.",
                "Panitia",
                "Hasil kegiatan pelatihan",
                "1 hari",
                "Laporan pelaksanaan pelatihan",
            ),
            step(
                "Menerima laporan pelaksanaan pelatihan",
                "Kepala Dinas",
                "Laporan pelaksaan pelatihan",
                "5 menit",
                "Laporan pelaksanaan pelatihan diterima",
            ),
        ],
    },
    # --- 004 (1/7): Pelaksanaan Kegiatan Diklat; the document prints the numbers 1..7, 9, 8, 9
    {
        "title": "Pelaksanaan Kegiatan Diklat",
        "slug": "pelaksanaan-kegiatan-diklat",
        "issuer": KALBAR_DISKOP,
        "sop_number": "061/ 1625 /DISKOPUKM",
        "date_made": d(2023, 8, 31),
        "date_effective": d(2023, 8, 1),
        "date_effective_month_only": True,
        "approver_name": f"… AIDI, MM {CUT}",
        "approver_nip": "… 198803 1 012",
        "legal_basis": [PERMENDAGRI_1, PERGUB_106 + ";", PERGUB_125, PERGUB_206],
        "qualifications": [
            "Pendidikan minimal D-III",
            "Memahami Peraturan dan Kebijakan",
            "Bisa Mengoperasikan Komputer",
        ],
        "related": [
            "SOP Penyelenggaraan Surat Keluar",
            "SOP Penyiapan Bahan/Materi Diklat",
            "SOP Penyiapan Sarana dan Prasarana Diklat",
            "SOP Penyiapan Tenaga Pelatih/Instruktur/Fasilitator",
            "SOP Koordinasi dan Kerjasama",
            "SOP Pembuatan Surat Keputusan (SK) Kegiatan",
        ],
        "equipment": ["Komputer/Laptop", "Printer", "Buku agenda kerja", "Alat Tulis Kantor"],
        "warning": "Harus ada kerjasama tim inti dalam pelaksanaan kegiatan diklat",
        "records": "Tujuan, waktu, tempat dan tim inti pelaksanaan kegiatan diklat",
        "steps": [
            step(
                "Memerintahkan Anggota Tim Kerja untuk menyiapkan bahan/materi sosialisasi/asistensi/bimtek kebijakan "
                "bidang ketatalaksanaan;",
                KTK,
                "Agenda kerja",
                "10 Menit",
                DISPOSISI,
            ),
            step(
                "Mengkoordinasikan kepada anggota Tim Kerja untuk menindaklanjuti arahan dan petunjuk dari Ketua Tim "
                "Kerja untuk melaksanakan kegiatan Diklat;",
                ATK_,
                DISPOSISI,
                "10 Menit",
                DISPOSISI,
            ),
            step(
                "Memerintahkan kepada Ketua Tim Kerja untuk persiapan terkait kebutuhan untuk pelaksanaan kegiatan "
                "Diklat;",
                PL2,
                DISPOSISI,
                "15 Menit",
                DISPOSISI,
            ),
            step(
                "Pejabat Level 2 mempersiapkan terkait kebutuhan untuk melaksanakan kegiatan Diklat dan dilaporkan "
                "kepada Pejabat Level 1;",
                PL2,
                DISPOSISI,
                "1 Hari",
                "Kebutuhan pelaksanaan kegiatan Diklat, disposisi",
            ),
            step(
                "Pejabat Level 2 mengonsep kebutuhan untuk pelaksanaan kegiatan Diklat dan diteruskan kepada anggota "
                "Tim Kerja untuk ditindaklanjuti;",
                PL2,
                "Kebutuhan pelaksanaan kegiatan Diklat, disposisi",
                "2 Jam",
                "Konsep kebutuhan pelaksanaan kegiatan Diklat, disposisi",
            ),
            step(
                "Anggota Tim Kerja Mengoreksi/meneliti draft kebutuhan untuk pelaksanaan Diklat, kalau setuju "
                "meneruskannya kepada Ketua Tim Kerja untuk ditindaklanjuti, kalau tidak setuju dikembalikan kepada "
                "Anggota Tim Kerja untuk diperbaiki;",
                ATK_,
                "Konsep kebutuhan pelaksanaan kegiatan Diklat, disposisi",
                "15 Menit",
                "Draft kebutuhan pelaksanaan kegiatan Diklat, disposisi",
            ),
            step(
                "Ketua Tim Kerja mengoreksi/meneliti kebutuhan untuk pelaksanaan Diklat, kalau setuju meneruskannya "
                "kepada Pejabat Level 1, kalau tidak setuju dikembalikan kepada Anggota Tim Kerja untuk diperbaiki;",
                KTK,
                "Draft pelaksanaan kegiatan Diklat, disposisi",
                "15 Menit",
                "Draft kebutuhan pelaksanaan kegiatan Diklat, disposisi",
            ),
            step(
                "Mengkoordinasikan dengan Pejabat Level 2 terkait draft kebutuhan untuk pelaksanaan Diklat untuk "
                "ditindaklanjuti;",
                PL1,
                "Draft kebutuhan pelaksanaan kegiatan Diklat, disposisi",
                "10 Menit",
                "Draft kebutuhan pelaksanaan kegiatan Diklat, disposisi",
                label="9",
            ),
            step(
                "Ketua Tim Kerja memerintahkan kepada Anggota Tim Kerja untuk mendokumentasikan kebutuhan untuk "
                "pelaksanaan Diklat dan mendistribusikan kepada yang terkait;",
                KTK,
                "Kebutuhan pelaksanaan kegiatan Diklat, disposisi",
                "10 Menit",
                "Kebutuhan pelaksanaan kegiatan Diklat, disposisi",
                label="8",
            ),
            step(
                "Mendokumentasikan kebutuhan untuk pelaksanaan Diklat dan mendistribusikan kepada yang terkait.",
                ATK_,
                "Kebutuhan pelaksanaan kegiatan Diklat, disposisi",
                "10 Menit",
                "Kebutuhan pelaksanaan kegiatan Diklat",
                label="9",
            ),
        ],
    },
    # --- 004 (2/7): Permintaan Narasumber
    {
        "title": "Permintaan Narasumber",
        "slug": "permintaan-narasumber",
        "issuer": KALBAR_DISKOP,
        "sop_number": "061/ /DISKOPUKM",
        "date_made": d(2023, 8, 1),
        "date_made_month_only": True,
        "date_effective": d(2023, 8, 1),
        "date_effective_month_only": True,
        "legal_basis": NARSUM_LAWS
        + [
            "Pemerintah Daerah Nomor 5 Tahun 2021 tentang Pembentukan dan Susunan Perangkat Daerah Provinsi "
            "Kalimantan Barat",
            PERGUB_125,
            PERGUB_206,
        ],
        "qualifications": [
            "Pendidikan disesuaikan Kompetensi Kebutuhan Materi sesuai Permintaan Kebutuhan Narasumber Pihak Pemohon",
            "Memiliki Kemampuan Teknis Mengoperasikan IT dalam Presentasi",
        ],
        "related": [],
        "equipment": NARSUM_EQUIPMENT,
        "warning": NARSUM_WARNING,
        "records": "Terpenuhinya kebutuhan pihak terkait tentang Koperasi UMKM melalui pelayanan pemenuhan permintaan "
        "narasumber kompeten oleh DiskopUKM Prov. Kalbar",
        "procedure_code": "trainer_request",
        "steps": [
            step("Menerima surat masuk dari pemohon narasumber", "Petugas Teknis", "Dokumen", "5 Menit", "Diterima"),
            step(
                "Petugas Teknis mencatat dan mengarsipkan surat dan meneruskan ke eselon / Fungsional khusus",
                "Petugas Teknis",
                "Proses",
                "5 Menit",
                "Diteruskan",
            ),
            step(
                "Eselon/ Fungsional khusus melakukan disposisi ke Kadis dengan Telaahan kebutuhan materi atas "
                "keterangan surat permintaan narasumber dari pihak pemohon",
                "Eselon/Fungsional Khusus",
                "Proses",
                "10 Menit",
                "Disiapkan",
            ),
            step(
                "Kadis memberikan persetujuan/ tidak persetujuan terhadap pemenuhan permintaan narasumber dan apabila "
                "disetujui menunjukkan disposisi personil yang sesuai dengan permintaan narasumber yang dibutuhkan "
                "pihak pemohon",
                "Pejabat Level 1",
                "Disetujui",
                "10 Menit",
                "Disiapkan",
            ),
            step(
                "Eselon/ fungsional khusus melakukan disposisi ke Petugas Teknis untuk memberikan surat konfirmasi "
                "terkait permintaan narasumber kepada pihak pemohon",
                "Eselon/Fungsional Khusus",
                "Disetujui",
                "10 Menit",
                "Diteruskan",
            ),
        ],
    },
    # --- 004 (3/7): Penyiapan Bahan/Materi Diklat
    {
        "title": "Penyiapan Bahan/Materi Diklat",
        "slug": "penyiapan-bahan-materi-diklat",
        "issuer": KALBAR_DISKOP,
        "sop_number": "061/ 1625.1 /DISKOPUKM",
        "date_made": d(2023, 8, 31),
        "date_effective": d(2023, 8, 1),
        "date_effective_month_only": True,
        "legal_basis": [
            PERMENDAGRI_1 + ";",
            PERGUB_106.replace("Nomor", "nomor") + ";",
            PERGUB_125 + ";",
            PERGUB_206 + ".",
        ],
        "qualifications": ["Pendidikan minimal D.III", "Memahami secara teknis penyusunan bahan/materi diklat"],
        "related": [
            "SOP Penyelenggaraan Surat Keluar",
            "SOP Pelaksanaan Kegiatan Diklat",
            "SOP Penyiapan Sarana dan Prasarana Diklat",
            "SOP Penyiapan Tenaga Pelatih/Instruktur/Fasilitator",
            "SOP Koordinasi dan Kerjasama",
        ],
        "equipment": ["Komputer/Laptop", "Printer", "Alat Tulis Kantor"],
        "warning": "Ketelitian dan kecermatan dalam menganalisa bahan/materi diklat",
        "records": "Menghimpun data bahan/materi dari semua seksi yang ada",
        "procedure_code": "material_preparation",
        "steps": [
            step(
                "Ketua Tim Kerja memerintahkan kepada anggota tim kerja untuk menyiapkan bahan/materi kegiatan Diklat "
                "sesuai DPA;",
                KTK,
                "Agenda kerja",
                "10 Menit",
                DISPOSISI,
            ),
            step(
                "Anggota tim kerja menyiapkan bahan/materi kegiatan Diklat dan dilaporkan kepada Ketua Tim Kerja;",
                ATK_,
                DISPOSISI,
                "10 Menit",
                DISPOSISI,
            ),
            step(
                "Menkonsep bahan/materi yang digunakan untuk pelaksanaan kegiatan Diklat dan diteruskan kepada "
                "Pejabat Level 2 untuk ditindaklanjuti ;",
                KTK,
                DISPOSISI,
                "15 Menit",
                "Konsep Bahan/Materi Diklat, Disposisi",
            ),
            step(
                "Mengoreksi/meneliti draft Bahan/Materi Diklat, kalau setuju meneruskannya kepada Pejabat Level 1 "
                "untuk ditindaklanjuti, kalau tidak setuju dikembalikan kepada Pejabat Level 2 untuk diperbaiki;",
                PL2,
                "Konsep Bahan/Materi Diklat, Disposisi",
                "1 Jam",
                "Draft Bahan/Materi Diklat, Disposisi",
            ),
            step(
                "Mengoreksi/meneliti Bahan/Materi Diklat dan meneruskannya kepada Pejabat Level 1 untuk "
                "ditindaklanjuti, kalau tidak setuju dikembalikan kepada Pejabat Level 2 untuk diperbaiki;",
                PL1,
                "Draft Bahan/Materi Diklat, Disposisi",
                "15 Menit",
                "Draft Bahan/Materi Diklat, Disposisi",
            ),
            step(
                "Mengkoordinasikan dengan Ketua Tim Kerja terkait draft Bahan/ Materi Diklat untuk ditindaklanjuti;",
                PL2,
                "Draft Bahan/Materi Diklat, Disposisi",
                "15 Menit",
                "Draft Bahan/Materi Diklat, Disposisi",
            ),
            step(
                "Memerintahkan kepada pegawai untuk mendokumentasikan Bahan/Materi Diklat untuk ditindaklanjuti;",
                KTK,
                "Bahan/Materi Diklat, Disposisi",
                "10 Menit",
                "Bahan/Materi Diklat, Disposisi",
            ),
            step(
                "Mendokumentasikan Bahan/Materi Diklat dan mendistribusikannya.",
                ATK_,
                "Bahan/Materi Diklat, Disposisi",
                "10 Menit",
                "Bahan/Materi Diklat",
            ),
        ],
    },
    # --- 004 (4/7): Penyiapan Sarana dan Prasarana Diklat
    {
        "title": "Penyiapan Sarana dan Prasarana Diklat",
        "slug": "penyiapan-sarana-dan-prasarana-diklat",
        "issuer": KALBAR_DISKOP,
        "sop_number": "061/ 1625.2 /DISKOPUKM",
        "date_made": d(2023, 8, 31),
        "date_effective": d(2023, 8, 1),
        "date_effective_month_only": True,
        "legal_basis": [
            "Peraturan Menteri Dalam Negeri Nomor 01 Tahun 2023 Tentang Tata Naskah Dinas di lingkungan Pemerintah "
            "Daerah.",
            "Pergub Kalbar Nomor 106 tahun 2021 tentang Tata Naskah Dinas di lingkungan Pemerintah Provinsi Kalbar.",
            "Pergub Kalbar Nomor 19 tahun 2018 tentang Perubahan Ketiga Peraturan Gubernur Kalimantan Barat Nomor 64 "
            "Tahun 2014 Tentang Petunjuk Teknis Penggunaan dan Pemanfaatan Barang Milik Daerah Dalam Bentuk Sewa dan "
            "Pinjam Pakai di Lingkungan Pemerintah Provinsi Kalimantan Barat;",
            PERGUB_125 + ";",
            PERGUB_206 + ".",
        ],
        "qualifications": [
            "Pendidikan minimal D-III",
            "Memahami Peraturan dan Kebijakan",
            "Memahami format penyiapan sarana dan prasarana diklat",
            "Bisa Mengoperasikan Komputer",
        ],
        "related": [
            "SOP Penyelenggaraan Surat Keluar",
            "SOP Pelaksanaan Kegiatan Diklat",
            "SOP Penyiapan Bahan/Materi Diklat",
            "SOP Penyiapan Tenaga Pelatih/Instruktur/Fasilitator",
            "SOP Koordinasi dan Kerjasama",
            "SOP Pembuatan Surat Keputusan (SK) Kegiatan",
        ],
        "equipment": [
            "Name Tag",
            "Sound System",
            "Laptop, infocus, printer",
            "Ruang kelas dan asrama penginapan",
            "Alat Tulis Kantor",
        ],
        "warning": "Merupakan tim teknis/pelaksanaan program, dibuat dari turunan Surat Keputusan",
        "records": "Tujuan, waktu, tempat dan tim teknis pelaksanaan program/kegiatan",
        "steps": [
            step(
                "Memerintahkan kepada Anggota Tim untuk menyiapkan Sarana dan Prasarana kegiatan Diklat;",
                KTK,
                "Agenda kerja",
                "10 Menit",
                DISPOSISI,
            ),
            step(
                "Menyiapkan Sarana dan Prasarana kegiatan Diklat dan dilaporkan kepada Ketua Tim Kerja;",
                ATK_,
                DISPOSISI,
                "10 Menit",
                DISPOSISI,
            ),
            step(
                "Menginventarisir Sarana dan Prasarana yang digunakan dalam pelaksanaan kegiatan Diklat dan "
                "dikoordinasikan kepada Pejabat Level 2.",
                KTK,
                DISPOSISI,
                "15 Menit",
                "Sarana dan Prasarana Diklat, Disposisi",
            ),
            step(
                "Mengidentifikasi Sarana dan Prasarana Diklat dan meneruskannya kepada Pejabat Level 1 untuk "
                "ditindaklanjuti;",
                PL2,
                "Sarana dan Prasarana Diklat, Disposisi",
                "1 Jam",
                "Sarana dan Prasarana Diklat, Disposisi",
            ),
            step(
                "Mengoreksi/meneliti Sarana dan Prasarana Diklat dan meneruskannya kepada Ketua Tim Kerja untuk "
                "ditindaklanjuti, kalau tidak setuju dikembalikan kepada Pejabat Level 2 untuk diperbaiki;",
                PL1,
                "Sarana dan Prasarana Diklat, Disposisi",
                "15 Menit",
                "Sarana dan Prasarana Diklat, Disposisi",
            ),
            step(
                "Memerintahkan kepada Anggota Tim Kerja untuk persiapan Sarana dan Prasarana penyelenggaraan Diklat;",
                KTK,
                "Sarana dan Prasarana Diklat, Disposisi",
                "10 Menit",
                "Sarana dan Prasarana Diklat, Disposisi",
            ),
            step(
                "Persiapan Sarana dan Prasarana Diklat untuk penyelenggaraan.",
                ATK_,
                "Sarana dan Prasarana Diklat, Disposisi",
                "10 Menit",
                "Sarana dan Prasarana Diklat",
            ),
        ],
    },
    # --- 004 (5/7): Bimbingan dan Pendampingan di Lapangan
    {
        "title": "Bimbingan dan Pendampingan di Lapangan",
        "slug": "bimbingan-dan-pendampingan-di-lapangan",
        "issuer": KALBAR_DISKOP,
        "sop_number": "061/ 1625.3 /DISKOPUKM",
        "date_made": d(2023, 8, 31),
        "date_effective": d(2023, 8, 1),
        "date_effective_month_only": True,
        "legal_basis": [PERGUB_125 + ";", PERGUB_206 + "."],
        "qualifications": [
            "Pendidikan minimal D-III",
            "Memahami prosedur Protokol Penyelenggaraan Bimbingan dan Pendampingan",
            "Bisa Mengoperasikan Komputer",
        ],
        "related": [
            "SOP Penyelenggaraan Surat Keluar",
            "SOP Pembuatan Surat Tugas (ST) Pelaksanaan Kegiatan",
            "SOP Pembuatan Surat Keputusan (SK) Kegiatan",
        ],
        "equipment": ["Komputer/Laptop", "Printer", "Alat Tulis Kantor"],
        "warning": "1. Perlu dilakukan dalam rangka pengembangan dan peningkatan\n"
        "2. Mengetahui sejauh mana dalam penguasaan ilmu yang diterapkan\n"
        "3. Mengetahui kesiapan Kabupaten/Kota dalam mempersiapkan kebutuhan",
        "records": "1. Hasil bimbingan dan pendampingan\n2. Permasalahan dan Kendala\n3. Evaluasi serta tindak lanjut",
        "steps": [
            step(
                "Memerintahkan kepada Anggota Tim Kerja untuk menyiapkan bimbingan dan pendampingan di lapangan "
                "kepada peserta Diklat pasca pelatihan;",
                KTK,
                "Agenda kerja",
                "10 Menit",
                DISPOSISI,
            ),
            step(
                "Menyiapkan bahan bimbingan dan pendampingan di lapangan kepada peserta Diklat dan diteruskan ke "
                "Ketua Tim Kerja;",
                ATK_,
                DISPOSISI,
                "10 Menit",
                DISPOSISI,
            ),
            step(
                "Mengonsep dan mengkoordinasikan bahan yang digunakan dalam bimbingan dan pendampingan di lapangan "
                "kepada Pejabat Level 2;",
                KTK,
                "Bahan bimbingan dan pendampingan di lapangan",
                "15 Menit",
                "Konsep bahan bimbingan dan pendampingan di lapangan, disposisi",
            ),
            step(
                "Menginventarisir dan mengidentifikasi bahan yang digunakan dalam bimbingan dan pendampingan di "
                "lapangan untuk ditindaklanjuti oleh Pejabat Level 1;",
                PL2,
                "Konsep bahan bimbingan dan pendampingan di lapangan, disposisi",
                "1 Jam",
                "Draft Bahan bimbingan dan pendampingan di lapangan, disposisi",
            ),
            step(
                "Mengoreksi/meneliti bahan bimbingan dan pendampingan di lapangan dan meneruskannya kepada Ketua Tim "
                "Kerja untuk ditindaklanjuti dan apabila tidak, maka akan dikembalikan ke Pejabat Level 2;",
                PL1,
                "Draft Bahan bimbingan dan pendampingan di lapangan, disposisi",
                "15 Menit",
                "Draft Bahan bimbingan dan pendampingan di lapangan, disposisi",
                note='Bagan: cabang "Tidak" kembali ke Pejabat Level 2.',
            ),
            step(
                "Memerintahkan kepada Anggota Tim Kerja untuk persiapan bimbingan dan pendampingan di lapangan;",
                KTK,
                "Bahan bimbingan dan pendampingan di lapangan, disposisi",
                "10 Menit",
                "Bahan bimbingan dan pendampingan di lapangan, disposisi",
            ),
            step(
                "Persiapan bimbingan dan pendampingan di lapangan untuk dilaksanakan dan didistribusikan.",
                ATK_,
                "Bahan bimbingan dan pendampingan di lapangan, disposisi",
                "10 Menit",
                "Bahan bimbingan dan pendampingan di lapangan",
            ),
        ],
    },
    # --- 004 (6/7): Layanan Konsultasi dan Informasi Pasca Pelatihan
    {
        "title": "Layanan Konsultasi dan Informasi Pasca Pelatihan",
        "slug": "layanan-konsultasi-dan-informasi-pasca-pelatihan",
        "issuer": KALBAR_DISKOP,
        "sop_number": "061/ 1625.4 /DISKOPUKM",
        "date_made": d(2023, 8, 31),
        "date_effective": d(2023, 8, 1),
        "date_effective_month_only": True,
        "approver_name": f"… AIDI, MM {CUT}",
        "approver_nip": "… 198603 1 012",
        "legal_basis": [
            "Pergub Kalbar Nomor 106 tahun 2021 tentang Tata Naskah Dinas di lingkungan Pemerintah Provinsi Kalbar.",
            PERGUB_125 + ";",
            PERGUB_206 + ".",
        ],
        "qualifications": [
            "Pendidikan minimal D-III",
            "Memahami prosedur Protokol Konsultasi dan Informasi",
            "Bisa Mengoperasikan Komputer",
        ],
        "related": [
            "SOP Penyelenggaraan Surat Keluar",
            "SOP Penyelenggaraan Surat Masuk",
            "SOP Pembuatan Surat Tugas (ST) Pelaksanaan Kegiatan",
            "SOP Pembuatan Surat Keputusan (SK) Kegiatan",
            "SOP Koordinasi dan Kerjasama",
        ],
        "equipment": ["Komputer/Laptop", "Printer", "Alat Tulis Kantor"],
        "warning": "1 Perlu dilakukan dalam rangka pengembangan dan peningkatan\n"
        "2 Mengetahui sejauh mana dalam penguasaan ilmu yang diterapkan\n"
        "3 Mengetahui kesiapan Kabupaten/Kota dalam mempersiapkan kebutuhan",
        "records": "1. Hasil bimbingan dan pendampingan\n2. Permasalahan dan Kendala\n3. Evaluasi serta tindak lanjut",
        "procedure_code": "consultation",
        "steps": [
            step(
                f"Menyerahkan permohonan permintaan layanan konsultasi dan informasi pasca pelatihan dan … {CUT}",
                "Alumni Peserta Diklat",
                "Agenda kerja",
                "10 Menit",
                DISPOSISI,
                note="Pemohon tidak memiliki kolom pelaksana pada tabel sumber.",
            ),
            step(
                "Menerima surat permohonan permintaan layanan konsultasi dan informasi pasca pelatihan dan "
                "meneruskannya kepada Ketua Tim untuk dikoreksi;",
                ATK_,
                DISPOSISI,
                "10 Menit",
                DISPOSISI,
            ),
            step(
                "Mempelajari serta menelaah, jika terdapat permasalahan dan kendala yang dihadapi oleh peserta diklat "
                "segera memproses jawaban dan mengkoordinasikan dengan Pejabat Level 2;",
                KTK,
                "Permasalahan dan kendala, disposisi",
                "15 Menit",
                "Konsep jawaban permasalahan dan kendala, disposisi",
            ),
            step(
                "Menginventarisir dan mengidentifikasi jawaban permasalahan dan kendala yang dihadapi peserta diklat "
                "yang digunakan dalam layanan konsultasi dan informasi pasca pelatihan untuk ditindaklanjuti oleh "
                "Pejabat Level 1;",
                PL2,
                "Konsep jawaban permasalahan dan kendala, disposisi",
                "1 Jam",
                "Draft jawaban permasalahan dan kendala, disposisi",
            ),
            step(
                "Mengoreksi/meneliti jawaban permasalahan dan kendala dan meneruskannya kepada Pejabat Ketua Tim "
                "untuk ditindaklanjuti;",
                PL1,
                "Draft jawaban permasalahan dan kendala, disposisi",
                "15 Menit",
                "Draft jawaban permasalahan dan kendala, disposisi",
                note='Bagan: cabang "Ya" / "Tidak".',
            ),
            step(
                "Memerintahkan kepada Anggota Tim Kerja untuk pendokumentasian dan pendistribusian jawaban layanan "
                "konsultasi dan informasi pasca pelatihan;",
                KTK,
                "Jawaban permasalahan dan kendala, disposisi",
                "10 Menit",
                "Jawaban permasalahan dan kendala, disposisi",
            ),
            step(
                "Pendokumentasian dan pendistribusian jawaban layanan konsultasi dan informasi pasca pelatihan.",
                ATK_,
                "Jawaban permasalahan dan kendala, disposisi",
                "10 Menit",
                "Jawaban permasalahan dan kendala",
            ),
        ],
    },
    # --- 004 (7/7): Pendaftaran Narasumber
    {
        "title": "Pendaftaran Narasumber (Narsum)",
        "slug": "pendaftaran-narasumber",
        "issuer": KALBAR_DISKOP,
        "sop_number": "061/ /DISKOPUKM",
        "date_made": d(2023, 8, 1),
        "date_made_month_only": True,
        "date_effective": d(2023, 8, 1),
        "date_effective_month_only": True,
        "approver_name": f"… JUNAI, MM {CUT}",
        "legal_basis": NARSUM_LAWS
        + [
            "Pemerintah Daerah Nomor 8 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah Provinsi "
            "Kalimantan Barat",
            PERGUB_125 + ";",
            PERGUB_206 + ".",
        ],
        "qualifications": [
            "Pendidikan disesuaikan Kompetensi Diklat serta Pengalaman",
            "Memiliki Kemampuan Teknis Mengoperasikan IT dalam Presentasi",
        ],
        "related": ["SOP Pendaftaran Online Narasumber"],
        "equipment": NARSUM_EQUIPMENT,
        "warning": NARSUM_WARNING,
        "records": (
            f"Supaya ada standar dan transparansi SDM Narasumber yang … sesuai Kebutuhan Diklat/ Pelatihan {CUT}"
        ),
        "procedure_code": "trainer_registration",
        "steps": [
            step(
                "Mengajukan input pendaftaran profil data narsum ke aplikasi Form Online;",
                "Pemohon",
                "Dokumen",
                "5 Menit",
                "Diterima",
            ),
            step(
                "Ketua Tim Kerja menganalisa data dan meneruskan data ke Anggota Tim Kerja menangani narsum;",
                KTK,
                "Proses",
                "5 Menit",
                "Diteruskan",
            ),
            step(
                "Anggota Tim Kerja melakukan verifikasi dan identifikasi profil narsum dengan materi dan atau modul "
                "standar yang telah ditetapkan sesuai SOP Modul Diklat;",
                ATK_,
                "Proses",
                "5 Menit",
                "Disiapkan",
            ),
            step(
                "Ketua Tim Kerja memberikan persetujuan/ tidak persetujuan terhadap penetapan pengajuan narasumber "
                "berdasarkan data dan meneruskan ke Pejabat Level 2 untuk persetujuan;",
                KTK,
                "Disetujui",
                "5 Menit",
                "Disiapkan",
            ),
            step(
                "Pengiriman surat keterangan disetujui/ tidak atas penerapan narasumber kepada pemohon, apabila "
                "disetujui dilanjutkan dengan konfirmasi jadwal diklat",
                "Pejabat Level 2",
                "Disetujui",
                "5 Menit",
                "Diteruskan",
            ),
        ],
    },
]

# Related SOPs that are themselves published here get a link to their page.
LINKABLE = {
    "SOP Penyiapan Bahan/Materi Diklat": "penyiapan-bahan-materi-diklat",
    "SOP Penyiapan Sarana dan Prasarana Diklat": "penyiapan-sarana-dan-prasarana-diklat",
    "SOP Pelaksanaan Kegiatan Diklat": "pelaksanaan-kegiatan-diklat",
    "SOP Pendaftaran Online Narasumber": "pendaftaran-narasumber",
}


def ensure_index(home):
    index = SOPIndexPage.objects.child_of(home).filter(slug="sop").first()
    if index:
        return index
    index = SOPIndexPage(
        title="Standar Operasional Prosedur",
        slug="sop",
        show_in_menus=True,
        introduction=(
            "Setiap layanan kami mengikuti SOP yang diterbitkan: langkah, pelaksana, kelengkapan, waktu standar, dan "
            "keluaran. Waktu standar inilah yang dipakai untuk memantau permohonan Anda."
        ),
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def page_fields(data):
    fields = {
        key: value
        for key, value in data.items()
        if key not in {"steps", "related", "legal_basis", "qualifications", "equipment"}
    }
    fields["legal_basis"] = [("item", text) for text in data.get("legal_basis", [])]
    fields["qualifications"] = [("item", text) for text in data.get("qualifications", [])]
    fields["equipment"] = [("item", text) for text in data.get("equipment", [])]
    return fields


def build_steps(data):
    steps = []
    for number, values in enumerate(data["steps"], start=1):
        values = dict(values)
        label = values.pop("label") or str(number)
        steps.append(SOPStep(number=number, label=label, sort_order=number - 1, **values))
    return steps


def ensure_sop(index, data):
    page = SOPPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if page is None:
        page = SOPPage.objects.filter(sop_number=data.get("sop_number", ""), title=data["title"]).first()
    if page is not None:
        return page, False
    page = SOPPage(**page_fields(data))
    page.steps = build_steps(data)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def link_related(pages):
    by_slug = {page.slug: page for page in pages}
    for data in SOPS:
        page = by_slug[data["slug"]]
        if page.related_sops or not data.get("related"):
            continue
        blocks = []
        for title in data["related"]:
            target = by_slug.get(LINKABLE.get(title, ""))
            blocks.append(("sop", {"title": title, "page": target}))
        page.related_sops = blocks
        page.save_revision().publish()


def load(stdout=None):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    index = ensure_index(home)
    pages, created = [], 0
    for data in SOPS:
        page, is_new = ensure_sop(index, data)
        pages.append(page)
        created += is_new
    link_related(pages)
    if stdout is not None:
        stdout.write(f"  {len(pages)} SOP pages at /sop/ ({created} new)")
    return index, pages
