"""The map step on Apache Spark (PySpark, local mode, two executor threads):
tests/spark/extract_job.py hands partitions of the article files to
`kgexport extract`, then merges the shards; the output is that of one run."""
import os
import pathlib
import shutil
import subprocess

import pytest

from conftest import require_tool
from hostile import write_hostile_corpus

ROOT = pathlib.Path(__file__).resolve().parents[2]
SPARK_PYTHON = ROOT / "target" / "spark-venv" / "bin" / "python"
JOB = ROOT / "tests" / "spark" / "extract_job.py"


def spark_run(kgexport, articles, tmp, partitions, fmt, provenance):
    out = tmp / f"spark.{fmt}"
    subprocess.run([str(SPARK_PYTHON), str(JOB), "--master", "local[2]",
                    "--kgexport", kgexport, "--shards", str(tmp / f"shards-{fmt}"),
                    "--partitions", str(partitions), "--format", fmt,
                    "--provenance", provenance, "--output", str(out), str(articles)],
                   check=True, capture_output=True, timeout=300)
    return out.read_bytes()


@pytest.mark.parametrize("fmt,provenance,partitions", [
    ("turtle", "edge", 3), ("nquads", "full", 2), ("gexf", "none", 5)])
def test_spark_shards_merge_to_one_run(kgexport, tmp_path, fmt, provenance, partitions):
    require_tool(SPARK_PYTHON.exists() and shutil.which("java"), "PySpark and a JVM")
    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "data" / "corpus", articles)
    # and the hostile articles, whose names and text stress every format
    for path in write_hostile_corpus(tmp_path / "hostile").iterdir():
        if path.suffix == ".txt" and "\n" not in path.name:
            shutil.copy(path, articles / ("hostile-" + path.name))
    merged = spark_run(kgexport, articles, tmp_path, partitions, fmt, provenance)
    files = sorted(str(p) for p in articles.rglob("*.txt"))
    one = subprocess.run([kgexport, "-q", "-f", fmt, "--provenance", provenance, *files],
                         check=True, capture_output=True).stdout
    assert merged == one
    assert len(list((tmp_path / f"shards-{fmt}").glob("*.kgx"))) == partitions
