from django.urls import path

from trainer_requests import views

app_name = "trainer_requests"

urlpatterns = [
    path("", views.request_form, name="request"),
    path("terkirim/", views.sent, name="sent"),
    path("konfirmasi/<str:token>/", views.confirm, name="confirm"),
    path("tugas/<int:pk>/", views.assignment, name="assignment"),
    path("tugas/<int:pk>/surat/", views.assignment_letter, name="assignment_letter"),
    path("berkas/<str:number>/<str:token>/", views.case, name="case"),
    path("berkas/<str:number>/<str:token>/surat/<int:letter_pk>/", views.case_letter, name="case_letter"),
]
