"""The confidence model's weights (see confidence), written by
bench/train_confidence.py from PolNeAR train; empty, the confidence stage falls back to its
table by kind of link."""

from __future__ import annotations

BIAS = 0.5526
WEIGHTS: dict[str, float] = {
    "cue=according": 0.6667,
    "cue=saying": 0.6783,
    "distance": 0.5282,
    "full_name": 0.6996,
    "link=colon": 0.8125,
    "link=cue": 1.3343,
    "link=inverted": 1.8958,
    "link=paragraph": -0.1238,
    "link=pronoun": -1.0362,
    "link=role": -2.549,
    "link=source": 0.0481,
    "link=transcript": -0.1846,
    "mentions": -0.4984,
    "others": -1.6991,
    "principal": -1.5025,
    "source": 0.0481,
    "type=direct": 0.372,
    "type=indirect": -0.0542,
    "type=mixed": -0.1206,
    "words": 0.2743,
}
