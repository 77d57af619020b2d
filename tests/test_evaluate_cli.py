"""warta eval end to end: gold loading, micro-averaging, the JSON shape, the command line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from warta.cli import main
from warta.doc import Document, Entity, Event, Mention, Quote, Sentence
from warta.errors import InputError
from warta.evaluate import evaluate, gold_paths, load_gold
from warta.evaluate_match import locate
from warta.pipeline import Pipeline, Stage

ARTICLE = (
    "Jakarta (ANTARA) - Indonesia mengecam serangan Israel terhadap kamp pengungsi di Rafah.\n\n"
    "Menteri Luar Negeri Retno Marsudi mengatakan bahwa serangan itu melanggar hukum internasional."
)


def oracle_document(gold: dict) -> Document:
    """The system output a perfect pipeline would give: built from the gold annotations themselves."""
    doc = Document(id=gold["id"], text=gold["text"], published=gold.get("published"))
    ids: dict[str, str] = {}
    for n, entity in enumerate(gold["entities"]):
        system = Entity(id=f"e{n}", name=entity["name"], type=entity["type"], actor=entity["actor"])
        for surface in entity["mentions"]:
            for start, end in locate(doc.text, surface)[:1]:
                doc.mentions.append(
                    Mention(f"m{len(doc.mentions)}", start, end, entity["type"], entity=system.id)
                )
                system.mentions.append(doc.mentions[-1].id)
        ids[entity["name"]] = system.id
        doc.entities.append(system)
    for n, quote in enumerate(gold["quotes"]):
        start, end = locate(doc.text, quote["contains"])[0]
        doc.quotes.append(Quote(f"q{n}", start, end, quote["direct"], speaker=ids.get(quote["speaker"])))
    for n, event in enumerate(gold["events"]):
        start, end = locate(doc.text, event["sentence"])[0]
        doc.sentences.append(Sentence(start, end, 0, 0, 0))
        doc.events.append(
            Event(
                f"v{n}",
                event["code"],
                len(doc.sentences) - 1,
                event["source"],
                event["target"],
                modality=event["modality"],
                date=event["date"],
            )
        )
    return doc


def oracle_pipeline(golds: dict[str, dict]) -> Pipeline:
    def run(doc: Document, res) -> Document:
        return oracle_document(golds[doc.id])

    return Pipeline([Stage("oracle", frozenset(), frozenset({"entities", "quotes", "events"}), run)])


def write_gold(folder, gold_id: str, **parts) -> dict:
    gold = {
        "format": 1,
        "id": gold_id,
        "language": "id",
        "published": "2024-05-27",
        "text": ARTICLE,
        "metadata": {},
        "entities": [],
        "quotes": [],
        "events": [],
    }
    gold.update(parts)
    (folder / f"{gold_id}.json").write_text(json.dumps(gold), encoding="utf-8")
    return gold


INDONESIA = {"name": "Indonesia", "type": "GPE", "mentions": ["Indonesia"], "actor": "IDN"}
ISRAEL = {"name": "Israel", "type": "GPE", "mentions": ["Israel"], "actor": "ISR"}
RETNO = {"name": "Retno Marsudi", "type": "PER", "mentions": ["Retno Marsudi"], "actor": "IDNGOV"}
CONDEMN = {
    "sentence": "Indonesia mengecam serangan Israel",
    "code": "111",
    "alt_codes": [],
    "source": "IDN",
    "target": "ISR",
    "symmetric": False,
    "modality": "asserted",
    "date": None,
    "place": None,
    "optional": False,
}


def test_evaluate_perfect_output_scores_one_on_dev_gold(gold_dir):
    """The scorer gives 1.0 everywhere to output that equals the gold (every gold sentence is found)."""
    golds = {g.id: g.data for g in map(load_gold, gold_paths([gold_dir]))}
    result = evaluate([gold_dir], pipeline=oracle_pipeline(golds)).to_dict()
    micro = result["micro"]
    assert result["files"] == len(golds)
    for part in ("entities", "quotes_direct", "quotes_indirect", "events"):
        assert micro[part]["f1"] == 1.0, part
    for name in ("actor_accuracy", "full_code_accuracy", "modality_accuracy", "date_accuracy"):
        assert micro[name] == 1.0, name
    scored = sum(1 for g in golds.values() for e in g["events"] if not e["optional"])
    assert micro["events"]["gold"] == scored


def test_evaluate_micro_average_and_json_shape(tmp_path):
    first = write_gold(tmp_path, "a", entities=[INDONESIA, ISRAEL], events=[CONDEMN])
    second = write_gold(
        tmp_path,
        "b",
        entities=[INDONESIA, ISRAEL, RETNO],
        quotes=[{"speaker": "Retno Marsudi", "direct": False, "contains": "melanggar hukum"}],
    )

    def run(doc: Document, res) -> Document:
        # file a: the perfect answer; file b: only Indonesia, no quote
        system = oracle_document(
            first if doc.id == "a" else {**second, "entities": [INDONESIA], "quotes": []}
        )
        return system

    pipeline = Pipeline([Stage("fake", frozenset(), frozenset({"entities"}), run)])
    result = evaluate([tmp_path], pipeline=pipeline).to_dict()
    assert set(result) >= {"files", "micro", "per_file"} and result["files"] == 2
    micro = result["micro"]
    assert set(micro) >= {
        "entities",
        "actor_accuracy",
        "quotes_direct",
        "quotes_indirect",
        "events",
        "full_code_accuracy",
        "modality_accuracy",
        "date_accuracy",
    }
    assert set(micro["entities"]) >= {"p", "r", "f1", "gold"}
    assert (micro["entities"]["tp"], micro["entities"]["sys"], micro["entities"]["gold"]) == (3, 3, 5)
    assert micro["entities"]["r"] == pytest.approx(0.6)
    assert micro["quotes_indirect"]["gold"] == 1 and micro["quotes_indirect"]["r"] == 0.0
    assert result["per_file"]["a"]["events"]["f1"] == 1.0
    assert result["per_file"]["b"]["entities"]["r"] == pytest.approx(1 / 3, abs=1e-4)


def test_evaluate_pipeline_failure_scores_as_empty(tmp_path):
    write_gold(tmp_path, "a", entities=[INDONESIA])

    def run(doc: Document, res) -> Document:
        raise RuntimeError("rusak")

    result = evaluate(
        [tmp_path], pipeline=Pipeline([Stage("broken", frozenset(), frozenset(), run)])
    ).to_dict()
    assert result["per_file"]["a"]["error"] == "RuntimeError: rusak"
    assert result["micro"]["entities"]["gold"] == 1 and result["micro"]["entities"]["tp"] == 0


def test_evaluate_bad_gold_files(tmp_path):
    (tmp_path / "rusak.json").write_text('{"id": ', encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        load_gold(tmp_path / "rusak.json")
    (tmp_path / "kurang.json").write_text(json.dumps({"id": "x", "text": "Teks."}), encoding="utf-8")
    with pytest.raises(InputError, match="lacks entities, quotes, events"):
        load_gold(tmp_path / "kurang.json")
    with pytest.raises(InputError, match="no such file"):
        gold_paths([tmp_path / "tidak-ada"])
    (tmp_path / "kosong").mkdir()
    with pytest.raises(InputError, match="no gold .json files"):
        gold_paths([tmp_path / "kosong"])


def test_evaluate_cli_missing_folder_is_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["eval", str(tmp_path / "tidak-ada")])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert "no such file or folder" in result.output


def test_evaluate_cli_json_and_table(tmp_path):
    write_gold(tmp_path, "uji-cli", entities=[INDONESIA], events=[CONDEMN])
    runner = CliRunner()
    result = runner.invoke(main, ["eval", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["files"] == 1 and data["micro"]["events"]["gold"] == 1 and "uji-cli" in data["per_file"]
    table = runner.invoke(main, ["eval", str(tmp_path / "uji-cli.json"), "--details", "--only", "events"])
    assert table.exit_code == 0, table.output
    assert "uji-cli" in table.stdout and "micro" in table.stdout
    # --details lists the gold event as missed exactly when the JSON says it was not found.
    found = data["micro"]["events"].get("tp", 0) == 1
    assert ("event missed:   111 IDN -> ISR" in table.stdout) is (not found)
    assert "ent F1" not in table.stdout  # --only events leaves the entity columns out
