"""The confidence model's weights (see confidence), written by
bench/train_confidence.py from PolNeAR train; empty, the confidence stage falls back to its
table by kind of link."""

from __future__ import annotations

BIAS = 0.7043
WEIGHTS: dict[str, float] = {
    "cue=according": 0.3184,
    "cue=saying": 0.6343,
    "distance": 0.6656,
    "full_name": 0.5315,
    "link=colon": 0.6001,
    "link=cue": 0.9326,
    "link=inverted": 1.4522,
    "link=paragraph": -0.305,
    "link=pronoun": -1.163,
    "link=role": -0.9038,
    "link=source": 0.1825,
    "link=transcript": -0.5847,
    "mentions": -0.2021,
    "others": -1.8335,
    "principal": 0.506,
    "source": 0.1825,
    "type=direct": 0.331,
    "type=indirect": -0.084,
    "type=mixed": -0.0363,
    "words": 0.6895,
}
