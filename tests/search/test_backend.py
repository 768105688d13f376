"""Which search engine answers /cari/: PostgreSQL full-text search in production, SQLite in development.

``WAGTAILSEARCH_BACKENDS`` names ``wagtail.search.backends.database``, which picks the
implementation from the database vendor (``modelsearch.backends.database.SearchBackend``):
on PostgreSQL it is ``PostgresSearchBackend`` — tsvector index, ``@@`` matching, stemming by
the text search configuration and ``ts_rank`` ordering with the title weighted highest.
"""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site
from wagtail.search.backends import get_search_backend

from courses.factories import CourseIndexPageFactory, CoursePageFactory

pytestmark = pytest.mark.django_db

# A word and a form of it that only stemming can match, for the configurations PostgreSQL ships.
STEMMED_FORMS = {"indonesian": ("batik", "membatik"), "english": ("dancer", "dancers")}


@pytest.fixture
def catalogue(db):
    return CourseIndexPageFactory(parent=Site.objects.get(is_default_site=True).root_page)


def _text_search_config(backend):
    """The configuration the backend uses: its SEARCH_CONFIG, else the server's default."""
    if backend.config:
        return backend.config.split(".")[-1]
    with connection.cursor() as cursor:
        cursor.execute("SHOW default_text_search_config")
        return cursor.fetchone()[0].split(".")[-1]


@pytest.mark.postgres
def test_postgresql_uses_full_text_search_with_stemming_and_ranking(client, catalogue):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL full-text search: run with DATABASE_URL=postgres://...")
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    backend = get_search_backend()
    assert isinstance(backend, PostgresSearchBackend)
    config = _text_search_config(backend)
    assert config in STEMMED_FORMS, f"no stemming sample for the {config!r} configuration"
    word, inflected = STEMMED_FORMS[config]

    in_title = CoursePageFactory(parent=catalogue, title=f"Kelas {word} Gajah Oling", summary="Motif khas.")
    in_summary = CoursePageFactory(parent=catalogue, title="Kriya Rumahan", summary=f"Termasuk sesi {word} singkat.")
    CoursePageFactory(parent=catalogue, title="Anyaman Bambu", summary="Tampah dan keranjang.")

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/cari/", {"q": word})
    assert "@@" in " ".join(query["sql"] for query in queries)  # tsvector @@ tsquery matching
    # Ranking: the title match is weighted above a match in the summary.
    assert [result.page.pk for result in response.context["results"]] == [in_title.pk, in_summary.pk]

    # Stemming: the inflected form is in no page, yet both pages are found.
    stemmed = client.get("/cari/", {"q": inflected})
    assert {result.page.pk for result in stemmed.context["results"]} == {in_title.pk, in_summary.pk}


def test_sqlite_uses_the_database_backend(catalogue):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    backend = get_search_backend()
    assert type(backend).__module__.startswith("modelsearch.backends.database")
    CoursePageFactory(parent=catalogue, title="Batik Gajah Oling")
    assert [page.title for page in backend.search("batik", catalogue.get_children().specific())] == [
        "Batik Gajah Oling"
    ]
