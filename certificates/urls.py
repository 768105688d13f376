from django.urls import path

from certificates import views

app_name = "certificates"

urlpatterns = [
    path("verifikasi/", views.verify, name="verify_form"),
    path("verifikasi/<str:code>/", views.verify, name="verify"),
    path("<int:pk>/unduh/", views.download, name="download"),
]
