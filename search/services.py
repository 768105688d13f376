"""Search, type facets, promoted results and highlighted summaries for /cari/.

The engine is Wagtail's ``database`` backend, which chooses by database vendor: on PostgreSQL
``PostgresSearchBackend`` (tsvector index, ``@@`` matching, stemming by the text search
configuration — the server's ``default_text_search_config`` unless the backend's
``SEARCH_CONFIG`` names one such as ``indonesian`` — and ``ts_rank`` ordering with titles
weighted highest); on SQLite its FTS5 backend (a plain fallback where SQLite lacks FTS5).
``tests/search/test_backend.py`` checks both.
"""

import re
from dataclasses import dataclass

from modelsearch.utils import normalise_query_string

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

PAGE_SIZE = 10
SNIPPET_LENGTH = 240
# Fields a page may describe itself with, in order of preference; pages can also define
# ``search_summary`` (a property) to choose their own text.
SUMMARY_ATTRIBUTES = ("search_summary", "search_description", "summary", "introduction", "description")


@dataclass
class ResultType:
    key: str
    label: str
    count: int


@dataclass
class Result:
    page: Page
    type_label: str
    summary: str


def query_terms(query_string):
    return [term for term in re.split(r"\W+", query_string) if len(term) >= 2][:10]


def engine_query(query_string):
    """The words of ``query_string`` only, for the search engine.

    Visitors type anything: quotes, semicolons, ``AND``/``NEAR``, a lone ``*``, NUL bytes.
    SQLite's FTS5 reads such input as its own query syntax and fails (a 500), and PostgreSQL
    refuses NUL bytes; the words alone mean the same search and are safe on every backend.
    Operators FTS5 knows as bare words are lower-cased so they stay plain words.
    """
    words = re.findall(r"\w+", query_string.replace("_", " "))
    return " ".join(word.lower() if word in {"AND", "OR", "NOT", "NEAR"} else word for word in words[:20])


def highlight(text, terms, length=SNIPPET_LENGTH):
    """Escape ``text`` and wrap each occurrence of ``terms`` in ``<mark>``, around the first hit.

    Matching runs on the raw text and every piece is escaped separately, so a term can
    never match inside an HTML entity and nothing from the page reaches the output unescaped.
    """
    text = " ".join(strip_tags(text or "").split())
    if not text:
        return ""
    pattern = re.compile("|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)), re.I)
    start = 0
    first = pattern.search(text) if terms else None
    if first and first.start() > length // 3:
        start = text.rfind(" ", 0, first.start() - length // 3) + 1
    window = text[start : start + length]
    if start + length < len(text):
        window = window.rsplit(" ", 1)[0] + " …"
    if start:
        window = "… " + window
    if not terms:
        return escape(window)
    pieces, last = [], 0
    for match in pattern.finditer(window):
        pieces.append(escape(window[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(window[last:]))
    return mark_safe("".join(pieces))


def page_summary_text(page):
    for attribute in SUMMARY_ATTRIBUTES:
        value = getattr(page, attribute, None)
        if value is None or callable(value):
            continue
        value = str(value)
        if strip_tags(value).strip():
            return value
    return ""


def type_key(content_type):
    return f"{content_type.app_label}.{content_type.model}"


def type_label(content_type):
    """The type's plural name; a model that declares none is named in the singular.

    Django makes an undeclared plural by adding "s" to the translated name ("Berandas"),
    which is wrong in Indonesian, where a noun is the same in the plural.
    """
    model = content_type.model_class()
    if model is None:
        return content_type.name
    options = model._meta
    return capfirst(
        options.verbose_name_plural if "verbose_name_plural" in options.original_attrs else options.verbose_name
    )


def paginate(request, results):
    return Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))


def promotions(query_string):
    query = Query.objects.filter(query_string=normalise_query_string(query_string)).first()
    if query is None:
        return []
    return list(query.editors_picks.select_related("page").order_by("sort_order"))


def run_search(request, query_string, selected_type=""):
    """The page of results, the per-type counts and the editors' promoted results for a query."""
    empty = {"page": None, "results": [], "types": [], "promotions": [], "total": 0}
    query_string = engine_query(query_string or "")
    if not query_string:
        return empty
    pages = Page.objects.live().public()
    facets = pages.search(query_string).facet("content_type_id")
    types = []
    content_types = {}
    for content_type_id, count in facets.items():
        content_type = ContentType.objects.get_for_id(content_type_id)
        content_types[type_key(content_type)] = content_type
        types.append(ResultType(type_key(content_type), type_label(content_type), count))
    types.sort(key=lambda t: (-t.count, t.label))

    if selected_type in content_types:
        pages = pages.filter(content_type=content_types[selected_type])
    else:
        selected_type = ""
    page_obj = paginate(request, pages.search(query_string))
    terms = query_terms(query_string)
    ids = [page.pk for page in page_obj.object_list]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    results = []
    for pk in ids:
        page = specific.get(pk)
        if page is None:
            continue
        content_type = ContentType.objects.get_for_id(page.content_type_id)
        results.append(Result(page, type_label(content_type), highlight(page_summary_text(page), terms)))
    return {
        "page": page_obj,
        "results": results,
        "types": types,
        "promotions": promotions(query_string) if page_obj.number == 1 and not selected_type else [],
        "total": sum(t.count for t in types),
        "title_terms": terms,
    }
