app_name = "licensing"

urlpatterns = []
