"""Three approved alumni stories on completed classes (the editor reviewed them)."""

from accounts.demo import ensure_user
from accounts.models import User
from enrolment.models import Enrolment
from stories.models import AlumniStory

STORIES = [
    (
        "Sari, Kepatihan",
        "Dulu saya hanya menganyam untuk dipakai sendiri. Setelah kelas, saya belajar menghitung harga dan "
        "memotret produk. Sekarang tas anyaman saya dijual di dua toko oleh-oleh di Banyuwangi.",
    ),
    (
        "Wulan, Glagah",
        "Kelas ini membuat saya berani tampil. Bulan lalu sanggar kami diundang menari di acara desa wisata "
        "Kemiren, dan saya ikut melatih adik-adik yang baru mulai.",
    ),
    (
        "Hadi, Rogojampi",
        "Materi pembukuan sederhana langsung saya pakai di warung. Uang usaha dan uang rumah tangga kini "
        "terpisah, dan saya tahu berapa untung bersih setiap minggu.",
    ),
]


def load(stdout):
    if AlumniStory.objects.exists():
        stdout.write("  alumni stories already loaded")
        return
    editor = User.objects.filter(email="editor@demo.test").first()
    completed = list(
        Enrolment.objects.filter(state="completed", result=Enrolment.Result.PASSED)
        .select_related("participant", "course")
        .order_by("course_id", "pk")
    )
    chosen, seen_courses = [], set()
    for enrolment in sorted(completed, key=lambda e: e.participant.user_id is None):
        if enrolment.course_id in seen_courses and len({e.course_id for e in completed}) >= len(STORIES):
            continue
        chosen.append(enrolment)
        seen_courses.add(enrolment.course_id)
        if len(chosen) == len(STORIES):
            break
    for enrolment, (name, text) in zip(chosen, STORIES, strict=False):
        participant = enrolment.participant
        if participant.user is None:
            first, _sep, last = participant.full_name.partition(" ")
            participant.user = User.objects.filter(email=participant.email).first() or ensure_user(
                participant.email, first, last
            )
            participant.save(update_fields=["user"])
        story = AlumniStory.objects.create(
            author=participant.user,
            enrolment=enrolment,
            course=enrolment.course,
            display_name=name,
            story=text,
            consent_at=enrolment.completed_at or enrolment.updated_at,
        )
        story.review(AlumniStory.Status.APPROVED, editor)
    stdout.write(f"  {min(len(chosen), len(STORIES))} alumni stories")
