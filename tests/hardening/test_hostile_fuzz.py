"""Fuzzing every way answers come in, through the command line as a person or a tool would call
it: answers files, batch CSV and JSON-lines files, the line protocol and workshop files, made of
random bytes and of random structures near the real formats. Each run must give advice or one
clean error: exit 2 with a message (or, on the line protocol, an error object), never exit 1, a
traceback, an internal error, a crash (it would end this process) or a hang (HANG).

A few seconds by default; ADVISOR_FUZZ_EXAMPLES=N runs N examples per surface for a deeper search.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import signal
import sys
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.batch.inputs import COLUMNS
from advisor.cli.main import main
from advisor.vocabulary import FREQUENCIES, GOALS, PURPOSE_LEVELS, PURPOSES

EXAMPLES = int(os.environ.get("ADVISOR_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# -- values: the real vocabulary, and what an attacker adds to it ------------------------------


def mostly(usual, other):
    """usual three times in four, other once: a file with each of its fields hostile half the
    time would hardly ever be read far enough to fuzz the rest."""
    return st.integers(0, 3).flatmap(lambda pick: other if pick == 0 else usual)


BIG = "<<a number of 5,000 digits>>"  # spliced into JSON and YAML as the number itself
hostile_text = st.sampled_from(
    ["", " ", "unknown", "\x1b]0;x\x07", "\x9b31m", "=HYPERLINK(\"x\")", "<script>", "[x](javascript:1)", "summary",
     "CON", "²", "٣", "1e1", "8,5", "8%", "NaN", "-1", BIG, "a[b", "\ud800", "true", "no", "!!int x",
     "\n", "\r\n", ";", ",", "|", '"', "'"]
) | st.text(max_size=12) | st.builds(lambda: "1" + "0" * 5000) | st.builds(lambda: "x" * 300)
numbers = st.integers(-(10**6), 10**6) | st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from([0, 100, BIG])
words = st.sampled_from(GOALS + FREQUENCIES + PURPOSE_LEVELS + ("unknown",))
scalars = st.none() | st.booleans() | numbers | words | hostile_text
keys = st.sampled_from(
    ["goals", "usage", "purposes", "organisation", "active_share", "passive_share", "active_frequency",
     "passive_frequency", "name", "employees", "id", "lang", "answers", *PURPOSES]
) | hostile_text
structures = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5), max_leaves=25
)
shares = st.sampled_from(["unknown", 0, 100]) | st.integers(0, 100) | st.floats(0, 100)
valid_answers = st.fixed_dictionaries(
    {
        "goals": st.lists(st.sampled_from(GOALS), min_size=1, max_size=6, unique=True),
        "usage": st.fixed_dictionaries({}, optional={
            "active_share": shares, "passive_share": shares,
            "active_frequency": st.sampled_from(FREQUENCIES + ("unknown",)),
            "passive_frequency": st.sampled_from(FREQUENCIES + ("unknown",)),
        }),
    },
    optional={
        "purposes": st.fixed_dictionaries({}, optional={p: st.sampled_from(PURPOSE_LEVELS + ("unknown",)) for p in PURPOSES}),
        "organisation": st.fixed_dictionaries({}, optional={"name": st.text(min_size=1, max_size=30) | hostile_text,
                                                             "employees": st.integers(1, 10**7)}),
    },
)


@st.composite
def near_valid(draw, valid=valid_answers) -> dict:
    """Valid answers with none, one or two values (or keys) replaced by hostile ones."""
    answers = json.loads(json.dumps(draw(valid)))
    for _ in range(draw(st.integers(0, 2))):
        section = draw(st.sampled_from(sorted(answers)))
        if isinstance(answers[section], dict) and answers[section] and draw(st.booleans()):
            name = draw(st.sampled_from(sorted(answers[section])))
            answers[section][name] = draw(scalars | structures)
        elif draw(st.booleans()):
            answers[draw(keys)] = draw(scalars | structures)
        else:
            answers[section] = draw(scalars | structures)
    return answers


answers_like = near_valid()
documents = answers_like | structures


def as_json(value, ascii: bool = False) -> str:
    """JSON text; with ascii, non-ASCII characters are escaped, so half a surrogate pair is "\\ud800"."""
    return json.dumps(value, ensure_ascii=ascii).replace(json.dumps(BIG), "1" + "0" * 5000)


# what YAML can say beyond plain values: tags, complex keys, anchors, impossible dates
YAML_EXTRAS = ["x: !!int x\n", "x: !!set {a}\n", "? [a, b]\n: 1\n", "x: 2001-13-45\n", "x: !!timestamp x\n",
               "x: !!bool maybe\n", "x: !!float x\n", "true: 1\n", "? !!set {a}\n: 1\n", "x: &a [1]\ny: *a\n",
               "x: !!python/object/apply:os.system [echo]\n", "x: !!binary aGk=\n"]


def serialised(form: str, value, extra: str) -> bytes:
    if form != "yaml":
        return as_json(value, ascii=form == "ascii json").encode("utf-8", "surrogatepass")
    text = yaml.safe_dump(value, allow_unicode=True)
    for quoted in (f"'{BIG}'", f'"{BIG}"'):
        text = text.replace(quoted, "1" + "0" * 5000)
    if isinstance(value, dict) and value:
        text += extra
    return text.encode("utf-8", "surrogatepass")


raw_files = st.binary(max_size=300) | st.builds(
    serialised, st.sampled_from(["yaml", "json", "ascii json"]), documents, st.sampled_from([""] + YAML_EXTRAS)
)


# -- running the command line in-process --------------------------------------------------------


HANG = 60  # seconds: a run takes milliseconds; one still running after this hangs


class Hang(BaseException):  # not an Exception: the error boundary must not turn it into exit 1
    pass


def _hang(signum, frame):
    raise Hang(f"still running after {HANG} s")


def run(*argv: str, stdin: bytes = b"") -> tuple[int, str, str]:
    out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()  # serve writes bytes
    saved = sys.stdin, signal.signal(signal.SIGALRM, _hang)
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    signal.alarm(HANG)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(argv))
    finally:
        signal.alarm(0)
        sys.stdin = saved[0]
        signal.signal(signal.SIGALRM, saved[1])
    out.flush()
    return code, out.buffer.getvalue().decode("utf-8"), err.getvalue()


def assert_advice_or_clean_error(code: int, err: str) -> None:
    assert code in (0, 2), (code, err[-2000:])
    assert "Traceback" not in err and "internal error" not in err, err[-2000:]
    if code == 2:
        assert err.startswith("advisor: "), err[:500]


# -- the surfaces ---------------------------------------------------------------------------------


@FUZZ
@given(raw=raw_files, suffix=st.sampled_from([".yaml", ".json", ".yml"]))
def test_answers_files_give_advice_or_a_clean_error(raw, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"answers{suffix}"
        path.write_bytes(raw)
        code, out, err = run("advise", "--answers", str(path), "--format", "json")
        assert_advice_or_clean_error(code, err)
        if code == 0:
            assert json.loads(out)["schema_version"]


@FUZZ
@given(raw=raw_files)
def test_answers_on_standard_input_give_advice_or_a_clean_error(raw):
    code, _, err = run("advise", "--answers", "-", "--format", "markdown", stdin=raw)
    assert_advice_or_clean_error(code, err)


csv_cells = hostile_text | words | st.builds(str, numbers) | st.builds(lambda goals: ";".join(goals), st.lists(words, max_size=3))
# what each column usually holds, so that most rows are read far enough for one bad cell to matter
USUAL_CELLS = {
    "id": st.text("abcXYZ019-_.", max_size=8) | st.sampled_from(["summary", "index", "results", "CON", "nul", "COM1"]),
    "lang": st.sampled_from(["", "en", "nl"]),
    "goals": st.builds(lambda goals: ";".join(goals), st.lists(st.sampled_from(GOALS), min_size=1, max_size=3, unique=True)),
    "organisation.name": st.text(max_size=20),
    "organisation.employees": st.sampled_from(["", "250", "1.200", "1,200", "²", "٣٠٠", "-5", "1" + "0" * 5000]),
}


def usual_cell(column: str):
    if column in USUAL_CELLS:
        return USUAL_CELLS[column]
    if column.endswith("_share"):
        return st.sampled_from(["", "8", "8.5", "8,5", "8%", "unknown", "120", "lots"]) | st.builds(str, st.integers(0, 100))
    return st.sampled_from(("", "unknown") + FREQUENCIES + PURPOSE_LEVELS)


@st.composite
def csv_files(draw) -> bytes:
    if draw(st.integers(0, 3)) == 0:
        return draw(st.binary(max_size=300))
    header = ["goals"] + draw(st.lists(mostly(st.sampled_from(COLUMNS), hostile_text), max_size=8))
    draw(st.randoms(use_true_random=False)).shuffle(header)
    rows = draw(st.lists(
        st.tuples(*[mostly(usual_cell(column), csv_cells) for column in header]).map(list)
        | st.lists(csv_cells, max_size=len(header) + 2),
        max_size=6,
    ))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return text.getvalue().encode("utf-8", "surrogatepass")


request_ids = (
    st.sampled_from(["\ud800", "x\udfff", "summary", "index", "CON", "-1+2", "=1+1", "\x1b[2J"])
    | st.integers(0, 99) | st.text("abc019-", max_size=8) | scalars | structures
)


@st.composite
def jsonl_files(draw) -> bytes:
    if draw(st.booleans()):
        return draw(st.binary(max_size=300))
    lines = draw(st.lists(
        st.tuples(
            documents | st.fixed_dictionaries({"answers": answers_like}, optional={"id": request_ids, "lang": mostly(st.sampled_from(["en", "nl"]), scalars)}),
            st.booleans(),
        ),
        max_size=5,
    ))
    return "".join(as_json(line, ascii) + "\n" for line, ascii in lines).encode("utf-8", "surrogatepass")


def assert_batch_finished(code: int, err: str, out: Path) -> None:
    assert_advice_or_clean_error(code, err)
    if code == 0:
        summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
        assert summary["rows"] == summary["advised"] + summary["invalid"]
        assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


@FUZZ
@given(raw=csv_files(), fmt=st.sampled_from(["json", "markdown", "html"]))
def test_batch_csv_gives_advice_or_a_clean_error(raw, fmt):
    with tempfile.TemporaryDirectory() as folder:
        path, out = Path(folder) / "survey.csv", Path(folder) / "out"
        path.write_bytes(raw)
        code, _, err = run("batch", str(path), "--out", str(out), "--format", fmt, "--quiet")
        assert_batch_finished(code, err, out)


@FUZZ
@given(raw=jsonl_files(), fmt=st.sampled_from(["json", "markdown", "html"]))
def test_batch_json_lines_give_advice_or_a_clean_error(raw, fmt):
    with tempfile.TemporaryDirectory() as folder:
        path, out = Path(folder) / "requests.jsonl", Path(folder) / "out"
        path.write_bytes(raw)
        code, _, err = run("batch", str(path), "--out", str(out), "--format", fmt, "--quiet")
        assert_batch_finished(code, err, out)


@FUZZ
@given(raw=jsonl_files())
def test_the_line_protocol_answers_every_line_with_advice_or_an_error_object(raw):
    code, out, err = run("serve", "--stdio", stdin=raw)
    assert code == 0 and err == "", (code, err)
    requests = [line for line in raw.split(b"\n") if line.strip()]
    responses = [json.loads(line) for line in out.split("\n") if line]  # lines end at \n only
    assert len(responses) == len(requests)
    for response in responses:
        if "error" in response:
            assert response["error"]["code"] != "internal_error", response
        else:
            assert "advice" in response or "schema_version" in response


teams = mostly(st.none() | st.text(min_size=1, max_size=20), hostile_text | st.text(min_size=55, max_size=70))
workshops = st.fixed_dictionaries(
    {
        "format": st.just("advisor-workshop"),
        "version": mostly(st.just("1"), scalars),
        "name": mostly(st.just("Masterclass") | st.text(min_size=1, max_size=20), hostile_text),
        "lang": mostly(st.sampled_from(["en", "nl"]), hostile_text),
        "created": mostly(st.just("2026-11-02"), hostile_text),
        "responses": mostly(
            st.lists(
                st.fixed_dictionaries({"number": st.integers(1, 600), "answers": answers_like}, optional={"team": teams}),
                max_size=6, unique_by=lambda response: response["number"],
            ),
            structures,
        ),
    },
    optional={"min_group_size": mostly(st.integers(1, 4), scalars)},
)


@FUZZ
@given(raw=st.binary(max_size=300) | st.builds(lambda w: as_json(w).encode("utf-8", "surrogatepass"), workshops),
       command=st.sampled_from([["status", "--format", "json"], ["status"], ["export", "--format", "markdown"],
                                ["export", "--format", "html"], ["present", "--print"]]))
def test_workshop_files_give_results_or_a_clean_error(raw, command):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "w.workshop.json"
        path.write_bytes(raw)
        code, _, err = run("workshop", command[0], str(path), *command[1:])
        assert_advice_or_clean_error(code, err)
        assert path.read_bytes() == raw  # reading never changes the file
