from django.urls import path

from trainers import views

app_name = "trainers"

urlpatterns = [
    path("daftar/", views.register, name="register"),
    path("daftar/<int:pk>/", views.application_detail, name="application"),
    path("daftar/<int:pk>/berkas/<str:key>/", views.application_file, name="application_file"),
    path("perbarui/<int:page_pk>/", views.request_update, name="request_update"),
    path("jadwal/<str:token>.ics", views.schedule_ics, name="schedule_ics"),
    path("jadwal/<int:page_pk>/ganti-tautan/", views.rotate_calendar, name="rotate_calendar"),
]
