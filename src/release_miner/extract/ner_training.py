"""Fine-tune the base pipeline's NER for PERSON/ORG on annotated releases (never needed at run time).

The small English pipeline's NER was trained on newswire; press releases name people and
bodies in their own ways (titles glued to names, Korean romanisations, long agency names,
district governments). Fine-tuning it on annotated releases (`ner_data.examples`) teaches
those, while the other labels it keeps from the base model's own predictions hold what it
knew. The NER is fine-tuned inside the installed base pipeline, so the vocabulary and the
lexical features (NORM, PREFIX, SUFFIX, SHAPE) are those of run time, and the component's
weights load straight back into the same pipeline (`ner_model.apply`).

Hyperparameters live in ``training/names-ner.cfg`` (spaCy's config format).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import minibatch
from thinc.api import Adam, Config, fix_random_seed

from .ner_data import examples as make_examples

DEFAULT_CONFIG = Path(__file__).resolve().parents[3] / "training" / "names-ner.cfg"


def read_config(path: str | Path = DEFAULT_CONFIG) -> dict:
    """The training settings (``[base]`` and ``[training]``) of a config file."""
    return dict(Config().from_disk(path))


def load_records(path: str | Path) -> list[dict]:
    """Gold records of a JSON Lines file (the annotation format of ``docs``; see `ner_data`)."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append(json.loads(line))
    return out


def train(records: Iterable[dict], config: dict | None = None,
          progress: Callable[[str], None] | None = None) -> Language:
    """The base pipeline with its NER fine-tuned on ``records``; other components untouched."""
    config = config or read_config()
    settings = config["training"]
    fix_random_seed(int(settings["seed"]))
    nlp = spacy.load(config["base"]["model"], exclude=["lemmatizer"])
    with nlp.select_pipes(enable=["ner"]):
        data = make_examples(nlp, records)
        optimizer = Adam(learn_rate=float(settings["learn_rate"]), use_averages=True, L2=0.01, grad_clip=1.0,
                         L2_is_weight_decay=True)
        rng = random.Random(int(settings["seed"]))
        for epoch in range(int(settings["epochs"])):
            rng.shuffle(data)
            losses: dict[str, float] = {}
            for batch in minibatch(data, size=int(settings["batch_size"])):
                nlp.update(batch, drop=float(settings["dropout"]), sgd=optimizer, losses=losses)
            if progress:
                progress(f"epoch {epoch + 1}: ner loss {losses.get('ner', 0.0):.1f} ({len(data)} paragraphs)")
        _keep_averages(nlp.get_pipe("ner").model, optimizer.averages)
    return nlp


def _keep_averages(model, averages: dict) -> None:
    """Replace the weights by their running averages over training (steadier than the last step's)."""
    for node in model.walk():
        for name in node.param_names:
            key = (node.id, name)
            if key in averages:
                node.set_param(name, averages[key].copy())


def save(nlp: Language, target: str | Path, meta: dict) -> Path:
    """Write the fine-tuned NER component (weights, labels) and its metadata to ``target``."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    nlp.get_pipe("ner").to_disk(target / "ner", exclude=["vocab"])  # hashed features: no strings needed
    (target / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return target


__all__ = ["DEFAULT_CONFIG", "load_records", "read_config", "save", "train"]
