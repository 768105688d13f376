from django.urls import path

from consultations import views

app_name = "consultations"

urlpatterns = [
    path("", views.ask, name="ask"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/berkas/<str:key>/", views.download, name="download"),
]
