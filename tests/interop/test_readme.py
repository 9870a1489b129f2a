"""README.md as a newcomer meets it: every fenced `sh` and `python` block
runs as written, and the numbers and pictures match the current build.

Each block runs in a fresh temporary folder holding `articles/` (a copy of
data/corpus) and `article.txt` (one of them), with the built kgexport and
the venv's python3 first on PATH (bash -e -o pipefail for `sh`). A block
preceded by a line `<!-- not run: reason -->` is left out."""
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
NOT_RUN = re.compile(r"^<!-- not run: .+ -->$")


def blocks():
    """(first line number, language, code, reason not run or None) of every
    fenced block, in README order."""
    lines = README.read_text(encoding="utf-8").split("\n")
    found, i = [], 0
    while i < len(lines):
        m = re.match(r"^```(\w*)\s*$", lines[i])
        if not m:
            i += 1
            continue
        start, language = i, m.group(1)
        end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
        previous = next((lines[j] for j in range(start - 1, -1, -1) if lines[j].strip()), "")
        reason = previous if NOT_RUN.match(previous.strip()) else None
        found.append((start + 1, language, "\n".join(lines[start + 1:end]) + "\n", reason))
        i = end + 1
    return found


RUNNABLE = [b for b in blocks() if b[1] in ("sh", "python")]


def test_readme_has_runnable_blocks_and_marks_the_rest():
    assert len([b for b in RUNNABLE if b[3] is None]) >= 5
    for line, language, _, reason in RUNNABLE:
        if reason is not None:
            assert len(reason) > len("<!-- not run:  -->") + 5, f"README.md:{line}: say why"


@pytest.mark.parametrize("line,language,code", [(b[0], b[1], b[2]) for b in RUNNABLE if b[3] is None],
                         ids=[f"README.md:{b[0]}" for b in RUNNABLE if b[3] is None])
def test_readme_block_runs(line, language, code, kgexport, corpus, tmp_path):
    shutil.copytree(corpus, tmp_path / "articles")
    shutil.copy(sorted(corpus.glob("*.txt"))[0], tmp_path / "article.txt")
    bin_dir = tmp_path / ".bin"
    bin_dir.mkdir()
    (bin_dir / "kgexport").symlink_to(pathlib.Path(kgexport).resolve())
    venv_bin = pathlib.Path(sys.executable).parent
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{venv_bin}{os.pathsep}{os.environ['PATH']}",
               HOME=str(tmp_path))
    env.pop("VIRTUAL_ENV", None)
    command = ["bash", "-e", "-o", "pipefail", "-c", code] if language == "sh" else ["python3", "-c", code]
    done = subprocess.run(command, cwd=tmp_path, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, (
        f"README.md:{line} ({language}) exited {done.returncode}\n"
        f"--- stdout\n{done.stdout[-3000:]}\n--- stderr\n{done.stderr[-3000:]}")


def test_readme_numbers_match_the_build(kgexport):
    """docs/readme_numbers.py --check: README's numbers block is what the
    build gives now (docs/render.sh rewrites it)."""
    done = subprocess.run([sys.executable, str(ROOT / "docs" / "readme_numbers.py"),
                           "--kgexport", kgexport, "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_pictures_were_made_from_the_current_build(kgexport):
    """docs/pictures.stats holds the counts the pictures (and their legends)
    were drawn from; run docs/render.sh when this fails."""
    done = subprocess.run([kgexport, "--quiet", "--stats", "--format", "ntriples"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, check=True)
    recorded = (ROOT / "docs" / "pictures.stats").read_text(encoding="utf-8")
    assert done.stderr == recorded, "README's pictures are out of date: run docs/render.sh"
    text = README.read_text(encoding="utf-8")
    for picture in ("docs/sample-graph.png", "docs/viewer.png"):
        assert f"]({picture})" in text and (ROOT / picture).stat().st_size > 10_000


def test_readme_says_how_to_install_and_what_each_tool_needs():
    text = README.read_text(encoding="utf-8")
    first_block = next(b for b in blocks())
    assert "cargo run --release" in first_block[2] and "tests/run.sh" in first_block[2]
    for needed in ("cargo install --path .", "python3 -m venv", "--location",
                   "graphviz", "libapache-jena-java", "nodejs", "chromium", "--format html"):
        assert needed in text, needed
