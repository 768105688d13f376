from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.member_area, name="member_area"),
    path("profil/", views.profile, name="profile"),
]
