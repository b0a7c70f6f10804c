"""The confidence model's weights (see confidence), written by
bench/train_confidence.py from PolNeAR train; empty, the confidence stage falls back to its
table by kind of link."""

from __future__ import annotations

BIAS = 0.8088
WEIGHTS: dict[str, float] = {
    "cue=according": 0.805,
    "cue=saying": 0.6836,
    "distance": 0.6375,
    "full_name": 0.6311,
    "link=colon": 0.6379,
    "link=cue": 1.013,
    "link=inverted": 1.5541,
    "link=paragraph": -0.2291,
    "link=pronoun": -1.19,
    "link=role": -0.8312,
    "link=source": -0.1479,
    "link=transcript": -0.4969,
    "mentions": -0.4958,
    "others": -1.7121,
    "principal": -1.515,
    "source": -0.1479,
    "type=direct": 0.4296,
    "type=indirect": -0.0396,
    "type=mixed": -0.0801,
    "words": 0.385,
}
