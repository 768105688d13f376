"""The SOP library's data files: every SOP of shared/sop/, strictly parsed, quirks kept for staff only."""

import re
from decimal import Decimal

import pytest

from django.utils import translation

from sops import durations, library

# Words that mark an unfinished transcription and must never reach a public page.
PUBLIC_FIELDS_QUIRKS = re.compile(r"terpotong|…|\(\s*\)|/\s+/|\bsdh\b|Nomor\d", re.IGNORECASE)


def public_texts(entry):
    texts = [entry.title, entry.warning, entry.records, *entry.qualifications, *entry.equipment]
    texts += entry.adoptable_legal_basis + [related.title for related in entry.related_sops]
    for step in entry.steps:
        texts += [step.activity, *step.actors, step.requirements, step.quality_standard, step.output, step.note]
        texts += [step.per_unit, step.printed_time]
    return [text for text in texts if text]


def test_every_source_sop_is_in_the_library():
    entries = library.entries()
    assert [entry.path.name[:5] for entry in entries] == [
        "000-i",
        "001-i",
        "002-p",
        "003-p",
        "004-1",
        "004-2",
        "004-3",
        "004-4",
        "004-5",
        "004-6",
        "004-7",
    ]
    steps = {entry.key: len(entry.steps) for entry in entries}
    assert steps == {
        "inovasi-kelas-kreatif": 5,
        "izin-penyelenggaraan-kursus-dan-pelatihan": 9,
        "penyelenggaraan-kegiatan-pengembangan-kompetensi-teknis": 19,
        "penyelenggaraan-pelatihan-blk": 11,
        "pelaksanaan-kegiatan-diklat": 10,
        "permintaan-narasumber": 5,
        "penyiapan-bahan-materi-diklat": 8,
        "penyiapan-sarana-dan-prasarana-diklat": 7,
        "bimbingan-dan-pendampingan-di-lapangan": 7,
        "layanan-konsultasi-dan-informasi-pasca-pelatihan": 7,
        "pendaftaran-narasumber": 5,
    }
    assert {entry.procedure for entry in entries if entry.procedure} == {
        "enrolment",
        "course_licence",
        "trainer_request",
        "trainer_registration",
        "consultation",
        "material_preparation",
        "regional_training",
        "training_facilities",
    }
    assert library.for_procedure("course_licence").key == "izin-penyelenggaraan-kursus-dan-pelatihan"
    assert library.for_procedure("nothing") is None
    with pytest.raises(KeyError):
        library.get("nothing")


def test_times_and_totals_as_printed():
    with translation.override("id"):
        licence = library.get("izin-penyelenggaraan-kursus-dan-pelatihan")
        # The source prints "4 Hari 1 Jam 13 Menit (5 Hari)"; its steps add up to 4 days 78 minutes.
        assert str(licence.total_range()) == "4 hari 1 jam 18 menit"
        assert licence.source.stated_total == "4 Hari 1 Jam 13 Menit (5 Hari)"
        assert "4 hari 1 jam 18 menit" in licence.staff_notes()
        day = library.get("penyelenggaraan-kegiatan-pengembangan-kompetensi-teknis")
        assert (
            day.total_range().low.minutes == Decimal(1215) == durations.parse_simple(day.source.stated_total).minutes
        )
        kelas = library.get("inovasi-kelas-kreatif")
        evaluation = kelas.step("4")
        assert (evaluation.time_value, evaluation.time_value_max, evaluation.time_unit) == (30, 60, "minutes")
        assert evaluation.printed_time == "30 menit - 1 jam"
        week = library.get("penyelenggaraan-pelatihan-blk").step("7")
        assert (week.time_value, week.time_unit, week.printed_time) == (5, "working_days", "1 minggu")
    diklat = library.get("pelaksanaan-kegiatan-diklat")
    assert diklat.step_labels() == ["1", "2", "3", "4", "5", "6", "7", "9", "8", "9"]


def test_quirks_are_for_staff_only():
    for entry in library.entries():
        for text in public_texts(entry):
            assert not PUBLIC_FIELDS_QUIRKS.search(text), (entry.key, text)
        assert "Diadopsi dari pustaka SOP" in entry.staff_notes()
    narsum = library.get("permintaan-narasumber")
    assert narsum.source.number == "061/ /DISKOPUKM"
    assert "061/ /DISKOPUKM" in narsum.staff_notes()
    assert "DiskopUKM" not in narsum.records
    # Step 5: the head of section routes, the technical officer sends the letter.
    assert narsum.step("5").actors == ("Eselon/Fungsional Khusus", "Petugas Teknis")
    # The Kalimantan Barat regulations bind only the source; the national ones are adopted.
    assert narsum.adoptable_legal_basis == [
        "Undang-undang Nomor 23 Tahun 2014 tentang Pemerintah Daerah",
        "Undang-undang Nomor 11 Tahun 2020 tentang Cipta Kerja",
    ]
    assert "Peraturan Gubernur Nomor 125 Tahun 2021" in narsum.staff_notes()
    consultation = library.get("layanan-konsultasi-dan-informasi-pasca-pelatihan")
    assert "(terpotong)" in consultation.staff_notes()
    licence = library.get("izin-penyelenggaraan-kursus-dan-pelatihan")
    assert "intanbjb.banjarbarukota.go.id" in licence.staff_notes()
    assert "intanbjb" not in licence.step("1").activity


def test_licence_documents_of_step_one():
    documents = library.get("izin-penyelenggaraan-kursus-dan-pelatihan").required_documents()
    assert len(documents) == 9
    assert [d.name for d in documents if not d.required] == ["Rekomendasi organisasi mitra"]
    assert {d.accepts for d in documents} == {"documents", "pdf", "images"}


GOOD = """
key: contoh
title: Contoh
source: {office: Dinas Contoh}
steps:
  - {number: 1, activity: Menerima surat, actor: Petugas Teknis, time: 5-10 menit}
"""


@pytest.mark.parametrize(
    "change, message",
    [
        (("title: Contoh", "title: Contoh\ncolour: red"), "unknown field(s) colour"),
        (("time: 5-10 menit", "time: sebentar"), "time it cannot read"),
        (("time: 5-10 menit", "time: 10-5 menit"), "time it cannot read"),
        (("number: 1", "number: 2"), "number the steps 1, 2, 3"),
        (("actor: Petugas Teknis", "actor: ''"), "misses actor"),
        (("key: contoh", "key: Contoh SOP"), "must be a slug"),
        (("source: {office: Dinas Contoh}", "source: {office: Dinas Contoh, nomor: 1}"), "unknown field(s) nomor"),
    ],
)
def test_a_malformed_file_is_refused_with_its_name(tmp_path, change, message):
    path = tmp_path / "999-contoh.yaml"
    path.write_text(GOOD.replace(*change), encoding="utf-8")
    with pytest.raises(library.LibraryError, match=re.escape(message)) as error:
        library.parse_file(path)
    assert str(error.value).startswith("999-contoh.yaml: ")


def test_a_good_file_and_cross_file_checks(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    entry = library.parse_file(tmp_path / "a.yaml")
    assert (entry.steps[0].time_value, entry.steps[0].time_value_max) == (5, 10)
    (tmp_path / "b.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(library.LibraryError, match="also used by a.yaml"):
        library.load(tmp_path)
    (tmp_path / "b.yaml").write_text(
        GOOD.replace("key: contoh", "key: lain") + "related_sops: [{title: X, key: tidak-ada}]\n", encoding="utf-8"
    )
    with pytest.raises(library.LibraryError, match="unknown key 'tidak-ada'"):
        library.load(tmp_path)
