from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("nominasi/<str:token>/", views.nominate, name="nominate"),
]
