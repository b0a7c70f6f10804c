"""The docs say what the code does: every variable the code and scripts read is in
docs/configuration.md (and nothing else is), every command in the README and docs/ parses as
written, every relative link lands, and docs/architecture.md names every module.

No node is needed: commands are parsed, not run. A `dateline` command goes through its own
click parser, a script through `bash -n` and the arguments it accepts, a benchmark through its
argparse options, and a curl through the app itself, with an engine that cannot be reached: a
route or an argument the app does not know answers 404 or 422, a known one 503 (or 200 when it
needs no engine).
"""

from __future__ import annotations

import ast
import itertools
import re
import shlex
import subprocess
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import click
import pytest
from elastic_transport import TransportError
from flask import Flask

from api import create_app
from search.cli.commands import main as dateline
from search.config import EsSettings

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
PAGES = [REPO / "README.md", *sorted(DOCS.glob("*.md"))]
CONFIGURATION = DOCS / "configuration.md"
ARCHITECTURE = DOCS / "architecture.md"
CODE = ["search", "api", "deploy", "bench", "tests", "docs"]
SERVED = "http://127.0.0.1:8000"  # where deploy/run.sh serves, as the README's curls say
IMAGE_LIMIT = 200_000  # bytes: the docs' pictures stay small in every clone

# A Dateline setting is named in full wherever it is read: `os.environ.get(...)`, `${...:-}`,
# click's `envvar=`, and `f"{name}_FILE"` (whose full names the docstring beside it gives).
SETTING = re.compile(r"(?<![A-Za-z0-9_])DATELINE_[A-Z0-9_]*[A-Z0-9](?![A-Za-z0-9_])")
# Other variables: read by name from the environment in Python, or expanded by a script.
ENV_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
SHELL_DEFAULTED = re.compile(r"\$\{([A-Z][A-Z0-9_]*)(?::?[-=+?])")
SHELL_EXPANDED = re.compile(r"\$\{?([A-Z][A-Z0-9_]*)")
BASH = "#!/usr/bin/env bash"  # the first line of a script without the .sh suffix (.ci/run)
# Set by bash itself, not by whoever runs the script.
BASH_OWN = {"BASH_SOURCE", "BASHPID", "EUID", "UID", "PPID", "RANDOM", "SECONDS", "LINENO"}
BASH_OWN |= {"PIPESTATUS", "FUNCNAME", "OPTARG", "OPTIND", "IFS", "REPLY", "PWD", "OLDPWD"}


def _code_files() -> Iterator[Path]:
    for top in CODE:
        for path in sorted((REPO / top).rglob("*")):
            if path.suffix in {".py", ".sh", ".conf"} and path != Path(__file__).resolve():
                yield path
    yield REPO / ".ci" / "run"


def _is_shell(path: Path) -> bool:
    return path.suffix == ".sh" or path.read_text(encoding="utf-8").startswith(BASH)


def _python_reads(source: str) -> set[str]:
    """Names read through `os.environ`, `os.getenv` or an `env` mapping, as constants."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        key: ast.expr | None = None
        if isinstance(node, ast.Call) and node.args:
            func = node.func
            getter = isinstance(func, ast.Attribute) and func.attr == "get" and _is_env(func.value)
            if getter or _name(func) == "getenv":
                key = node.args[0]
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load):
            key = node.slice if _is_env(node.value) else None
        elif isinstance(node, ast.Compare) and any(isinstance(o, ast.In) for o in node.ops):
            key = node.left if any(_is_env(c) for c in node.comparators) else None
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            found.add(key.value)
    return {name for name in found if ENV_NAME.match(name)}


def _name(node: ast.expr) -> str:
    return node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")


def _is_env(node: ast.expr) -> bool:
    return _name(node) in {"environ", "env"}


def _shell_reads(source: str) -> set[str]:
    """Variables a script takes from its environment: those it defaults (`${NAME:-…}`), and
    those it expands without ever assigning them."""
    code = "\n".join(re.sub(r"(^|\s)#.*", "", line) for line in source.splitlines())
    assigned = set(re.findall(r"(?m)^\s*(?:local |export |readonly )?([A-Z][A-Z0-9_]*)=", code))
    assigned |= set(re.findall(r"\bfor ([A-Z][A-Z0-9_]*) in\b", code))
    defaulted = set(SHELL_DEFAULTED.findall(code))
    expanded = set(SHELL_EXPANDED.findall(code)) - assigned
    return (defaulted | expanded) - BASH_OWN


@cache
def variables_read() -> dict[str, list[str]]:
    """Every variable the code and scripts read, with the files that read it."""
    where: dict[str, list[str]] = {}
    for path in _code_files():
        text = path.read_text(encoding="utf-8")
        names = set(SETTING.findall(text))
        if path.suffix == ".py":
            names |= _python_reads(text)
        if _is_shell(path):
            names |= _shell_reads(text)
        for name in names:
            where.setdefault(name, []).append(str(path.relative_to(REPO)))
    return where


def documented_variables() -> set[str]:
    """The variables in the first column of docs/configuration.md's tables."""
    names = set()
    for line in CONFIGURATION.read_text(encoding="utf-8").splitlines():
        if line.startswith("|") and not line.startswith("| ---"):
            first = line.split("|")[1]
            names |= {n for n in re.findall(r"`([^`]+)`", first) if ENV_NAME.match(n)}
    return names - {"variable"}


