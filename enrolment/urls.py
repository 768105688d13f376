from django.urls import path

from enrolment.views import participant, staff

app_name = "enrolment"

urlpatterns = [
    path("daftar/<int:course_id>/", participant.enrol, name="enrol"),
    path("profil/", participant.profile, name="profile"),
    path("kelas/<int:pk>/", participant.detail, name="detail"),
    path("kelas/<int:pk>/mundur/", participant.withdraw, name="withdraw"),
    path("kelas/<int:pk>/perbaiki/", participant.resubmit, name="resubmit"),
    path("kelas/<int:pk>/tes/<str:kind>/", participant.take_test, name="take_test"),
    path("kelas/<int:pk>/karya/", participant.work_photo, name="work_photo"),
    path("absen/<int:session_id>/<str:code>/", participant.check_in, name="check_in"),
    path("klaim/<str:token>/", participant.claim, name="claim"),
    path("staf/", staff.staff_index, name="staff_index"),
    path("staf/daftar-langsung/", staff.walk_in, name="walk_in"),
    path("staf/peserta/<int:pk>/klaim/", staff.resend_claim, name="resend_claim"),
    path("staf/kelas/<int:course_id>/", staff.staff_course, name="staff_course"),
    path("staf/kelas/<int:course_id>/mulai/", staff.staff_start, name="staff_start"),
    path("staf/kelas/<int:course_id>/evaluasi/", staff.staff_open_evaluation, name="staff_open_evaluation"),
    path("staf/kelas/<int:course_id>/nilai/", staff.scores, name="scores"),
    path("staf/kelas/<int:course_id>/nilai.xlsx", staff.score_sheet, name="score_sheet"),
    path("staf/kelas/<int:course_id>/peserta.xlsx", staff.participants_export, name="participants_xlsx"),
    path("staf/kelas/<int:course_id>/laporan.pdf", staff.report, name="report"),
    path("staf/kelas/<int:course_id>/sesi/<int:session_id>/absen/", staff.roll_call, name="roll_call"),
    path("staf/kelas/<int:course_id>/sesi/<int:session_id>/qr/", staff.session_qr, name="session_qr"),
    path(
        "staf/kelas/<int:course_id>/sesi/<int:session_id>/daftar-hadir.pdf",
        staff.attendance_sheet,
        name="attendance_sheet",
    ),
]
