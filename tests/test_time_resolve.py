"""Date expressions resolved against the publication date."""

from __future__ import annotations

import pytest

from warta.stages.time import resolve_dates


def _dates(hand_doc, resources, sentence, published):
    doc = hand_doc([sentence], [], published=published)
    return [(doc.span(d.start, d.end), d.iso, d.granularity) for d in resolve_dates(doc, resources)]


# 2023-07-11 is a Tuesday; 2019-09-19 a Thursday.
@pytest.mark.parametrize("sentence,published,expected", [
    ("Yoon tiba di Vilnius pada Senin untuk menghadiri KTT.", "2023-07-11", ("Senin", "2023-07-10", "day")),
    ("Menteri itu berbicara pada Selasa malam.", "2023-07-11", ("Selasa malam", "2023-07-11", "day")),
    ("Hal itu disampaikan pada Rabu (18/9).", "2019-09-19", ("Rabu (18/9)", "2019-09-18", "day")),
    ("Demikian dikutip pada Kamis (19/9/2019).", "2019-09-20", ("Kamis (19/9/2019)", "2019-09-19", "day")),
    ("Perjanjian itu diteken pada 11 Juli 2023 di Jakarta.", "2023-08-01", ("11 Juli 2023", "2023-07-11", "day")),
    ("Pemilu digelar tanggal 14 September lalu.", "2019-09-19", ("14 September", "2019-09-14", "day")),
    ("Kapal itu tiba kemarin di pelabuhan.", "2019-09-19", ("kemarin", "2019-09-18", "day")),
    ("Semalam, militer menembakkan rudal.", "2019-09-19", ("Semalam", "2019-09-18", "day")),
    ("Pasar dibuka kembali hari ini.", "2019-09-19", ("hari ini", "2019-09-19", "day")),
    ("Serangan terjadi Sabtu lalu di utara kota.", "2019-09-19", ("Sabtu lalu", "2019-09-14", "day")),
    ("Drone menyerang pada Sabtu dini hari pekan lalu.", "2019-09-19", ("Sabtu dini hari pekan lalu", "2019-09-14", "day")),
    ("Kedua menteri bertemu pekan lalu.", "2019-09-19", ("pekan lalu", "2019-W37", "week")),
    ("Mereka bertemu awal pekan ini.", "2019-09-19", ("awal pekan ini", "2019-W38", "week")),
    ("Harga minyak naik bulan lalu.", "2019-09-19", ("bulan lalu", "2019-08", "month")),
    ("Ekspor turun tahun lalu.", "2019-09-19", ("tahun lalu", "2018", "year")),
    ("Wilayah itu diduduki pada tahun 1967.", "2019-09-19", ("tahun 1967", "1967", "year")),
    ("Islamabad pada awal September menolak izin itu.", "2019-09-19", ("awal September", "2019-09", "month")),
    ("Gencatan senjata dimulai tiga hari lalu.", "2019-09-19", ("tiga hari lalu", "2019-09-16", "day")),
])
def test_time_resolve_expressions(hand_doc, resources, sentence, published, expected):
    assert _dates(hand_doc, resources, sentence, published) == [expected]


def test_time_resolve_future_day_with_akan(hand_doc, resources):
    found = _dates(hand_doc, resources, "Khan akan bertemu Trump pada Senin di New York.", "2019-09-19")
    assert found == [("Senin", "2019-09-23", "day")]


def test_time_resolve_day_month_wins_over_day_name(hand_doc, resources):
    # The credit says Tuesday 10/9 although the article is dated the 9th: the (d/m) part wins.
    found = _dates(hand_doc, resources, "Hal itu dilansir Sputnik pada Selasa (10/9).", "2019-09-09")
    assert found == [("Selasa (10/9)", "2019-09-10", "day")]


def test_time_resolve_date_that_names_an_event_is_skipped(hand_doc, resources):
    assert _dates(hand_doc, resources, "Sejak serangan 11 September, keamanan bandara diperketat.", "2019-09-11") == []


def test_time_resolve_relative_needs_publication_date(hand_doc, resources):
    assert _dates(hand_doc, resources, "Mereka bertemu pada Senin.", None) == []
    assert _dates(hand_doc, resources, "Mereka bertemu pada 2 Maret 2021.", None) == [("2 Maret 2021", "2021-03-02", "day")]


def test_time_resolve_lowercase_minggu_is_a_week_not_sunday(hand_doc, resources):
    assert _dates(hand_doc, resources, "Proyek itu selesai dalam dua minggu.", "2019-09-19") == []
