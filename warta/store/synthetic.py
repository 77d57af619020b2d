"""Synthetic Indonesian wire-style articles for ingest tests and benchmarks.

Each article reports one of a few stories; several outlets report the same story in their own
words, as real wires do, so cross-article dedup has something to merge. ``truth`` gives the
event each article reports (CAMEO code, actor codes, date), for tests that build processed
Documents without running the pipeline.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from ..doc import Document, Event, Metadata, Place

OUTLETS = (("Kantor Berita Nusantara", "kbn.example.id"), ("Harian Merdeka Pagi", "merdekapagi.example.id"),
           ("Warta Kota Timur", "wartatimur.example.id"), ("Suara Pesisir", "suarapesisir.example.id"))
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
PLACES = (("Jakarta", -6.2, 106.8), ("Surabaya", -7.25, 112.75), ("Makassar", -5.13, 119.41),
          ("Medan", 3.59, 98.67), ("Denpasar", -8.65, 115.22))


@dataclass(frozen=True)
class Story:
    code: str
    source: str
    target: str
    symmetric: bool
    leads: tuple[str, ...]  # alternative wordings of the lead sentence ({place}, {day}, {n})
    follow: tuple[str, ...]  # sentences that may follow the lead


STORIES = (
    Story("036", "IDNGOV", "JPNGOV", True, (
        "Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Jepang di {place} pada {day}.",
        "Menlu RI dan Menlu Jepang bertemu di {place}, {day}, membahas kerja sama maritim.",
    ), (
        "Kedua menteri membahas kerja sama perikanan dan keamanan laut.",
        "\"Kami sepakat memperkuat patroli bersama di perairan perbatasan,\" kata Menlu RI kepada wartawan.",
        "Pertemuan itu berlangsung sekitar {n} menit di ruang rapat utama.",
    )),
    Story("173", "IDNCOP", "IDNCRM", False, (
        "Polisi menangkap {n} tersangka pengedar sabu di {place} pada {day}.",
        "Kepolisian Daerah meringkus {n} orang yang diduga mengedarkan narkoba di {place}, {day}.",
    ), (
        "Petugas menyita barang bukti berupa {n} paket sabu dan sepeda motor.",
        "\"Para tersangka sudah kami tahan untuk pemeriksaan lebih lanjut,\" ujar juru bicara polisi.",
        "Penangkapan ini merupakan pengembangan kasus sebelumnya.",
    )),
    Story("071", "IDNGOV", "IDNCVL", False, (
        "Pemerintah menyerahkan bantuan beras kepada warga korban banjir di {place} pada {day}.",
        "Bantuan pangan dari pemerintah tiba untuk warga terdampak banjir di {place}, {day}.",
    ), (
        "Sebanyak {n} bidang tanah warga terendam air setinggi satu meter.",
        "\"Bantuan akan terus kami salurkan sampai air surut,\" kata bupati setempat.",
        "Warga mengungsi ke balai desa dan masjid terdekat.",
    )),
    Story("112", "IDNOPP", "IDNGOV", False, (
        "Anggota DPR mengkritik kebijakan impor garam pemerintah dalam rapat di {place} pada {day}.",
        "Kebijakan impor garam dikritik anggota dewan dalam rapat kerja di {place}, {day}.",
    ), (
        "Menurut mereka, impor merugikan {n} ribu petambak garam.",
        "\"Pemerintah seharusnya menyerap garam rakyat lebih dulu,\" kata seorang anggota komisi.",
        "Rapat itu dihadiri pejabat kementerian perdagangan.",
    )),
)


@dataclass
class SyntheticArticle:
    id: str
    title: str
    text: str
    url: str
    outlet: str
    published: str
    story: Story
    place: tuple[str, float, float]

    def to_json(self) -> dict[str, str]:
        """The JSONL record (field names as common scrapes use them)."""
        return {"id": self.id, "title": self.title, "content": self.text, "url": self.url,
                "publisher": self.outlet, "date": self.published}

    def to_document(self) -> Document:
        """A Document as if the pipeline had found the story's event in the lead sentence."""
        name, lat, lon = self.place
        event = Event(id="e1", code=self.story.code, sentence=0, source=self.story.source, target=self.story.target,
                      symmetric=self.story.symmetric, date=self.published, is_root=True,
                      base_code=self.story.code[:3], root_code=self.story.code[:2],
                      place=Place(name=name, country="IDN", latitude=lat, longitude=lon, feature="city"))
        meta = Metadata(title=self.title, url=self.url, outlet=self.outlet)
        return Document(id=self.id, text=self.text, published=self.published, metadata=meta, events=[event])


def make_articles(count: int, seed: int = 7, start: date = date(2019, 9, 9), days: int = 5) -> list[SyntheticArticle]:
    """``count`` articles spread over ``days`` days; the same story on the same day recurs across outlets."""
    rng = random.Random(seed)
    out = []
    for index in range(count):
        story = rng.choice(STORIES)
        day = start + timedelta(days=rng.randrange(days))
        outlet, domain = rng.choice(OUTLETS)
        # The place belongs to the story and day, so outlets reporting the same event agree on it.
        place = PLACES[(STORIES.index(story) + day.toordinal()) % len(PLACES)]
        fill = {"place": place[0], "day": DAYS[day.weekday()], "n": rng.randint(2, 90)}
        lead = rng.choice(story.leads).format(**fill)
        follow = rng.sample(story.follow, k=rng.randint(1, len(story.follow)))
        dateline = f"{place[0].upper()} ({outlet.split()[-1].upper()}) - "
        # A serial number keeps every article's text distinct (no accidental content duplicates).
        trailer = f"(Laporan {index + 1:05d})"
        text = dateline + " ".join([lead, *(s.format(**fill) for s in follow), trailer])
        title = lead.split(" di ")[0].rstrip(".")
        out.append(SyntheticArticle(
            id=f"syn-{index + 1:05d}", title=title, text=text, url=f"https://{domain}/berita/{day:%Y/%m/%d}/{index + 1}",
            outlet=outlet, published=day.isoformat(), story=story, place=place,
        ))
    return out
