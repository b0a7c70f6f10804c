"""The confidence model's weights (see confidence), written by
bench/train_confidence.py from PolNeAR train; empty, the confidence stage falls back to its
table by kind of link."""

from __future__ import annotations

BIAS = 0.451
WEIGHTS: dict[str, float] = {
    "cue=according": -0.9055,
    "cue=saying": 0.6818,
    "distance": 0.6219,
    "full_name": 0.7527,
    "link=colon": 0.7959,
    "link=cue": 1.3272,
    "link=inverted": 1.9109,
    "link=paragraph": -0.0907,
    "link=pronoun": -1.0282,
    "link=role": -2.5286,
    "link=source": -0.0658,
    "link=transcript": -0.1585,
    "mentions": -0.4791,
    "others": -1.7379,
    "principal": -1.2911,
    "source": -0.0658,
    "type=direct": 0.3718,
    "type=indirect": -0.0812,
    "type=mixed": -0.1283,
    "words": 0.287,
}
