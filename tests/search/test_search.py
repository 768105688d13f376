import pytest

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Site

from courses.factories import CourseIndexPageFactory, CoursePageFactory, MaterialPageFactory
from home.models import StandardPage
from search.services import highlight

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(db):
    home = Site.objects.get(is_default_site=True).root_page.specific
    catalogue = CourseIndexPageFactory(parent=home)
    gandrung = CoursePageFactory(
        parent=catalogue, title="Tari Gandrung untuk Pemula", summary="Gerak dasar tari Gandrung"
    )
    MaterialPageFactory(parent=gandrung, title="Modul Gandrung", description="<p>Ragam gerak Gandrung</p>")
    CoursePageFactory(parent=catalogue, title="Anyaman Bambu", summary="Kriya bambu")
    about = StandardPage(title="Sejarah Gandrung", slug="sejarah", introduction="Tari Gandrung dari Banyuwangi")
    home.add_child(instance=about)
    return {"gandrung": gandrung, "about": about}


def test_search_finds_every_page_type_and_groups_them(client, content):
    response = client.get("/cari/", {"q": "gandrung"})
    assert response.status_code == 200
    titles = [result.page.title for result in response.context["results"]]
    assert set(titles) == {"Tari Gandrung untuk Pemula", "Modul Gandrung", "Sejarah Gandrung"}
    types = {t.key: t.count for t in response.context["types"]}
    assert types == {"courses.coursepage": 1, "courses.materialpage": 1, "home.standardpage": 1}
    assert "<mark>Gandrung</mark>" in response.content.decode()
    assert Query.get("gandrung").hits == 1

    filtered = client.get("/cari/", {"q": "gandrung", "type": "courses.coursepage"})
    assert [r.page.title for r in filtered.context["results"]] == ["Tari Gandrung untuk Pemula"]


def test_unpublished_pages_are_not_found(client, content):
    content["about"].unpublish()
    titles = [r.page.title for r in client.get("/cari/", {"q": "gandrung"}).context["results"]]
    assert "Sejarah Gandrung" not in titles


def test_promoted_results_come_first(client, content):
    SearchPromotion.objects.create(
        query=Query.get("pelatihan tari"), page=content["about"], description="Baca sejarahnya dulu", sort_order=0
    )
    body = client.get("/cari/", {"q": "pelatihan tari"}).content.decode()
    assert "Baca sejarahnya dulu" in body
    assert body.index("Baca sejarahnya dulu") < body.index("search__results") if "search__results" in body else True


def test_empty_and_odd_queries(client, content):
    assert client.get("/cari/").status_code == 200
    assert client.get("/cari/", {"q": "<script>", "page": "abc", "type": "x.y"}).status_code == 200
    assert "<script>" not in client.get("/cari/", {"q": "<script>"}).content.decode().split("<main")[1]


def test_highlight_escapes_before_marking():
    html = highlight('<b>Tari</b> & "gandrung" <script>', ["gandrung", "amp"])
    assert html == "Tari &amp; &quot;<mark>gandrung</mark>&quot;"


@pytest.mark.parametrize(
    "query",
    ['"kelas kreatif"; DROP TABLE', 'kelas" OR "', "NEAR(", "*", "a AND", "^", "kelas:", "'", "\x00batik", "-", "()"],
)
def test_query_syntax_of_the_engine_never_gives_a_500(client, content, query):
    assert client.get("/cari/", {"q": query}).status_code == 200


def test_arbitrary_query_strings_never_give_a_500(client, content):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.text(max_size=60))
    def search(query):
        response = client.get("/cari/", {"q": query, "type": "courses.coursepage"})
        assert response.status_code == 200
        assert client.get("/cari/", {"q": query}).status_code == 200

    search()


def test_type_labels_are_indonesian_plurals_and_trainers_have_a_snippet(client, content):
    """No English "s" glued onto Indonesian names ("Halaman umums"); trainers get a snippet too."""
    from trainers.factories import TrainerIndexPageFactory, TrainerPageFactory

    home = Site.objects.get(is_default_site=True).root_page.specific
    directory = TrainerIndexPageFactory(parent=home)
    TrainerPageFactory(parent=directory, title="Sri Gandrung", short_bio="Penari Gandrung sejak 1990.")
    client.cookies["portal_language"] = "id"
    response = client.get("/cari/", {"q": "gandrung"})
    labels = {t.key: t.label for t in response.context["types"]}
    assert labels["home.standardpage"] == "Halaman umum"
    assert labels["trainers.trainerpage"] == "Narasumber"
    body = response.content.decode()
    assert "umums" not in body and "Halaman umum (1)" in body
    (trainer,) = [r for r in response.context["results"] if r.page.title == "Sri Gandrung"]
    assert "Penari <mark>Gandrung</mark> sejak 1990." in trainer.summary