def test_every_variable_read_is_documented() -> None:
    read, documented = variables_read(), documented_variables()
    missing = {name: files for name, files in read.items() if name not in documented}
    assert not missing, "read by the code but not in docs/configuration.md: " + "; ".join(
        f"{name} (in {', '.join(files)})" for name, files in sorted(missing.items())
    )


def test_every_variable_documented_is_read() -> None:
    stale = sorted(documented_variables() - set(variables_read()))
    assert not stale, f"in docs/configuration.md but read nowhere in {CODE}: {', '.join(stale)}"


def test_the_variable_scan_finds_each_kind_of_read() -> None:
    """The scan itself: a reader of each kind is found, and what is only written is not."""
    python = (
        "import os\nos.environ.get('A1')\nos.getenv('A2')\nenv['A3']\n'A4' in os.environ\n"
        "os.environ['W1'] = 'x'\nsubprocess.run(env={'W2': '1'})\n"
    )
    assert _python_reads(python) == {"A1", "A2", "A3", "A4"}
    shell = (
        'X="${B1:-1}"\necho "$B2" "${B3}" "$X"\n[ -n "${B4:-}" ]\nW1=2\necho "$W1"\n'
        "# $W2 in a comment\necho $EUID\n"
    )
    assert _shell_reads(shell) == {"B1", "B2", "B3", "B4"}


# --- commands ---------------------------------------------------------------------------------


def shell_lines(page: Path) -> Iterator[tuple[int, str]]:
    """Each command line of the page's ```sh blocks (continuations joined), with its line."""
    block = False
    pending, start = "", 0
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("```"):
            block = line.strip() in {"```sh", "```bash", "```shell"}
            continue
        if not block:
            continue
        if not pending:
            start = number
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        command, pending = (pending + line).strip(), ""
        if command and not command.startswith("#"):
            yield start, command


def simple_commands(line: str) -> Iterator[list[str]]:
    """The simple commands of a shell line: split at `&&`, `||`, `|` and `;`, redirections
    and comments dropped, `eval "$(…)"` opened."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    lexer.commenters = "#"
    words: list[str] = []
    tokens = iter(list(lexer))
    for token in tokens:
        if token in {"&&", "||", "|", ";"}:
            yield words
            words = []
        elif token in {">", ">>", "<"}:
            next(tokens, None)
        elif token.startswith("$(") and token.endswith(")"):
            yield from simple_commands(token[2:-1])
        else:
            words.append(token)
    if words and words != ["eval"]:
        yield words


def check_command(words: list[str]) -> str | None:
    """What is wrong with one simple command as the docs write it, or None."""
    while words and re.match(r"^[A-Z][A-Z0-9_]*=", words[0]):
        name = words.pop(0).partition("=")[0]
        if name not in documented_variables():
            return f"{name} is not in docs/configuration.md"
    if not words:
        return None
    program, args = words[0], words[1:]
    if program in {"dateline", ".venv/bin/dateline"}:
        return _check_dateline(args)
    if program == "bash" and args:
        return _check_script(args[0], args[1:])
    if program == ".venv/bin/python" and args[:2] == ["-m", "pytest"]:
        return _check_pytest(args[2:])
    if program in {".venv/bin/python", "python3"} and args:
        return _check_python(args[0], args[1:])
    if program == "curl":
        return _check_curl(args)
    if program in {".venv/bin/ruff", ".venv/bin/mypy"}:
        return None if (REPO / program).exists() else f"{program} is not installed by set-up"
    return f"no check for {program!r}: write commands the docs test knows how to check"


def _absent(error: click.BadParameter) -> bool:
    return "does not exist" in error.format_message()


def _check_dateline(args: list[str]) -> str | None:
    if not args or args[0] not in dateline.commands:
        return f"`dateline` has no command {args[:1]} (it has {', '.join(dateline.commands)})"
    parent = click.Context(dateline, info_name="dateline")
    try:
        dateline.commands[args[0]].make_context(args[0], args[1:], parent=parent)
    except click.BadParameter as error:
        # An operator's own folder in an example (`dateline watch /srv/incoming`): the command
        # and its options parsed; only the folder is not on this machine.
        if not (isinstance(error.param and error.param.type, click.Path) and _absent(error)):
            return f"`dateline {args[0]}` refuses {args[1:]}: {error.format_message()}"
    except click.ClickException as error:
        return f"`dateline {args[0]}` refuses {args[1:]}: {error.format_message()}"
    return None


def _case_words(script: Path) -> set[str]:
    """The words a script's `case` statements accept (its subcommands and options)."""
    words = set()
    for pattern in re.findall(r"(?m)^\s*([-a-z|]+)\)", script.read_text(encoding="utf-8")):
        words |= set(pattern.split("|"))
    return words


