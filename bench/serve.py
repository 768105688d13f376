"""Served speed: the portal under gunicorn beside a bare Django view, in one run.

    .venv/bin/python bench/serve.py                       # SQLite, then PostgreSQL + Redis when given
    .venv/bin/python bench/serve.py --postgres postgres://postgres@127.0.0.1:5432/portal_bench \\
        --redis redis://127.0.0.1:6379/5 --port 8750

For each database it builds a fresh demo site (``load_demo``) with production settings
(``bench/settings.py``: ``portal.settings.production`` over plain HTTP plus ``/_bare/``, a view
returning "ok"), collects static files, then for the page cache on and off starts gunicorn
(``--workers 2``, sync) and runs ``wrk -t2 -c4 -d5s`` on the bare view and on each public page,
printing requests per second and the ratio to the bare view. With ``--mix`` it also starts
gunicorn with 4 workers and sends 200 connections (``wrk -c200``, a Lua script picking a random
public page per request) for at most 15 s, printing p50/p95/p99 and errors.

Bounded: every wrk run has a duration; servers listen on 127.0.0.1 only and are stopped at the end.
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
WRK = shutil.which("wrk") or "/usr/bin/wrk"

PAGES_SCRIPT = r"""
import json
from wagtail.models import Site
from courses.models import CourseIndexPage, CoursePage
from trainers.models import TrainerIndexPage, TrainerPage
from sops.models import SOPIndexPage, SOPPage
first = lambda qs: qs.live().order_by("pk").first()
pages = {
    "home": Site.objects.get(is_default_site=True).root_page,
    "/kelas/": first(CourseIndexPage.objects),
    "class page": first(CoursePage.objects),
    "/narasumber/": first(TrainerIndexPage.objects),
    "trainer page": first(TrainerPage.objects),
    "/sop/": first(SOPIndexPage.objects),
    "SOP page": first(SOPPage.objects),
}
urls = {label: page.url for label, page in pages.items() if page is not None}
urls["/cari/?q=kelas kreatif"] = "/cari/?q=kelas+kreatif"
print(json.dumps(urls))
"""

MIX_LUA = """
local paths = {%s}
math.randomseed(os.time())
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
done = function(summary, latency, requests)
  io.write(string.format(
    "MIX p50=%%.1f p95=%%.1f p99=%%.1f requests=%%d connect=%%d read=%%d write=%%d status=%%d timeout=%%d\\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end
"""


def run(cmd, env, **kwargs):
    return subprocess.run(cmd, env=env, cwd=ROOT, check=True, **kwargs)


def recreate_postgres(url):
    """An empty database for the demo site (the URL's database is dropped and created again)."""
    from urllib.parse import urlparse

    parts = urlparse(url)
    options = ["-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432), "-U", parts.username or "postgres"]
    name = parts.path.lstrip("/")
    subprocess.run(["dropdb", *options, "--if-exists", name], check=True)
    subprocess.run(["createdb", *options, name], check=True)


def clear_cache(env):
    run([PYTHON, "manage.py", "shell", "-c", "from django.core.cache import cache; cache.clear()"], env)


HAS_DEMO = "from courses.models import CoursePage; print(CoursePage.objects.exists())"


def prepare(env):
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], env)
    has_demo = run([PYTHON, "manage.py", "shell", "-c", HAS_DEMO], env, capture_output=True, text=True).stdout
    if has_demo.strip().splitlines()[-1] != "True":
        run([PYTHON, "manage.py", "load_demo"], env, stdout=subprocess.DEVNULL)
    if not Path(env["STATIC_ROOT"], "staticfiles.json").exists():
        run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], env)
    out = run([PYTHON, "manage.py", "shell", "-c", PAGES_SCRIPT], env, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def start_server(env, port, workers):
    process = subprocess.Popen(
        [
            GUNICORN,
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--log-level",
            "error",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_bare/", timeout=2).read()
            return process
        except OSError:
            time.sleep(0.3)
    stop_server(process)
    raise RuntimeError("gunicorn did not start")


def stop_server(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wrk(url, duration, connections=4, threads=2, script=None):
    cmd = [WRK, f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency"]
    if script:
        cmd += ["-s", script]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, timeout=duration + 30).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return rate, int(non2xx.group(1)) if non2xx else 0, out


def check(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200, (url, response.status)
        return response.headers


def bench_database(label, env, port, duration, mix, mix_duration):
    urls = prepare(env)
    rows = []
    for cached in (True, False):
        env_run = {**env, "PAGE_CACHE_ENABLED": "true" if cached else "false"}
        clear_cache(env_run)
        server = start_server(env_run, port, workers=2)
        try:
            base = f"http://127.0.0.1:{port}"
            bare, _errors, _out = wrk(f"{base}/_bare/", duration)
            for name, path in urls.items():
                headers = check(base + path)
                assert "Set-Cookie" not in headers, (name, headers.get("Set-Cookie"))
                rate, errors, _out = wrk(base + path, duration)
                rows.append((label, "cached" if cached else "uncached", name, rate, bare, rate / bare, errors))
                print(
                    f"{label:<22} {rows[-1][1]:<9} {name:<26} {rate:>9.1f} {bare:>9.1f} {rate / bare:>7.3f} {errors}"
                )
                sys.stdout.flush()
        finally:
            stop_server(server)
    mix_result = None
    if mix:
        server = start_server({**env, "PAGE_CACHE_ENABLED": "true"}, port, workers=4)
        try:
            with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
                script.write(MIX_LUA % ", ".join(json.dumps(path) for path in urls.values()))
            rate, errors, out = wrk(
                f"http://127.0.0.1:{port}/", mix_duration, connections=200, threads=2, script=script.name
            )
            line = re.search(r"MIX (.*)", out).group(1)
            socket_errors = re.search(r"Socket errors: (.*)", out)
            mix_result = f"{label}: {rate:.1f} req/s, {line}, non-2xx={errors}" + (
                f", socket errors: {socket_errors.group(1)}" if socket_errors else ""
            )
            print("200 connections, random public pages, 4 workers:", mix_result)
        finally:
            stop_server(server)
            os.unlink(script.name)
    return rows, mix_result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8750)
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run (at most 10)")
    parser.add_argument("--postgres", help="a PostgreSQL URL whose database may be emptied and refilled")
    parser.add_argument("--redis", help="a Redis URL for the cache with PostgreSQL")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument(
        "--workdir",
        help="keep the SQLite database, static and media files here and reuse them (and the PostgreSQL "
        "database) on the next run instead of building the demo site again",
    )
    parser.add_argument("--mix", action="store_true", help="also the 200-connection mix (PostgreSQL + Redis)")
    parser.add_argument("--mix-duration", type=int, default=10, help="seconds of the mix (at most 15)")
    args = parser.parse_args()
    duration, mix_duration = min(args.duration, 10), min(args.mix_duration, 15)
    if not Path(WRK).exists():
        sys.exit("wrk is not installed (apt-get install wrk)")

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="portal-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    base_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "PRIVATE_MEDIA_ROOT": str(work / "private"),
        "PYTHONPATH": str(ROOT),
    }
    base_env.pop("REDIS_URL", None)
    base_env.pop("DATABASE_URL", None)
    print(f"{'database':<22} {'cache':<9} {'page':<26} {'req/s':>9} {'bare':>9} {'ratio':>7} errors")
    mixes = []
    try:
        if not args.skip_sqlite:
            env = {**base_env, "DATABASE_URL": f"sqlite:///{work / 'bench.sqlite3'}"}
            _rows, mix = bench_database(
                "SQLite, locmem", env, args.port, duration, args.mix and not args.postgres, mix_duration
            )
            mixes.append(mix)
        if args.postgres:
            env = {**base_env, "DATABASE_URL": args.postgres}
            if args.redis:
                env["REDIS_URL"] = args.redis
            if not args.workdir:
                recreate_postgres(args.postgres)
            label = "PostgreSQL, Redis" if args.redis else "PostgreSQL, locmem"
            _rows, mix = bench_database(label, env, args.port, duration, args.mix, mix_duration)
            mixes.append(mix)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    for mix in filter(None, mixes):
        print("mix:", mix)


if __name__ == "__main__":
    main()
