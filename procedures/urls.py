from django.urls import path

from procedures import views

app_name = "procedures"

urlpatterns = [
    path("", views.lookup, name="lookup"),
    path("surat/", views.verify_letter, name="verify_letter_form"),
    path("surat/<str:code>/", views.verify_letter, name="verify_letter"),
    path("<str:number>/<str:token>/", views.detail, name="detail"),
]
