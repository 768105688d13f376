import pytest

from sops.factories import SOPIndexPageFactory, SOPPageFactory, SOPStepFactory


@pytest.fixture
def home(db):
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def starter(db):
    """A fresh installation: ``setup_portal`` for an office that is not the demo's."""
    import io

    from django.core.management import call_command

    call_command(
        "setup_portal",
        interactive=False,
        office_name="Dinas Pendidikan dan Kebudayaan Kabupaten Contoh",
        unit_name="Bidang Pelatihan",
        head_name="Drs. Ahmad Santoso, M.Si.",
        head_title="Kepala Dinas Pendidikan dan Kebudayaan",
        head_rank="Pembina Utama Muda",
        head_nip="196805121994031007",
        stdout=io.StringIO(),
    )


@pytest.fixture
def demo_sops(db):
    """The demo office's SOPs, on top of its setup (as ``load_demo`` does)."""
    import io

    from django.core.management import call_command

    from portal.demo import DEMO_OFFICE
    from sops.demo import load

    call_command("setup_portal", interactive=False, stdout=io.StringIO(), **DEMO_OFFICE)
    return load()


@pytest.fixture
def licence(home):
    """SOP 001 as printed: the steps sum to 4 days 78 minutes but the document says 4 h 1 h 13 min."""
    index = SOPIndexPageFactory(parent=home)
    page = SOPPageFactory(
        parent=index,
        title="Izin Kursus",
        stated_total="4 Hari 1 Jam 13 Menit (5 Hari)",
        procedure_code="course_licence",
        steps=[],
    )
    times = [
        (30, "minutes"),
        (10, "minutes"),
        (10, "minutes"),
        (4, "days"),
        (10, "minutes"),
        (5, "minutes"),
        (5, "minutes"),
        (5, "minutes"),
        (3, "minutes"),
    ]
    actors = [
        "Pemohon",
        "Front Office",
        "Back Office",
        "Dinas Teknis",
        "Back Office",
        "Kabid Perizinan",
        "Sekretaris",
        "Kepala Dinas",
        "Pemohon",
    ]
    for number, ((value, unit), actor) in enumerate(zip(times, actors, strict=True), start=1):
        SOPStepFactory(page=page, number=number, sort_order=number, time_value=value, time_unit=unit, actor=actor)
    return page
