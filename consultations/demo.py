"""Alumni questions in every step of the consultation SOP."""

from datetime import timedelta

from django.utils import timezone

from accounts.demo import ensure_user
from accounts.models import User
from consultations.models import Consultation
from procedures import services

QUESTIONS = [
    # email, name, training, subject, question, path of transitions (actor email per step)
    (
        "peserta@demo.test",
        "Ni Luh Putu Sari",
        "Foto Produk dengan Ponsel",
        "Foto produk kerajinan selalu terlalu gelap",
        "Setelah pelatihan saya memotret tas anyaman di rumah, tetapi hasilnya gelap dan warnanya kusam. "
        "Apakah perlu membeli lampu khusus atau cukup memanfaatkan cahaya jendela?",
        [],
    ),
    (
        "alumni.bagus@demo.test",
        "Bagus Prasetyo",
        "Pembukuan Sederhana UMKM",
        "Memisahkan uang usaha dan uang pribadi",
        "Warung kopi saya kadang memakai uang kas untuk belanja rumah tangga. Bagaimana cara mencatatnya "
        "agar laporan laba rugi tetap benar?",
        [("forward", "anggota@demo.test")],
    ),
    (
        "alumni.wayan@demo.test",
        "I Wayan Sudarma",
        "Tata Kelola Koperasi",
        "Rapat anggota tahunan tidak kuorum",
        "Koperasi kami sudah dua kali gagal menggelar RAT karena anggota yang hadir kurang dari separuh. "
        "Apa langkah yang sah menurut aturan?",
        [("forward", "anggota@demo.test"), ("propose", "ketua@demo.test")],
    ),
    (
        "alumni.siti@demo.test",
        "Siti Aminah",
        "Pemasaran di Marketplace",
        "Toko daring sepi pengunjung",
        "Sudah tiga bulan toko batik saya di marketplace hanya mendapat sedikit pengunjung. Apa yang bisa "
        "saya perbaiki dari judul dan foto produk?",
        [
            ("forward", "anggota@demo.test"),
            ("propose", "ketua@demo.test"),
            ("unit_approve", "kabid@demo.test"),
            ("office_approve", "kadis@demo.test"),
            ("order_documentation", "ketua@demo.test"),
            ("send_answer", "anggota@demo.test"),
        ],
    ),
]

ANSWER = (
    "Terima kasih atas pertanyaannya. Berdasarkan materi pelatihan, kami menyarankan tiga langkah: "
    "(1) perbaiki judul produk dengan kata kunci yang dicari pembeli, (2) gunakan foto dengan latar polos "
    "dan cahaya alami, (3) ikuti program promosi marketplace pada tanggal kembar. Tim kami siap melakukan "
    "pendampingan lapangan bila diperlukan."
)


def load(stdout):
    created = 0
    for email, name, training, subject, question, path in QUESTIONS:
        first, _sep, last = name.partition(" ")
        user = User.objects.filter(email=email).first() or ensure_user(email, first, last)
        if Consultation.objects.filter(user=user, subject=subject).exists():
            continue
        consultation = Consultation(
            user=user,
            applicant_name=name,
            applicant_email=email,
            training=training,
            subject=subject,
            question=question,
        ).start()
        services.perform(consultation, "submit", user)
        for name_of_transition, actor_email in path:
            actor = User.objects.get(email=actor_email)
            data = {"answer": ANSWER} if name_of_transition in {"propose", "unit_approve"} else {}
            services.perform(consultation, name_of_transition, actor, data=data)
        created += 1
    # One question waits well past its standard time, so the overdue filter has something to show.
    waiting = Consultation.objects.filter(state="received").first()
    if waiting and created:
        Consultation.objects.filter(pk=waiting.pk).update(
            state_entered_at=timezone.now() - timedelta(days=3), state_due_at=timezone.now() - timedelta(days=2)
        )
    stdout.write(f"  {created} consultations")
