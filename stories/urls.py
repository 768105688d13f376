from django.urls import path

from stories import views

app_name = "stories"

urlpatterns = [
    path("", views.submit, name="submit"),
    path("<int:pk>/tarik/", views.withdraw, name="withdraw"),
]
