"""The confidence model's weights (see confidence), written by
bench/train_confidence.py from PolNeAR train; empty, the confidence stage falls back to its
table by kind of link."""

from __future__ import annotations

BIAS = 1.2746
WEIGHTS: dict[str, float] = {
    "cue=according": 0.5791,
    "cue=saying": 0.6421,
    "distance": 0.5441,
    "full_name": 0.4828,
    "link=colon": 0.4482,
    "link=continued": 2.5581,
    "link=coordinated": 0.3593,
    "link=cue": 0.4759,
    "link=inverted": 1.1769,
    "link=paragraph": -0.8946,
    "link=pronoun": -1.7416,
    "link=role": -1.1114,
    "link=source": 0.0096,
    "link=transcript": -0.8664,
    "mentions": 0.0613,
    "others": -1.8614,
    "principal": 0.5347,
    "source": 0.0096,
    "type=direct": 0.2964,
    "type=indirect": 0.0606,
    "type=mixed": 0.0571,
    "words": 0.4557,
}
