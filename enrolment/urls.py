from django.urls import path

from enrolment import views

app_name = "enrolment"

urlpatterns = [
    path("daftar/<int:course_id>/", views.enrol, name="enrol"),
    path("profil/", views.profile, name="profile"),
    path("kelas/<int:pk>/", views.detail, name="detail"),
    path("kelas/<int:pk>/mundur/", views.withdraw, name="withdraw"),
    path("kelas/<int:pk>/perbaiki/", views.resubmit, name="resubmit"),
    path("kelas/<int:pk>/tes/<str:kind>/", views.take_test, name="take_test"),
    path("kelas/<int:pk>/karya/", views.work_photo, name="work_photo"),
    path("absen/<int:session_id>/<str:code>/", views.check_in, name="check_in"),
    path("klaim/<str:token>/", views.claim, name="claim"),
    path("staf/", views.staff_index, name="staff_index"),
    path("staf/daftar-langsung/", views.walk_in, name="walk_in"),
    path("staf/peserta/<int:pk>/klaim/", views.resend_claim, name="resend_claim"),
    path("staf/kelas/<int:course_id>/", views.staff_course, name="staff_course"),
    path("staf/kelas/<int:course_id>/mulai/", views.staff_start, name="staff_start"),
    path("staf/kelas/<int:course_id>/evaluasi/", views.staff_open_evaluation, name="staff_open_evaluation"),
    path("staf/kelas/<int:course_id>/nilai/", views.scores, name="scores"),
    path("staf/kelas/<int:course_id>/nilai.xlsx", views.score_sheet, name="score_sheet"),
    path("staf/kelas/<int:course_id>/peserta.xlsx", views.participants_export, name="participants_xlsx"),
    path("staf/kelas/<int:course_id>/laporan.pdf", views.report, name="report"),
    path("staf/kelas/<int:course_id>/sesi/<int:session_id>/absen/", views.roll_call, name="roll_call"),
    path("staf/kelas/<int:course_id>/sesi/<int:session_id>/qr/", views.session_qr, name="session_qr"),
    path(
        "staf/kelas/<int:course_id>/sesi/<int:session_id>/daftar-hadir.pdf",
        views.attendance_sheet,
        name="attendance_sheet",
    ),
]
