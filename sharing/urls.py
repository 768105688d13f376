from django.urls import path

from sharing import views

app_name = "sharing"

urlpatterns = [
    path("kartu/<int:page_id>.png", views.card, name="card"),
    path("poster/<int:page_id>.pdf", views.poster, name="poster"),
]