def _check_script(name: str, args: list[str]) -> str | None:
    script = REPO / name
    if not script.is_file():
        return f"{name} does not exist"
    parsed = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    if parsed.returncode:
        return f"{name} does not parse: {parsed.stderr.strip()}"
    if name == "deploy/test.sh":  # its arguments go to pytest
        return _check_pytest(args)
    unknown = [a for a in args if not a.isdigit() and a not in _case_words(script)]
    return f"{name} does not take {unknown}" if unknown else None


def _check_pytest(args: list[str]) -> str | None:
    markers = _markers()
    for option, value in itertools.pairwise(args):
        if option == "-m":
            words = set(re.findall(r"\w+", value)) - {"and", "or", "not"}
            if words - markers:
                return f"pytest has no marker {sorted(words - markers)} (pyproject.toml)"
    paths = [a for a in args if "/" in a and not a.startswith("-")]
    missing = [p for p in paths if not (REPO / p.split("::")[0]).exists()]
    return f"no such test path {missing}" if missing else None


@cache
def _markers() -> set[str]:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    return set(re.findall(r'(?m)^\s*"(\w+):', text))


def _check_python(name: str, args: list[str]) -> str | None:
    if name.startswith("../shared/"):
        shared = REPO.parent / "shared"
        if shared.is_dir() and not (REPO.parent / name[3:]).exists():
            return f"{name} is not in ../shared"
        return None
    script = REPO / name
    if not script.is_file():
        return f"{name} does not exist"
    options = {
        arg.value
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and _name(node.func) == "add_argument"
        for arg in node.args
        if isinstance(arg, ast.Constant)
    }
    unknown = [a.partition("=")[0] for a in args if a.startswith("--")]
    unknown = [a for a in unknown if a not in options]
    return f"{name} has no option {unknown}" if unknown else None


@cache
def _app() -> Flask:
    """The app with an engine nobody answers at: routes and arguments are checked, nothing
    is searched."""
    return create_app({"ES_SETTINGS": EsSettings(url="http://127.0.0.1:9", timeout=1)})


def _check_curl(args: list[str]) -> str | None:
    urls = [a for a in args if a.startswith("http")]
    if len(urls) != 1 or not urls[0].startswith(SERVED + "/"):
        return f"a curl in the docs asks one URL under {SERVED}, not {urls}"
    url = urlsplit(urls[0])
    path = url.path + (f"?{url.query}" if url.query else "")
    try:
        response = _app().test_client().get(path)
    except TransportError:
        # A streamed answer (an export) meets the engine only once its route and arguments
        # were accepted and its first row is asked for.
        return None
    if response.status_code in {200, 503}:
        return None
    return f"the app answers {response.status_code} to {path}: {response.get_data(as_text=True)}"


