from django.urls import path

from courses import views

app_name = "courses"

urlpatterns = [
    path("<int:page_id>/kalender.ics", views.course_ics, name="course_ics"),
    path("sesi/<int:session_id>.ics", views.session_ics, name="session_ics"),
]
