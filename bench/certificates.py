"""Certificate benchmark: render time per certificate and bulk ZIP / combined PDF of 100 vs 300.

Run from the project root: ``.venv/bin/python bench/certificates.py [--sizes 100 300] [--renders 30]``.
It builds a throw-away SQLite test database (migrations included), a class with N passed
participants and a template with a full-page background image, then measures:

* the median time to render one certificate PDF (cached fixed page + personal overlay);
* the median time to sign one (PAdES with the demo office certificate);
* bulk ZIP and one print PDF "cold" (every PDF rendered, signed and stored on the way, as the
  first staff download does), each on a fresh class;
* peak Python heap during a cold ZIP (tracemalloc, in a separate pass so it does not skew
  the timings: compare 100 with 300 to see it flat) and the process's maximum RSS.
"""

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite://:memory:")


def maxrss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def consume(chunks):
    """Write a streamed response to a temp file as a client would; returns the byte count."""
    size = 0
    with tempfile.TemporaryFile() as handle:
        for chunk in chunks:
            handle.write(chunk)
            size += len(chunk)
    return size


CPU_TIMES = []


def timed(fn):
    """Wall time of ``fn()``; its CPU time is kept in CPU_TIMES (robust when the machine is shared)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    CPU_TIMES.append(time.process_time() - cpu)
    return time.perf_counter() - start, result


def traced(fn):
    tracemalloc.start()
    tracemalloc.reset_peak()
    try:
        result = fn()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300])
    parser.add_argument("--renders", type=int, default=30)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    print("Creating the benchmark database (migrations)...", flush=True)
    connection.creation.create_test_db(verbosity=0, autoclobber=True)

    import datetime

    from django.utils import timezone

    from wagtail.models import Site

    from categories.factories import CategoryFactory
    from certificates import services
    from certificates.bulk import stream_zip
    from certificates.demo import background_image
    from certificates.factories import passed_enrolment
    from certificates.models import CertificateTemplate
    from certificates.rendering import render_certificate, stream_print_pdf
    from certificates.services import certificate_pdfs, issue_certificate

    services.render_soon = lambda certificate: None  # the bench renders on its own terms (cold below)
    from courses.factories import CourseIndexPageFactory, CoursePageFactory

    home = Site.objects.get(is_default_site=True).root_page.specific
    catalogue = CourseIndexPageFactory(parent=home)
    category = CategoryFactory(name="Seni Tari", slug="seni-tari")
    CertificateTemplate.objects.create(
        name="Bench", is_default=True, background=background_image("Bench background", "#0b5d5b")
    )
    names = ["Ni Luh Putu Ayu Saraswati Dewi", "Ṣalāḥ ad-Dīn", "Nguyễn Thị Minh Khai", "Bagus Prasetyo Wibowo"]

    def make_course(count):
        start = timezone.localdate() - datetime.timedelta(days=10)
        course = CoursePageFactory(
            parent=catalogue, category=category, cohort="Angkatan II", start_date=start, end_date=start
        )
        certificates = []
        for i in range(count):
            enrolment = passed_enrolment(course, full_name=f"{names[i % len(names)]} {i}")
            certificates.append(issue_certificate(enrolment, notify=False)[0])
        return course, certificates

    from django.core.management import call_command

    call_command("make_signing_certificate", office_name="Dinas Bench", force=True)
    from certificates.services import sign_certificate

    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU(s), load average {os.getloadavg()[0]:.2f}")

    # 1. Render time per certificate (not stored, not signed), then the signature alone.
    _course, sample = make_course(5)
    render_certificate(sample[0])  # warm-up: fonts, rendition, the fixed page
    times = []
    CPU_TIMES.clear()
    for i in range(args.renders):
        elapsed, pdf = timed(lambda i=i: render_certificate(sample[i % len(sample)]))
        times.append(elapsed)
    print(
        f"Render one certificate: median {statistics.median(times) * 1000:.1f} ms "
        f"(CPU {statistics.median(CPU_TIMES) * 1000:.1f} ms), "
        f"min {min(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms over {len(times)} renders "
        f"({len(pdf) / 1024:.0f} KiB each)  [goal: one render <= 30 ms median]"
    )
    sign_certificate(sample[0], pdf)  # warm-up: key, CMS template
    sign_times = []
    CPU_TIMES.clear()
    for _i in range(args.renders):
        elapsed, _signed = timed(lambda: sign_certificate(sample[0], pdf))
        sign_times.append(elapsed)
    print(
        f"Sign one certificate (PAdES): median {statistics.median(sign_times) * 1000:.1f} ms "
        f"(CPU {statistics.median(CPU_TIMES) * 1000:.1f} ms), "
        f"max {max(sign_times) * 1000:.1f} ms  [goal: Signing adds <= 50 ms per document]"
    )

    # 2. Bulk outputs, cold: every certificate rendered, signed and stored on the way.
    from certificates.models import Certificate

    def make_cold(size):
        """A class whose certificates have no stored PDF yet (issuing pre-renders them on commit)."""
        course, _certificates = make_course(size)
        Certificate.objects.filter(course=course).update(pdf="")
        return course

    def queryset(course):
        return Certificate.objects.valid().filter(course=course).select_related("template").iterator(chunk_size=50)

    for size in args.sizes:
        course = make_cold(size)
        CPU_TIMES.clear()
        cold_zip, zip_bytes = timed(lambda course=course: consume(stream_zip(certificate_pdfs(queryset(course)))))
        course = make_cold(size)
        cold_pdf, pdf_bytes = timed(lambda course=course: consume(stream_print_pdf(queryset(course))))
        course = make_cold(size)
        zip_peak, _ = traced(lambda course=course: consume(stream_zip(certificate_pdfs(queryset(course)))))
        print(
            f"{size} certificates cold (render+sign+store): ZIP {cold_zip:.1f} s (CPU {CPU_TIMES[0]:.1f} s, "
            f"{zip_bytes / 2**20:.1f} MiB), print PDF {cold_pdf:.1f} s (CPU {CPU_TIMES[1]:.1f} s, "
            f"{pdf_bytes / 2**20:.1f} MiB); peak Python heap (cold ZIP) "
            f"{zip_peak:.1f} MiB; max RSS so far {maxrss_mb():.0f} MiB  [goal: 300 cold <= 15 s, memory flat]",
            flush=True,
        )


if __name__ == "__main__":
    main()
