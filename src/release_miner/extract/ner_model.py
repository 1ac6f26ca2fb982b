"""The shipped names NER: the base pipeline's NER fine-tuned on press releases (see `ner_training`).

`apply` swaps the fine-tuned weights into a loaded base pipeline's ``ner``. It does so only
when that ``ner`` has the architecture the weights were trained with (the same component
config, as in any ``en_core_web_sm`` 3.8 build): the weights fit no other. Any other
pipeline keeps its own NER, and the rules in `persons` / `orgs` work on what it predicts.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from spacy.language import Language

#: Where the shipped model lives (``models/`` of the repository, package data when installed).
MODELS_DIR = Path(__file__).resolve().parent / "models"
MODEL_NAME = "names-ner-1.0.0"


def model_path() -> Path:
    return MODELS_DIR / MODEL_NAME


@lru_cache(maxsize=4)
def _meta(path: str) -> dict:
    return json.loads((Path(path) / "meta.json").read_text(encoding="utf-8"))


def ner_architecture(nlp: Language) -> dict:
    """The config of ``nlp``'s NER model: weights trained under one config fit only that config."""
    return json.loads(json.dumps(nlp.config["components"]["ner"]["model"], sort_keys=True, default=str))


def fits(nlp: Language, path: str | Path | None = None) -> bool:
    """Do the weights at ``path`` fit this pipeline's NER (same architecture)?"""
    path = Path(path or model_path())
    if not (path / "meta.json").exists() or "ner" not in nlp.pipe_names:
        return False
    return _meta(str(path)).get("architecture") == ner_architecture(nlp)


def apply(nlp: Language, path: str | Path | None = None) -> bool:
    """Load the fine-tuned NER into ``nlp`` when it fits; True when it did."""
    path = Path(path or model_path())
    if not fits(nlp, path):
        return False
    nlp.get_pipe("ner").from_disk(path / "ner", exclude=["vocab"])
    nlp.meta.setdefault("release_miner", {})["names_ner"] = _meta(str(path)).get("version")
    return True


__all__ = ["MODEL_NAME", "apply", "fits", "model_path"]
