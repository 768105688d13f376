"""Demo catalogue: categories, the /kelas/ catalogue with 14 classes, agendas, materials and a library.

Dates are relative to today so the demo always has finished, running and upcoming classes.
Trainer links are left to the trainers app's demo, which finds classes by ``DEMO_CLASS_SLUGS``.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model

from categories.models import Category
from courses.factories import SOP_002_DAY, add_sop_002_day
from courses.models import (
    CourseIndexPage,
    CoursePage,
    CourseSession,
    CourseTrainer,
    MaterialAttachment,
    MaterialIndexPage,
    MaterialPage,
    SeatCount,
)
from portal.factories import minimal_pdf
from portal.images import wagtail_image
from trainers.models import TrainerPage

CATEGORIES = [
    ("Seni Tari", "seni-tari", "Tari tradisional Banyuwangi: Gandrung, Jejer, Seblang, dan kreasi baru."),
    ("Kriya", "kriya", "Batik, anyaman bambu, ukir, dan kerajinan tangan bernilai jual."),
    ("Pemasaran Digital", "pemasaran-digital", "Foto produk, media sosial, dan berjualan di marketplace."),
    ("Koperasi dan UMKM", "koperasi-umkm", "Tata kelola koperasi, pembukuan, dan legalitas usaha kecil."),
    ("Kompetensi Teknis ASN", "kompetensi-teknis-asn", "Bimbingan teknis bagi aparatur sipil negara."),
]

VENUE = (
    "Aula Pusat Pelatihan Disbudpar",
    "Jl. Ahmad Yani No. 78\nBanyuwangi 68416",
    "https://maps.google.com/?q=-8.2192,114.3691",
)

# slug, title, category slug, start offset (days), length (days), mode, capacity, accepted, summary
CLASSES = [
    (
        "tari-gandrung-untuk-pemula",
        "Tari Gandrung untuk Pemula",
        "seni-tari",
        14,
        3,
        "in_person",
        25,
        9,
        "Belajar gerak dasar Gandrung, sikap tubuh, dan penggunaan kipas bersama penari senior.",
    ),
    (
        "tari-jejer-gandrung-lanjutan",
        "Tari Jejer Gandrung Tingkat Lanjut",
        "seni-tari",
        -40,
        2,
        "in_person",
        20,
        20,
        "Pendalaman ragam gerak Jejer untuk penari yang sudah menguasai dasar Gandrung.",
    ),
    (
        "tari-seblang-kreasi",
        "Tari Kreasi Seblang untuk Sanggar",
        "seni-tari",
        0,
        3,
        "in_person",
        20,
        18,
        "Menyusun koreografi kreasi berangkat dari tradisi Seblang Olehsari.",
    ),
    (
        "batik-gajah-oling",
        "Batik Gajah Oling",
        "kriya",
        21,
        2,
        "in_person",
        20,
        20,
        "Membatik motif khas Banyuwangi dari pola, canting, pewarnaan, hingga pelorodan.",
    ),
    (
        "anyaman-bambu",
        "Anyaman Bambu untuk Produk Rumah Tangga",
        "kriya",
        -1,
        3,
        "in_person",
        15,
        12,
        "Membuat tampah, keranjang, dan kap lampu dari bambu dengan teknik anyam dasar.",
    ),
    (
        "ukir-kayu-souvenir",
        "Ukir Kayu untuk Suvenir Wisata",
        "kriya",
        -75,
        2,
        "in_person",
        15,
        15,
        "Mengukir gantungan kunci dan hiasan dinding bermotif Using untuk pasar wisata.",
    ),
    (
        "foto-produk-dengan-ponsel",
        "Foto Produk dengan Ponsel",
        "pemasaran-digital",
        10,
        1,
        "blended",
        40,
        22,
        "Memotret produk UMKM yang menjual hanya dengan ponsel, cahaya jendela, dan latar sederhana.",
    ),
    (
        "pemasaran-di-marketplace",
        "Pemasaran di Marketplace",
        "pemasaran-digital",
        35,
        2,
        "online",
        None,
        57,
        "Membuka toko, menulis deskripsi produk, mengatur ongkos kirim, dan membaca data penjualan.",
    ),
    (
        "konten-media-sosial-umkm",
        "Konten Media Sosial untuk UMKM",
        "pemasaran-digital",
        -20,
        1,
        "online",
        100,
        64,
        "Merencanakan konten mingguan dan video pendek yang menarik pembeli.",
    ),
    (
        "tata-kelola-koperasi",
        "Tata Kelola Koperasi",
        "koperasi-umkm",
        28,
        2,
        "in_person",
        30,
        4,
        "Rapat anggota, peran pengurus dan pengawas, serta pelaporan koperasi yang sehat.",
    ),
    (
        "pembukuan-umkm",
        "Pembukuan Sederhana UMKM",
        "koperasi-umkm",
        7,
        1,
        "blended",
        30,
        11,
        "Mencatat kas masuk dan keluar, menghitung laba, dan memisahkan uang usaha dari uang pribadi.",
    ),
    (
        "legalitas-usaha-nib",
        "Legalitas Usaha: NIB dan Sertifikasi Halal",
        "koperasi-umkm",
        -10,
        1,
        "in_person",
        50,
        41,
        "Mengurus Nomor Induk Berusaha melalui OSS dan menyiapkan sertifikasi halal gratis.",
    ),
    (
        "penyusunan-sop-bagi-asn",
        "Penyusunan SOP bagi ASN",
        "kompetensi-teknis-asn",
        45,
        1,
        "in_person",
        40,
        0,
        "Bimbingan teknis menyusun Standar Operasional Prosedur sesuai Permenpan RB Nomor 35 Tahun 2012.",
    ),
    (
        "pelayanan-prima-asn",
        "Pelayanan Prima bagi ASN",
        "kompetensi-teknis-asn",
        -60,
        2,
        "in_person",
        40,
        38,
        "Standar pelayanan, penanganan pengaduan, dan budaya melayani di unit layanan publik.",
    ),
]

# The exact SOP 002 day is the agenda of this class.
SOP_002_CLASS = "penyusunan-sop-bagi-asn"
DEMO_CLASS_SLUGS = [slug for slug, *_rest in CLASSES]

DAY_TEMPLATE = [
    ("08:00", "08:30", "Registrasi dan daftar hadir", "registration"),
    ("08:30", "09:00", "Pembukaan", "ceremony"),
    ("09:00", "10:30", "Materi: pengenalan dan contoh", "material"),
    ("10:30", "10:45", "Rehat kopi", "break"),
    ("10:45", "12:00", "Praktik terbimbing", "group_work"),
    ("12:00", "13:00", "Ishoma", "break"),
    ("13:00", "15:00", "Praktik mandiri dan presentasi karya", "presentation"),
]


def _time(value):
    return datetime.time.fromisoformat(value)


def _document(title, lines):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(f"{title.lower().replace(' ', '-')[:60]}.pdf", ContentFile(minimal_pdf(title, lines)))
        document.save()
    return document


def _material(parent, slug, title, description, objectives, visibility, files, touched):
    material = MaterialPage.objects.child_of(parent).filter(slug=slug).first()
    if material:
        return material
    material = MaterialPage(
        slug=slug,
        title=title,
        description=f"<p>{description}</p>",
        learning_objectives="\n".join(objectives),
        visibility=visibility,
    )
    for order, (file_title, lines) in enumerate(files):
        material.attachments.add(MaterialAttachment(document=_document(file_title, lines), sort_order=order))
    parent.add_child(instance=material)
    # Demo materials are the result of a finished review, so they are published directly.
    material.save_revision().publish()
    touched.append(material)
    return material


def load(stdout):
    """Create the demo catalogue (idempotent).

    Wagtail's reference index (the admin's "usage" counts) is updated once per new object at
    the end instead of after every saved agenda row, which keeps the loader quick.
    """
    from wagtail.models import ReferenceIndex
    from wagtail.signal_handlers import disable_reference_index_auto_update

    touched = []
    with disable_reference_index_auto_update():
        _load(stdout, touched)
    for obj in touched:
        ReferenceIndex.create_or_update_for_object(obj)


def _load(stdout, touched):
    from home.demo import ensure_child
    from home.models import HomePage

    home = HomePage.objects.first()
    categories = {}
    for name, slug, description in CATEGORIES:
        category = Category.objects.filter(slug=slug).first() or Category(slug=slug)
        category.name, category.description = name, description
        category.icon = category.icon or wagtail_image(f"Ikon {name}", name, size=(256, 256))
        category.save()
        categories[slug] = category
        touched.append(category)

    catalogue = ensure_child(
        home,
        CourseIndexPage,
        "kelas",
        title="Kelas Pelatihan",
        show_in_menus=True,
        introduction="Kelas kreatif dan pelatihan gratis untuk masyarakat, pelaku UMKM, dan ASN.",
    )
    library = ensure_child(
        home,
        MaterialIndexPage,
        "bahan-ajar",
        title="Pustaka Bahan Ajar",
        introduction="Modul dan bahan ajar yang telah ditelaah Ketua Tim Kerja dan disetujui Kepala Bidang.",
    )
    touched.extend([catalogue, library])

    today, now = timezone.localdate(), timezone.now()
    created = 0
    for slug, title, category_slug, offset, length, mode, capacity, accepted, summary in CLASSES:
        if CoursePage.objects.child_of(catalogue).filter(slug=slug).exists():
            continue
        start = today + datetime.timedelta(days=offset)
        end = start + datetime.timedelta(days=length - 1)
        course = CoursePage(
            slug=slug,
            title=title,
            summary=summary,
            category=categories[category_slug],
            image=wagtail_image(f"Kelas {title}", title),
            cohort="Angkatan I",
            mode=mode,
            capacity=capacity,
            start_date=start,
            end_date=end,
            registration_opens=now - datetime.timedelta(days=30) if offset > 0 else None,
            registration_closes=timezone.make_aware(
                datetime.datetime.combine(start - datetime.timedelta(days=2), datetime.time(23, 59))
            ),
            location_name=VENUE[0] if mode != "online" else "Zoom Meeting",
            location_address=VENUE[1] if mode != "online" else "",
            map_url=VENUE[2] if mode != "online" else "",
            audience="Masyarakat umum usia 17 tahun ke atas, pelaku UMKM, dan anggota sanggar.",
            requirements="Fotokopi KTP\nPas foto 3x4\nAlat tulis",
            expected_outputs="Keterampilan praktik sesuai materi\nSertifikat bagi peserta yang lulus evaluasi",
            contact_name="Putu Ayu Saraswati",
            contact_phone="0812-3456-7890",
            contact_email="instruktur@demo.test",
            body=[("paragraph", f"<p>{summary} Kelas dipandu instruktur berpengalaman dan bersifat praktik.</p>")],
        )
        if slug == SOP_002_CLASS:
            course.end_date = course.start_date
            add_sop_002_day(course, start)
        else:
            order = 0
            for day in range(length):
                for start_time, end_time, session_title, kind in DAY_TEMPLATE:
                    course.sessions.add(
                        CourseSession(
                            date=start + datetime.timedelta(days=day),
                            start_time=_time(start_time),
                            end_time=_time(end_time),
                            title=session_title,
                            kind=kind,
                            sort_order=order,
                        )
                    )
                    order += 1
        catalogue.add_child(instance=course)
        course.save_revision().publish()
        touched.append(course)
        SeatCount.objects.update_or_create(
            course=course,
            defaults={
                "accepted": min(accepted, capacity or accepted),
                "waitlisted": 3 if capacity and accepted >= capacity else 0,
            },
        )
        created += 1

    gandrung = CoursePage.objects.get(slug="tari-gandrung-untuk-pemula")
    _material(
        gandrung,
        "modul-gerak-dasar-gandrung",
        "Modul Gerak Dasar Gandrung",
        "Ragam gerak dasar Gandrung: ngiwir, nglayang, dan penggunaan kipas.",
        ["Menguasai sikap tubuh dasar", "Memperagakan tiga ragam gerak"],
        "public",
        [("Modul Gerak Dasar Gandrung", ["Ragam gerak: ngiwir, nglayang, kipas", "Sikap tubuh dan pandangan"])],
        touched,
    )
    _material(
        gandrung,
        "video-latihan-peserta",
        "Catatan Latihan Peserta",
        "Catatan dan lembar evaluasi latihan untuk peserta kelas.",
        ["Mengukur kemajuan latihan"],
        "participants_only",
        [("Lembar Evaluasi Latihan Gandrung", ["Nama peserta:", "Ragam gerak yang dikuasai:"])],
        touched,
    )
    pembukuan = CoursePage.objects.get(slug="pembukuan-umkm")
    _material(
        pembukuan,
        "lembar-kerja-kas",
        "Lembar Kerja Buku Kas",
        "Latihan mencatat kas harian usaha kecil.",
        ["Mencatat kas masuk dan keluar"],
        "participants_only",
        [("Lembar Kerja Buku Kas UMKM", ["Tanggal | Uraian | Masuk | Keluar | Saldo"])],
        touched,
    )
    _material(
        library,
        "panduan-foto-produk",
        "Panduan Foto Produk dengan Ponsel",
        "Panduan ringkas memotret produk dengan cahaya alami.",
        ["Mengatur cahaya jendela", "Memilih latar dan sudut"],
        "public",
        [("Panduan Foto Produk", ["1. Cahaya dari samping", "2. Latar polos", "3. Sudut 45 derajat"])],
        touched,
    )
    _material(
        library,
        "kerangka-sop",
        "Kerangka Penyusunan SOP",
        "Kerangka dan contoh tabel SOP sesuai Permenpan RB 35/2012.",
        ["Menyusun tabel SOP dengan mutu baku"],
        "public",
        [("Kerangka SOP Administrasi Pemerintahan", ["Nomor, tanggal, pengesahan", "Tabel langkah dan mutu baku"])],
        touched,
    )
    stdout.write(f"  catalogue with {created} new classes ({len(SOP_002_DAY)}-row SOP 002 day in “{SOP_002_CLASS}”)")


def link_trainers(stdout):
    """The first trainer of each class's category teaches it: a class trainer row and its material sessions."""
    by_category = {}
    for page in TrainerPage.objects.live().prefetch_related("expertise").order_by("path"):
        for item in page.expertise.all():
            by_category.setdefault(item.pk, []).append(page)
    linked = 0
    for course in CoursePage.objects.live().select_related("category"):
        trainers = by_category.get(course.category_id) or []
        if not trainers or course.sessions.exclude(trainer=None).exists():
            continue
        trainer = trainers[course.pk % len(trainers)]
        draft = course.get_latest_revision_as_object()
        if not any(row.trainer_id for row in draft.course_trainers.all()):
            draft.course_trainers.add(CourseTrainer(trainer=trainer, role="Narasumber utama", sort_order=0))
        sessions = list(draft.sessions.all())
        for session in sessions:
            if session.kind in {"material", "group_work", "presentation"} and session.trainer_id is None:
                session.trainer = trainer
        draft.sessions = sessions
        draft.save_revision().publish()
        linked += 1
    stdout.write(f"  {linked} classes linked to their trainers")
    link_demo_instructor(stdout)


