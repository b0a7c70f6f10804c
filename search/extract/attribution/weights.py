"""The confidence model's weights (see confidence), written by
bench/train_confidence.py from PolNeAR train; empty, the confidence stage falls back to its
table by kind of link."""

from __future__ import annotations

BIAS = 0.7434
WEIGHTS: dict[str, float] = {
    "cue=according": 0.3735,
    "cue=saying": 0.7366,
    "distance": 0.5498,
    "full_name": 0.572,
    "link=colon": 0.6563,
    "link=cue": 0.8884,
    "link=inverted": 1.4379,
    "link=paragraph": -0.2653,
    "link=pronoun": -1.2638,
    "link=role": -0.9106,
    "link=source": 0.2245,
    "link=transcript": -0.5314,
    "mentions": -0.2304,
    "others": -1.8125,
    "principal": 0.5675,
    "source": 0.2245,
    "type=direct": 0.3709,
    "type=indirect": -0.0169,
    "type=mixed": -0.1181,
    "words": 0.4725,
}
