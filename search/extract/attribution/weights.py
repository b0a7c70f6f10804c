"""The confidence model's weights (see confidence), written by
bench/train_confidence.py from PolNeAR train; empty, the confidence stage falls back to its
table by kind of link."""

from __future__ import annotations

BIAS = 1.296
WEIGHTS: dict[str, float] = {
    "cue=according": 0.5902,
    "cue=saying": 0.6541,
    "distance": 0.5516,
    "full_name": 0.4738,
    "link=colon": 0.433,
    "link=continued": 2.5685,
    "link=coordinated": 0.3344,
    "link=cue": 0.471,
    "link=inverted": 1.1519,
    "link=paragraph": -0.882,
    "link=pronoun": -1.6984,
    "link=role": -1.0678,
    "link=source": 0.0089,
    "link=transcript": -0.8477,
    "mentions": 0.0608,
    "others": -1.8109,
    "principal": 0.5244,
    "source": 0.0089,
    "type=direct": 0.3266,
    "type=indirect": 0.0803,
    "type=mixed": 0.0649,
    "words": 0.3842,
}
