"""Benchmark of the catalogue: SQL queries and median response time for N classes.

    .venv/bin/python bench/catalogue.py --classes 10 1000 5000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        .venv/bin/python bench/catalogue.py --classes 10 1000 5000

Builds each size in a throwaway database (Django's test database machinery: SQLite in memory,
or ``test_<name>`` on the PostgreSQL server of ``DATABASE_URL``), then requests /kelas/, one
class page and /cari/ several times with the test client, with the page cache off (these are
uncached renders). Classes beyond the first ten are inserted in bulk and indexed for search
with the backend's ``add_bulk``, so 5,000 takes a minute rather than an hour.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["PAGE_CACHE_ENABLED"] = "false"


def measure(client, url, data, repeats):
    from django.db import connection

    client.get(url, data)  # warm up renditions and caches
    timings, queries = [], []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    # An execute wrapper survives the request cycle's connection handling, unlike queries_log.
    with connection.execute_wrapper(count):
        client.get(url, data)
    for _ in range(repeats):
        started = time.perf_counter()
        response = client.get(url, data)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return len(queries), statistics.median(timings)


def run(sizes, repeats):
    import django

    django.setup()
    from wagtail_factories import ImageFactory

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from wagtail.models import Site
    from wagtail.search.backends import get_search_backend

    from categories.factories import CategoryFactory
    from courses.factories import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory
    from courses.models import CoursePage
    from portal.factories import bulk_child_pages

    setup_test_environment()
    settings.PAGE_CACHE_ENABLED = False
    print(f"database: {connection.vendor}")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        home = Site.objects.get(is_default_site=True).root_page.specific
        catalogue = CourseIndexPageFactory(parent=home)
        categories = [CategoryFactory(name=f"Kategori {i}", slug=f"kategori-{i}") for i in range(5)]
        images = [ImageFactory(title=f"Gambar {i}") for i in range(5)]
        made, client = 0, Client()
        print(f"{'classes':>8} {'url':<24} {'queries':>8} {'median ms':>10}")
        for size in sorted(sizes):
            for i in range(made, min(size, 10)):
                course = CoursePageFactory(
                    parent=catalogue, title=f"Kelas Kreatif {i}", category=categories[i % 5], image=images[i % 5]
                )
                CourseSessionFactory(page=course)
            if size > max(made, 10):
                start = max(made, 10)
                first = CoursePage.objects.order_by("pk").first()
                dates = {"start_date": first.start_date, "end_date": first.end_date}
                pages = bulk_child_pages(
                    catalogue,
                    CoursePage,
                    size - start,
                    lambda i, dates=dates: {
                        "title": f"Kelas Kreatif {i}",
                        "slug": f"kelas-kreatif-massal-{i}",
                        "summary": f"Kelas kreatif nomor {i}: kriya, tari dan pemasaran digital.",
                        "category_id": categories[i % 5].pk,
                        "image_id": images[i % 5].pk,
                        **dates,
                    },
                )
                get_search_backend().add_bulk(CoursePage, pages)
            made = size
            probe = catalogue.get_children().first()
            for label, url, data in (
                ("/kelas/", catalogue.url, None),
                ("class page", probe.url, None),
                ("/cari/?q=kelas", "/cari/", {"q": "kelas kreatif"}),
            ):
                queries, median = measure(client, url, data, repeats)
                print(f"{size:>8} {label:<24} {queries:>8} {median:>10.1f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classes", type=int, nargs="+", default=[10, 50, 200])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    run(args.classes, args.repeats)
