"""The confidence model's weights (see confidence), written by
bench/train_confidence.py from PolNeAR train; empty, the confidence stage falls back to its
table by kind of link."""

from __future__ import annotations

BIAS = 1.1347
WEIGHTS: dict[str, float] = {
    "cue=according": 0.708,
    "cue=saying": 0.6218,
    "distance": 0.6563,
    "full_name": 0.5669,
    "link=colon": 0.3905,
    "link=continued": 2.5561,
    "link=coordinated": 0.3083,
    "link=cue": 0.4591,
    "link=inverted": 1.1538,
    "link=paragraph": -0.8513,
    "link=pronoun": -1.6639,
    "link=role": -0.9739,
    "link=source": -0.0544,
    "link=transcript": -0.8743,
    "mentions": -0.1638,
    "others": -1.8962,
    "principal": 0.3931,
    "source": -0.0544,
    "type=direct": 0.3771,
    "type=indirect": 0.0095,
    "type=mixed": 0.0635,
    "words": 0.5819,
}
