"""Train the small CNN tagger that warta mixes with its CRF, export it to numpy and register it.

    nice python scripts/train_ner_neural.py                 # the shipped run (train splits, 5 epochs)
    nice python scripts/train_ner_neural.py --epochs 10     # longer; prints dev F1 after every epoch

Needs torch (CPU wheel, `pip install torch==2.13.0`) and gensim, the "train" extra; run time
never needs them: warta/ner_neural.py runs the exported weights in numpy. The network reads each
token's word vector (skip-gram vectors trained here with gensim on the same unlabelled text as
scripts/train_ner.py --embed-clusters), a character CNN, the word's shape and its news casing
bucket, then residual convolutions and a softmax over BIO labels. It trains on the *train* splits
only (NERP, NERGrit, idner-news-2k, NER-UI, Alfina; decontaminated as in train_ner.py), so the
dev splits stay free to choose the epoch and the CRF weight of the mix. The shipped model is
the checkpoint after --epochs epochs; --weight is written to manifest.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import numpy as np
from train_ner import DATA, OUT, _unlabelled_sentences, decontaminate, load_corpora

from warta.ner import NerModel, _lower_openers, file_sha256, score_spans
from warta.ner_features import is_cased, load_casing
from warta.ner_neural import LABELS, MAX_CHARS, UNKNOWN, word_shape

NEURAL_FILE = "neural.npz"
DILATIONS = (1, 2, 1, 3)


def encode(words, vocab, chars, casing, titles):
    """Word ids, padded character ids, shape ids, casing buckets and title flags (2 * after a
    title + is a title), as warta/ner_neural.py reads them."""
    cased = is_cased(words)
    if cased:
        words = _lower_openers(words, casing)
    wid = [vocab.get(w.lower(), UNKNOWN) for w in words]
    ch = np.zeros((len(words), MAX_CHARS), np.int64)
    for i, w in enumerate(words):
        text = w if len(w) <= MAX_CHARS else w[: MAX_CHARS // 2] + w[-(MAX_CHARS // 2):]
        ch[i, : len(text)] = [chars.get(c, UNKNOWN) for c in text]
    shapes = [word_shape(w) * 2 + int(cased) for w in words]
    buckets = [int(casing.get(w.lower(), 6)) for w in words]
    low = [w.lower() in titles for w in words]
    flags = [2 * (i > 0 and low[i - 1]) + low[i] for i in range(len(words))]
    return np.array(wid), ch, np.array(shapes), np.array(buckets), np.array(flags)


def build_model(torch, n_words, n_chars, emb0, hid, layers):
    nn = torch.nn

    class Tagger(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding(n_words, emb0.shape[1], padding_idx=0)
            self.emb.weight.data.copy_(torch.from_numpy(emb0))
            self.cemb = nn.Embedding(n_chars, 24, padding_idx=0)
            self.cconv = nn.Conv1d(24, 64, 3, padding=1)
            self.semb, self.bemb, self.temb = nn.Embedding(12, 8), nn.Embedding(7, 8), nn.Embedding(4, 8)
            self.inp = nn.Linear(emb0.shape[1] + 64 + 24, hid)
            self.convs = nn.ModuleList([nn.Conv1d(hid, hid, 3, padding=d, dilation=d) for d in DILATIONS[:layers]])
            self.out = nn.Linear(hid, len(LABELS))
            self.drop = nn.Dropout(0.4)

        def forward(self, wid, ch, sh, cb, tf):
            b, t = wid.shape
            c = self.cemb(ch.view(b * t, MAX_CHARS)).transpose(1, 2)
            c = torch.relu(self.cconv(c)).max(2).values.view(b, t, -1)
            mask = (wid > 0).float().unsqueeze(-1)
            x = torch.cat([self.emb(wid), c, self.semb(sh), self.bemb(cb), self.temb(tf)], -1)
            h = (torch.relu(self.inp(self.drop(x))) * mask).transpose(1, 2)
            m = mask.transpose(1, 2)
            for conv in self.convs:
                h = h + torch.relu(conv(self.drop(h))) * m  # padding stays zero, as numpy assumes
            return self.out(self.drop(h.transpose(1, 2)))

    return Tagger()


def batch(torch, items):
    t = max(len(i[0]) for i in items)
    wid, sh, cb, tf = (np.zeros((len(items), t), np.int64) for _ in range(4))
    ch = np.zeros((len(items), t, MAX_CHARS), np.int64)
    y = np.full((len(items), t), -100, np.int64)
    for k, (w, c, s, b, f, lab) in enumerate(items):
        n = len(w)
        wid[k, :n], ch[k, :n], sh[k, :n], cb[k, :n], tf[k, :n] = w, c, s, b, f
        if lab is not None:
            y[k, :n] = lab
    return [torch.from_numpy(a) for a in (wid, ch, sh, cb, tf, y)]


def export(model, vocab: list[str], chars: list[str], layers: int, path: Path) -> None:
    sd = {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()}
    arrays = {"vocab": np.array(vocab), "chars": np.array(chars), "word_emb": sd["emb.weight"].astype(np.float16),
              "char_emb": sd["cemb.weight"], "char_conv_w": sd["cconv.weight"].transpose(2, 1, 0).copy(),
              "char_conv_b": sd["cconv.bias"], "shape_emb": sd["semb.weight"], "bucket_emb": sd["bemb.weight"],
              "title_emb": sd["temb.weight"],
              "inp_w": sd["inp.weight"].T.copy(), "inp_b": sd["inp.bias"], "out_w": sd["out.weight"].T.copy(),
              "out_b": sd["out.bias"], "dilations": np.array(DILATIONS[:layers])}
    for k in range(layers):  # torch Conv1d (out, in, tap) -> (tap, in, out)
        arrays[f"conv{k}_w"] = sd[f"convs.{k}.weight"].transpose(2, 1, 0).copy()
        arrays[f"conv{k}_b"] = sd[f"convs.{k}.bias"]
    np.savez_compressed(path, **arrays)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--hid", type=int, default=128)
    ap.add_argument("--layers", type=int, default=3)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", default="nergrit=2 nerp=2")
    ap.add_argument("--w2v", type=Path, help="saved gensim KeyedVectors to use instead of training word2vec")
    ap.add_argument("--weight", type=float, default=0.5,
                    help="the network's weight in the sum of log scores (chosen on the dev splits)")
    args = ap.parse_args()
    import torch
    import torch.nn.functional as F
    from gensim.models import Word2Vec

    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    data = args.data.resolve()
    corpora = load_corpora(data, True)
    print("decontaminated (sentences dropped):", decontaminate(corpora), flush=True)
    started = time.time()
    if args.w2v:
        from gensim.models import KeyedVectors

        w2v = KeyedVectors.load(str(args.w2v))
    else:
        w2v = Word2Vec([s for s in _unlabelled_sentences(data, corpora) if s], vector_size=100, window=5,
                       min_count=3, sg=1, negative=10, epochs=5, workers=1, seed=1).wv
    print(f"word2vec: {len(w2v.index_to_key)} words, {time.time() - started:.0f}s", flush=True)
    vocab = ["<pad>", "<unk>", *w2v.index_to_key]
    emb0 = np.random.normal(0, 0.1, (len(vocab), 100)).astype(np.float32)
    emb0[0] = 0
    for i, w in enumerate(vocab[2:], 2):
        emb0[i] = w2v[w] / (np.linalg.norm(w2v[w]) + 1e-9)
    counts: dict[str, int] = {}
    for parts in corpora.values():
        for sent in parts.get("train", []):
            for w, _ in sent:
                for c in w:
                    counts[c] = counts.get(c, 0) + 1
    chars = ["<pad>", "<unk>", "<s>", *sorted(c for c, k in counts.items() if k >= 5)]
    vindex, cindex = {w: i for i, w in enumerate(vocab)}, {c: i for i, c in enumerate(chars)}
    casing = load_casing(OUT / "casing.tsv")
    titles = {line.split("\t")[1].strip() for line in (OUT / "lexicon.tsv").read_text(encoding="utf-8").splitlines()
              if line.startswith("title\t")}
    repeat = {k: int(v) for k, v in (pair.split("=") for pair in args.repeat.split())}
    train = []
    for name, parts in corpora.items():
        for sent in parts.get("train", []):
            enc = encode([w for w, _ in sent], vindex, cindex, casing, titles)
            train.extend([(*enc, np.array([LABELS.index(lab) for _, lab in sent]))] * repeat.get(name, 1))
    model = build_model(torch, len(vocab), len(chars), emb0, args.hid, args.layers)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    for epoch in range(args.epochs):
        t0 = time.time()
        random.shuffle(train)
        order = sorted(range(len(train)), key=lambda i: len(train[i][0]) + random.random() * 4)
        batches = [order[k : k + 32] for k in range(0, len(order), 32)]
        random.shuffle(batches)
        model.train()
        for ids in batches:
            b = batch(torch, [train[i] for i in ids])
            loss = F.cross_entropy(model(*b[:5]).reshape(-1, len(LABELS)), b[5].reshape(-1), ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
        print(f"epoch {epoch + 1} done in {time.time() - t0:.0f}s", flush=True)
    path = args.out / NEURAL_FILE
    export(model, vocab, chars, args.layers, path)
    manifest_path = args.out / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["neural"] = {"file": NEURAL_FILE, "sha256": file_sha256(path), "weight": args.weight,
                          "trained": time.strftime("%Y-%m-%d"), "epochs": args.epochs, "hidden": args.hid,
                          "layers": args.layers, "seed": args.seed, "repeat": repeat, "splits": "train"}
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    # dev scores of the mix as shipped (CRF of the folder + this network); the CRF in the folder
    # is trained on train + dev, so a dev score here is optimistic: choices were made with a
    # train-only CRF (see MODEL_CARD.md)
    ner = NerModel.load(args.out)
    for name in ("nerp", "nergrit", "idner"):
        sents = corpora[name]["dev"]
        pred = [ner.tag([w for w, _ in s]) for s in sents]
        f1 = score_spans([[lab for _, lab in s] for s in sents], pred).as_dict()["micro"]["f1"]
        print(f"{name:8s} dev micro F1 (mix) {f1:.3f}")
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB) and manifest.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
