from django.urls import path

from privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("unduh/", views.download, name="download"),
    path("hapus/", views.request_erasure, name="request_erasure"),
    path("persetujuan/", views.give_consent, name="consent"),
]
