app_name = "trainers"

urlpatterns = []
