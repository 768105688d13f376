from django.urls import path

from licensing import views

app_name = "licensing"

urlpatterns = [
    path("", views.index, name="index"),
    path("baru/", views.start, name="start"),
    path("terdaftar/", views.register, name="register"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/ubah/", views.edit, name="edit"),
    path("<int:pk>/berkas/<str:key>/", views.download, name="download"),
]
