"""Demo trainers: a directory of published profiles linked to the demo classes, standard modules,
and registrations in every step of SOP Pendaftaran Narasumber so staff see a living queue."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.demo import ensure_user
from accounts.models import User
from categories.models import Category
from portal.images import wagtail_image
from procedures import services
from trainers.factories import jpeg_bytes, make_nik, pdf_bytes
from trainers.models import StandardModule, TrainerApplication, TrainerIndexPage, TrainerPage, TrainerProfileUpdate
from trainers.services import start_profile_update
from trainers.starter import ensure_modules as ensure_starter_modules

CATEGORY_NAMES = {
    "seni-tari": "Seni Tari",
    "kriya": "Kriya",
    "pemasaran-digital": "Pemasaran Digital",
    "koperasi-umkm": "Koperasi dan UMKM",
    "kompetensi-teknis-asn": "Kompetensi Teknis ASN",
}

# slug, title (name), full name with degrees, position, regency, expertise slugs, bio, education,
# experience, certifications, topics, account email
TRAINERS = [
    (
        "made-wirawan",
        "Made Wirawan",
        "Dr. Ir. Made Wirawan, M.Sn.",
        "Dosen Penciptaan Tari, ISI Denpasar",
        "Kota Denpasar",
        ["seni-tari"],
        "Koreografer dan peneliti tari Bali–Osing yang dua puluh tahun mendampingi sanggar di Bali dan Banyuwangi.",
        "S1 Teknik Sipil, Universitas Udayana\nS2 Penciptaan Seni, ISI Surakarta\nS3 Kajian Budaya, Univ. Udayana",
        "Dosen ISI Denpasar (2004–sekarang)\nPembina Sanggar Tari Kembang Sari (2010–sekarang)",
        "Sertifikat Kompetensi Koreografer (LSP Seni Pertunjukan)",
        "Koreografi tari kreasi\nManajemen sanggar\nTari Gandrung lanjutan",
        "narasumber@demo.test",
    ),
    (
        "temu-misti",
        "Temu Misti",
        "Temu Misti",
        "Maestro Gandrung Banyuwangi",
        "Kabupaten Banyuwangi",
        ["seni-tari"],
        "Penari Gandrung sejak usia lima belas tahun; menurunkan gending dan gerak Gandrung kepada generasi muda.",
        "Pendidikan nonformal: nyantrik pada penari Gandrung senior",
        "Penari Gandrung terop (1970–sekarang)\nPelatih Gandrung di sekolah dasar se-Banyuwangi",
        "Anugerah Maestro Seni Tradisi (Kemendikbud)",
        "Tari Gandrung dasar\nGending Gandrung\nTata rias Gandrung",
        "",
    ),
    (
        "siti-rahayu",
        "Siti Rahayu",
        "Siti Rahayu, S.Sn., M.Pd.",
        "Guru Seni Budaya, SMAN 1 Glagah",
        "Kabupaten Banyuwangi",
        ["seni-tari", "kompetensi-teknis-asn"],
        "Guru seni budaya yang mengembangkan modul tari tradisional untuk sekolah dan pelatihan guru.",
        "S1 Pendidikan Sendratasik, Universitas Negeri Surabaya\nS2 Pendidikan Seni, Universitas Negeri Malang",
        "Guru Seni Budaya (2009–sekarang)\nInstruktur Nasional Kurikulum Merdeka (2022)",
        "Sertifikat Pendidik Profesional\nSertifikat Instruktur Nasional",
        "Penyusunan modul ajar seni\nTari Jejer Gandrung",
        "",
    ),
    (
        "wayan-sukadana",
        "Wayan Sukadana",
        "I Wayan Sukadana, S.Sn.",
        "Perajin dan pemilik Studio Ukir Taman Sari",
        "Kabupaten Gianyar",
        ["kriya"],
        "Perajin ukir kayu yang membina kelompok perajin muda dan memasarkan karya hingga ke luar negeri.",
        "S1 Kriya Seni, ISI Denpasar",
        "Pemilik Studio Ukir Taman Sari (2005–sekarang)\nPendamping IKM ukir, Dinas Perindustrian (2018–2021)",
        "Sertifikat Kompetensi Pengukir Kayu (BNSP)",
        "Ukir kayu dasar\nFinishing kerajinan kayu\nPenetapan harga kerajinan",
        "",
    ),
    (
        "nur-aini",
        "Nur Aini",
        "Nur Aini, S.T., M.Ds.",
        "Desainer batik, pemilik Batik Sekar Jagad",
        "Kabupaten Banyuwangi",
        ["kriya", "pemasaran-digital"],
        "Desainer batik Gajah Oling yang memadukan motif tradisi dengan desain kontemporer dan pemasaran daring.",
        "S1 Teknik Kimia, Institut Teknologi Sepuluh Nopember\nS2 Desain, Institut Teknologi Bandung",
        "Pemilik Batik Sekar Jagad (2012–sekarang)\nKurator Banyuwangi Batik Festival (2016–2019)",
        "Sertifikat Kompetensi Pembatik (BNSP)\nSertifikat Pewarnaan Alam, Balai Besar Kerajinan dan Batik",
        "Batik tulis Gajah Oling\nPewarnaan alam\nFoto produk batik",
        "",
    ),
    (
        "andi-pratama",
        "Andi Pratama",
        "Andi Pratama, S.Kom.",
        "Konsultan pemasaran digital UMKM",
        "Kota Surabaya",
        ["pemasaran-digital"],
        "Mendampingi lebih dari tiga ratus UMKM berjualan di marketplace dan media sosial.",
        "S1 Sistem Informasi, Universitas Airlangga",
        "Konsultan pemasaran digital (2015–sekarang)\nMentor program UMKM Go Digital (2020–2023)",
        "Google Digital Marketing Certificate\nSertifikat Kompetensi Digital Marketing (BNSP)",
        "Berjualan di marketplace\nIklan media sosial berbiaya rendah\nFoto produk dengan ponsel",
        "",
    ),
    (
        "dewi-kartika",
        "Dewi Kartika",
        "Dewi Kartika Sari, S.E., M.M.",
        "Dosen Manajemen, Universitas PGRI Banyuwangi",
        "Kabupaten Banyuwangi",
        ["koperasi-umkm"],
        "Pendamping koperasi dan UMKM untuk tata kelola, pembukuan sederhana, dan perizinan usaha.",
        "S1 Akuntansi, Universitas Jember\nS2 Manajemen, Universitas Brawijaya",
        "Dosen Manajemen (2011–sekarang)\nPendamping PLUT-KUMKM Jawa Timur (2016–2020)",
        "Sertifikat Kompetensi Pendamping UMKM\nSertifikat Akuntansi Koperasi (LSP Koperasi)",
        "Pembukuan UMKM\nTata kelola koperasi\nPerizinan berusaha berbasis risiko (OSS)",
        "",
    ),
    (
        "hendra-gunawan",
        "Hendra Gunawan",
        "Drs. Hendra Gunawan, M.Si.",
        "Widyaiswara Ahli Madya, BPSDM Provinsi Jawa Timur",
        "Kota Malang",
        ["kompetensi-teknis-asn", "koperasi-umkm"],
        "Widyaiswara yang melatih ASN di bidang pelayanan publik dan penyusunan SOP.",
        "S1 Administrasi Negara, Universitas Brawijaya\nS2 Ilmu Administrasi, Universitas Brawijaya",
        "Widyaiswara BPSDM Jawa Timur (2008–sekarang)",
        "Sertifikat Widyaiswara (LAN RI)\nTraining of Trainers Pelayanan Publik",
        "Penyusunan SOP administrasi pemerintahan\nPelayanan publik prima\nAnalisis beban kerja",
        "",
    ),
]

# The demo office's own modules, on top of the starter set (trainers/data/standard_modules.yaml).
STANDARD_MODULES = [
    ("TARI-01", "Tari tradisional Banyuwangi tingkat dasar", "seni-tari"),
    ("TARI-02", "Koreografi dan tari kreasi", "seni-tari"),
    ("BATIK-01", "Batik tulis Gajah Oling dan pewarnaan alam", "kriya"),
    ("KRIYA-02", "Kerajinan kayu dan anyaman bambu", "kriya"),
]
# The category each starter module belongs to in the demo's catalogue.
STARTER_MODULE_CATEGORIES = {
    "SENI-01": "seni-tari",
    "KRIYA-01": "kriya",
    "DIGI-01": "pemasaran-digital",
    "DIGI-02": "pemasaran-digital",
    "UMKM-01": "koperasi-umkm",
    "UMKM-02": "koperasi-umkm",
    "KOP-01": "koperasi-umkm",
    "ASN-01": "kompetensi-teknis-asn",
    "LAT-01": "kompetensi-teknis-asn",
}

# email, first, last, full name, gender, birth date, regency, expertise, steps walked, overdue
APPLICATIONS = [
    (
        "pelamar.rina@demo.test",
        "Rina",
        "Oktaviani",
        "Rina Oktaviani, S.Sn.",
        "female",
        (1990, 10, 3),
        "Kabupaten Banyuwangi",
        ["seni-tari"],
        ["submit"],
        False,
    ),
    (
        "pelamar.bayu@demo.test",
        "Bayu",
        "Setiawan",
        "Bayu Setiawan, S.Kom.",
        "male",
        (1988, 4, 21),
        "Kabupaten Jember",
        ["pemasaran-digital"],
        ["submit", "forward"],
        True,
    ),
    (
        "pelamar.lilik@demo.test",
        "Lilik",
        "Handayani",
        "Lilik Handayani, S.Pd.",
        "female",
        (1984, 7, 9),
        "Kabupaten Banyuwangi",
        ["kriya"],
        ["submit", "forward", "send_back"],
        False,
    ),
    (
        "pelamar.agus@demo.test",
        "Agus",
        "Salim",
        "Agus Salim, S.E.",
        "male",
        (1979, 12, 1),
        "Kabupaten Situbondo",
        ["koperasi-umkm"],
        ["submit", "forward", "verify", "recommend_reject", "reject"],
        False,
    ),
    (
        "pelamar.ketut@demo.test",
        "Ketut",
        "Arsana",
        "I Ketut Arsana, S.Sn., M.Sn.",
        "male",
        (1982, 2, 17),
        "Kabupaten Karangasem",
        ["seni-tari", "kriya"],
        ["submit", "forward", "verify", "recommend_approve", "approve"],
        False,
    ),
    (
        "pelamar.yuni@demo.test",
        "Yuni",
        "Astuti",
        "Yuni Astuti, S.Pd., M.Pd.",
        "female",
        (1987, 5, 30),
        "Kabupaten Banyuwangi",
        ["kompetensi-teknis-asn"],
        ["submit", "forward", "verify"],
        False,
    ),
]

#: The training dates the approval proposes (SOP step 5: the approved trainer confirms them in /saya/).
DEMO_SCHEDULE = "Pelatihan Tari Tradisional Angkatan III, bulan depan, hari Senin–Rabu, 08.00–15.00 WIB, Aula Dinas"

ACTORS = {
    "forward": "ketua@demo.test",
    "verify": "anggota@demo.test",
    "send_back": "anggota@demo.test",
    "recommend_approve": "ketua@demo.test",
    "recommend_reject": "ketua@demo.test",
    "approve": "kabid@demo.test",
    "reject": "kabid@demo.test",
}
NOTES = {
    "send_back": "Mohon unggah sertifikat kompetensi dan lengkapi pengalaman mengajar tiga tahun terakhir.",
    "verify": "Profil sesuai modul standar; pengalaman mengajar memadai.",
    "recommend_reject": "Belum memiliki pengalaman mengajar pelatihan formal.",
    "reject": "Pengalaman mengajar belum memenuhi syarat; silakan mendaftar kembali setelah memiliki pengalaman.",
}


def category(slug):
    found = Category.objects.filter(slug=slug).first()
    return found or Category.objects.create(slug=slug, name=CATEGORY_NAMES[slug])


def ensure_index():
    """The directory the starter data made (created here only when the demo runs without it)."""
    from home.demo import ensure_child
    from home.models import HomePage

    return ensure_child(
        HomePage.objects.first(),
        TrainerIndexPage,
        "narasumber",
        title="Narasumber",
        show_in_menus=True,
        introduction=(
            "Para narasumber dan instruktur yang mengajar di kelas-kelas kami: seniman, perajin, praktisi "
            "pemasaran, pendamping koperasi, dan widyaiswara. Cari berdasarkan keahlian atau wilayah."
        ),
    )


def ensure_trainers(index):
    pages = []
    for (
        slug,
        title,
        full_name,
        position,
        regency,
        expertise,
        bio,
        education,
        experience,
        certs,
        topics,
        email,
    ) in TRAINERS:
        page = TrainerPage.objects.child_of(index).filter(slug=slug).first()
        if page is None:
            page = TrainerPage(
                slug=slug,
                title=title,
                full_name=full_name,
                position=position,
                regency=regency,
                short_bio=bio,
                education=education,
                experience=experience,
                certifications=certs,
                topics=topics,
                photo=wagtail_image(f"Narasumber {title}", title, size=(480, 480)),
                user=User.objects.filter(email=email).first() if email else None,
            )
            page.expertise = [category(s) for s in expertise]
            index.add_child(instance=page)
            page.save_revision().publish()
        pages.append(page)
    return pages


def ensure_modules():
    """Sort the starter modules into the demo's categories and add the office's own modules."""
    ensure_starter_modules()
    for code, slug in STARTER_MODULE_CATEGORIES.items():
        StandardModule.objects.filter(code=code, category=None).update(category=category(slug))
    for code, name, slug in STANDARD_MODULES:
        StandardModule.objects.get_or_create(code=code, defaults={"name": name, "category": category(slug)})


def ensure_applications():
    created = 0
    for email, first, last, full_name, gender, born, regency, expertise, path, overdue in APPLICATIONS:
        user = ensure_user(email, first, last)
        if TrainerApplication.objects.filter(user=user).exists():
            continue
        birth = datetime.date(*born)
        application = TrainerApplication(
            user=user,
            full_name=full_name,
            applicant_email=email,
            nik=make_nik(birth, female=gender == "female", serial=created + 11),
            birth_date=birth,
            gender=gender,
            phone="0812-3300-45" + f"{created:02d}",
            address="Jl. Kepiting No. 5, Banyuwangi",
            regency=regency,
            position="Praktisi dan pelatih",
            short_bio=f"{full_name} berpengalaman melatih kelompok masyarakat di {regency}.",
            education="S1, Universitas Jember",
            work_experience="Pelatih komunitas (2015–sekarang)",
            teaching_experience="Pelatihan masyarakat desa wisata (2023)",
            certifications="Sertifikat pelatih (BNSP)",
            topics="Materi dasar sesuai bidang keahlian",
            consent_at=timezone.now(),
        ).start()
        application.expertise.set([category(s) for s in expertise])
        application.photo.save("foto.jpg", ContentFile(jpeg_bytes(color=(150 + created * 10, 110, 90))), save=False)
        application.cv.save("cv.pdf", ContentFile(pdf_bytes(f"CV {full_name}")), save=False)
        application.photo_name, application.cv_name = "foto.jpg", "cv.pdf"
        application.save()
        for name in path:
            actor = user if name in ("submit", "confirm_schedule") else User.objects.get(email=ACTORS[name])
            data = {}
            if name == "verify":
                data["modules"] = StandardModule.objects.filter(category__slug__in=expertise)
            if name == "approve":
                data["proposed_schedule"] = DEMO_SCHEDULE
            services.perform(application, name, actor, note=NOTES.get(name, ""), data=data)
        if overdue:
            now = timezone.now()
            TrainerApplication.objects.filter(pk=application.pk).update(
                state_entered_at=now - datetime.timedelta(days=3), state_due_at=now - datetime.timedelta(days=2)
            )
        created += 1
    return created


def ensure_profile_update():
    user = User.objects.filter(email="narasumber@demo.test").first()
    page = TrainerPage.objects.filter(user=user).first() if user else None
    if page is None or TrainerProfileUpdate.objects.filter(trainer_page=page).exists():
        return 0
    update, expertise = start_profile_update(page, user)
    update.reason = "Menambahkan pengalaman mengajar terbaru dan topik baru."
    update.teaching_experience = (
        "Pelatihan koreografi untuk guru seni se-Bali (2025)\nWorkshop Gandrung lanjutan (2024)"
    )
    update.topics = page.topics + "\nTari kreasi untuk festival"
    update.save()
    update.expertise.set(expertise)
    services.perform(update, "submit", user)
    return 1


def load(stdout):
    index = ensure_index()
    ensure_modules()
    pages = ensure_trainers(index)
    created = ensure_applications()
    updates = ensure_profile_update()
    stdout.write(f"  {len(pages)} trainers, {created} trainer registrations, {updates} profile update request")
