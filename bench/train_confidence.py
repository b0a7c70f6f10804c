"""Learn the attribution confidence model on PolNeAR train (into attribution/weights.py).

    .venv/bin/pip install -e '.[train]'   # scikit-learn, for this command only
    .venv/bin/python bench/train_confidence.py [--shared ../shared] [--split train]

Each quote that the shared scorer judges (tools/score_quotes.py: an annotated attribution under
it whose source is no pronoun, and a speaker) is an example: its evidence (confidence.features)
and whether its speaker is right. A logistic regression over them gives the weights; they are
written as a Python module (a few dozen numbers), so extraction needs no library and no file to
read at run time. Extraction without the module's weights falls back to a table by kind of link.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from quote_gold import REPO, SHARED, extract_split, judged, split_dir
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

WEIGHTS = REPO / "search" / "extract" / "attribution" / "weights.py"
HEADER = '''"""The confidence model's weights (see confidence), written by
bench/train_confidence.py from PolNeAR train; empty, the confidence stage falls back to its
table by kind of link."""

from __future__ import annotations

'''


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--split", default="train")
    args = ap.parse_args()
    path = split_dir(args.shared, args.split)
    examples = judged(args.shared, path, extract_split(path))
    labels = [int(right) for _, _, right in examples]
    vectors = DictVectorizer(sparse=False)
    x = vectors.fit_transform([evidence for _, evidence, _ in examples])
    model = LogisticRegression(C=1.0, max_iter=2000).fit(x, labels)
    weights = {
        name: round(float(w), 4)
        for name, w in sorted(zip(vectors.get_feature_names_out(), model.coef_[0], strict=True))
    }
    body = "".join(f'    "{name}": {w},\n' for name, w in weights.items())
    WEIGHTS.write_text(
        HEADER
        + f"BIAS = {round(float(model.intercept_[0]), 4)}\n"
        + f"WEIGHTS: dict[str, float] = {{\n{body}}}\n",
        encoding="utf-8",
    )
    share = sum(labels) / max(1, len(labels))
    print(
        f"{len(labels)} judged quotes on {args.split}, {share:.3f} right; "
        f"accuracy of the fit {model.score(x, labels):.3f}; wrote {WEIGHTS.relative_to(REPO)}"
    )


if __name__ == "__main__":
    main()
