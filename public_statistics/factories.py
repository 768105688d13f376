import wagtail_factories

from public_statistics.models import StatisticsPage


class StatisticsPageFactory(wagtail_factories.PageFactory):
    title = "Statistik Peserta"
    slug = "statistik"

    class Meta:
        model = StatisticsPage