def test_the_api_page_lists_every_path_of_the_openapi_document() -> None:
    listed = set()
    for line in (DOCS / "api.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("| `/"):
            listed.add(line.split("`")[1])
    spec = _app().test_client().get("/api/openapi.json").get_json()
    paths = set(spec["paths"])
    assert listed == paths, (
        f"missing from docs/api.md: {sorted(paths - listed)}; "
        f"in docs/api.md but not in /api/openapi.json: {sorted(listed - paths)}"
    )


def _command_cases() -> list[tuple[str, int, list[str]]]:
    return [
        (str(page.relative_to(REPO)), number, words)
        for page in PAGES
        for number, line in shell_lines(page)
        for words in simple_commands(line)
    ]


@pytest.mark.parametrize(
    ("page", "number", "words"),
    _command_cases(),
    ids=[f"{page}:{number}" for page, number, _ in _command_cases()],
)
def test_every_command_in_the_docs_parses(page: str, number: int, words: list[str]) -> None:
    problem = check_command(list(words))
    assert problem is None, f"{page}, line {number}, `{shlex.join(words)}`: {problem}"


def test_the_readme_gives_the_two_commands_ci_runs() -> None:
    lines = [line for _, line in shell_lines(REPO / "README.md")]
    assert "bash deploy/run.sh" in lines and "bash deploy/test.sh" in lines
    assert "bash deploy/test.sh" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_the_command_check_refuses_what_does_not_run() -> None:
    """The checker itself, on commands that must fail."""
    refused = [
        ["dateline", "reindx", "deploy/sample"],
        ["dateline", "reindex", "deploy/sample", "--shards", "0"],
        ["bash", "deploy/nothing.sh"],
        ["bash", "deploy/elasticsearch.sh", "restart"],
        ["bash", "deploy/test.sh", "-m", "not clustr"],
        [".venv/bin/python", "bench/reindex.py", "--round", "3"],
        ["curl", f"{SERVED}/api/serch?q=x"],
        ["curl", f"{SERVED}/api/search?q=x&colour=red"],
        ["UNDOCUMENTED_SETTING=1", "dateline", "doctor"],
        ["make", "docs"],
    ]
    assert [words for words in refused if check_command(list(words)) is None] == []


# --- links, paths and modules -----------------------------------------------------------------

LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
CODE_PATH = re.compile(r"`((?:search|api|deploy|bench|tests|docs|\.ci)/[\w./-]*)`")
FILE_SUFFIXES = {".py", ".sh", ".md", ".html", ".css", ".js", ".json", ".conf", ".png", ".txt"}


def anchors(page: Path) -> set[str]:
    """The anchors GitHub makes for a page's headings."""
    found = set()
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            found.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return found


def test_every_relative_link_lands() -> None:
    broken = []
    for page in PAGES:
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:", target):
                continue
            file, _, anchor = target.partition("#")
            path = (page.parent / file).resolve() if file else page
            if not path.exists():
                broken.append(f"{page.name}: {target} (no such file)")
            elif anchor and path.suffix == ".md" and anchor not in anchors(path):
                broken.append(f"{page.name}: {target} (no heading #{anchor} in {path.name})")
    assert not broken, "broken links: " + "; ".join(broken)


def test_every_path_the_docs_name_exists() -> None:
    missing = [
        f"{page.name}: {name}"
        for page in PAGES
        for name in CODE_PATH.findall(page.read_text(encoding="utf-8"))
        if (name.endswith("/") or Path(name).suffix in FILE_SUFFIXES) and not (REPO / name).exists()
    ]
    assert not missing, "the docs name paths that do not exist: " + "; ".join(missing)


def test_the_architecture_names_every_module() -> None:
    named = set(CODE_PATH.findall(ARCHITECTURE.read_text(encoding="utf-8")))
    modules = [
        str(path.relative_to(REPO))
        for top in ("search", "api")
        for path in sorted((REPO / top).rglob("*.py"))
        if path.name not in {"__init__.py", "__main__.py"}
    ]
    unnamed = [module for module in modules if module not in named]
    assert not unnamed, "docs/architecture.md has no line for: " + ", ".join(unnamed)


def test_the_docs_pictures_stay_small() -> None:
    large = [
        f"{p.name} ({p.stat().st_size:,} bytes)"
        for p in sorted(DOCS.rglob("*.png"))
        if p.stat().st_size > IMAGE_LIMIT
    ]
    assert not large, f"pictures over {IMAGE_LIMIT:,} bytes: {', '.join(large)}"
