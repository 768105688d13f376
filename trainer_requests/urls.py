app_name = "trainer_requests"

urlpatterns = []
