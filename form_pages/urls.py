from django.urls import path

from form_pages import views

app_name = "form_pages"

urlpatterns = [
    path("berkas/<uuid:token>/", views.upload_download, name="upload"),
]