DEMO_INSTRUCTOR = "instruktur@demo.test"


def link_demo_instructor(stdout):
    """The demo Instruktur account teaches the classes that have started (its trainer profile is a class
    trainer there), so it works those classes' days and evaluation, and gets 404 on the others."""
    from django.contrib.auth import get_user_model

    from trainers.models import TrainerIndexPage

    user = get_user_model().objects.filter(email=DEMO_INSTRUCTOR).first()
    index = TrainerIndexPage.objects.first()
    if user is None or index is None:
        return
    profile = TrainerPage.objects.filter(user=user).first()
    if profile is None:
        profile = TrainerPage(
            title=user.get_full_name() or "Instruktur",
            slug="instruktur-pusat-pelatihan",
            full_name=user.get_full_name() or "Instruktur",
            position="Instruktur Pusat Pelatihan",
            regency="Kabupaten Banyuwangi",
            user=user,
        )
        index.add_child(instance=profile)
        profile.save_revision().publish()
    today = timezone.localdate()
    linked = 0
    for course in CoursePage.objects.live().filter(start_date__lte=today):
        if course.course_trainers.filter(trainer=profile).exists():
            continue
        draft = course.get_latest_revision_as_object()
        draft.course_trainers.add(CourseTrainer(trainer=profile, role="Instruktur kelas", sort_order=9))
        draft.save_revision().publish()
        linked += 1
    stdout.write(f"  the demo instructor teaches {linked} more classes")
