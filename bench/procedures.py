"""Benchmark of the SOP process core: cost of one transition and query counts that must stay flat.

    .venv/bin/python bench/procedures.py --cases 20 200

For each size, builds that many submitted consultations in a throwaway SQLite database,
then measures: median time and SQL queries of one staff transition (lock, event, audit
log, due time, outbox), the public status page, and the staff queue in the admin.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ.pop("DATABASE_URL", None)


def counted(fn):
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        started = time.perf_counter()
        result = fn()
        elapsed = (time.perf_counter() - started) * 1000
    return result, len(queries), elapsed


def measure_page(client, url, repeats):
    """Queries of one warm request, and the median time of ``repeats`` more."""
    client.get(url)
    _response, queries, _ms = counted(lambda: client.get(url))
    times = [counted(lambda: client.get(url))[2] for _ in range(repeats)]
    return queries, statistics.median(times)


def run(sizes, repeats):
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from accounts import roles
    from accounts.factories import UserFactory
    from consultations.factories import ConsultationFactory
    from procedures import services

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    rows = []
    try:
        member = UserFactory(email="anggota@bench.test", roles=[roles.TEAM_MEMBER])
        client = Client()
        client.force_login(member)
        made = 0
        for size in sizes:
            while made < size:
                case = ConsultationFactory()
                services.perform(case, "submit", case.user)
                made += 1
            pending = list(type(case).objects.filter(state="received")[: repeats + 1])
            timings, queries = [], []
            for case in pending[:repeats]:
                _result, count, elapsed = counted(lambda c=case: services.perform(c, "forward", member))
                timings.append(elapsed)
                queries.append(count)
            status_url = pending[repeats].get_status_url()
            queue_url = reverse("consultation-cases:index")
            status_queries, status_ms = measure_page(client, status_url, repeats)
            queue_queries, queue_ms = measure_page(client, queue_url, repeats)
            rows.append(
                (size, statistics.median(timings), max(queries), status_queries, status_ms, queue_queries, queue_ms)
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(
        "| cases | one transition: median / queries | /status/ page: queries / median "
        "| staff queue: queries / median |"
    )
    print("|---|---|---|---|")
    for size, t_ms, t_q, s_q, s_ms, q_q, q_ms in rows:
        print(f"| {size} | {t_ms:.1f} ms / {t_q} | {s_q} / {s_ms:.0f} ms | {q_q} / {q_ms:.0f} ms |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, nargs="+", default=[20, 200])
    parser.add_argument("--repeats", type=int, default=9)
    arguments = parser.parse_args()
    run(sorted(arguments.cases), arguments.repeats)
