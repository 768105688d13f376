from django.urls import path

from certificates import views

app_name = "certificates"

urlpatterns = [
    path("verifikasi/", views.verify, name="verify_form"),
    path("verifikasi/<str:code>/", views.verify, name="verify"),
    path("<int:pk>/unduh/", views.download, name="download"),
    path("<int:pk>/kredensial.json", views.credential_json, name="credential"),
    path("<int:pk>/lencana.png", views.badge_png, name="badge"),
    path("status/<str:code>/", views.credential_status, name="status"),
    path("penerbit/", views.issuer_profile, name="issuer"),
]
