"""The map step of kgexport on Apache Spark: partitions of article files are
handed to `kgexport extract` on the executors, each writing one shard; the
driver then runs `kgexport merge` over the shards.

    spark-submit tests/spark/extract_job.py --kgexport BIN --shards DIR \
        [--partitions N] [--format turtle] [--output OUT] [--provenance edge] INPUT_DIR

On a cluster, BIN must exist on every executor (e.g. --files, or an image)
and DIR must be a filesystem every executor and the driver see (NFS, a
mounted bucket); INPUT_DIR likewise. The merge needs no memory beyond what
one kgexport run needs: it runs once, on the driver.
"""
import argparse
import os
import subprocess
import sys

from pyspark.sql import SparkSession


def article_files(root):
    """The .txt files under root, sorted (the shards do not depend on it)."""
    found = []
    for folder, _, names in os.walk(root):
        found.extend(os.path.join(folder, n) for n in names if n.endswith(".txt"))
    return sorted(found)


def extract_partition(kgexport, shards):
    def run(index, files):
        files = list(files)
        if not files:
            return []
        shard = os.path.join(shards, f"part-{index:05d}.kgx")
        subprocess.run([kgexport, "extract", "-q", "-j", "1", "-o", shard, *files],
                       check=True, capture_output=True)
        return [shard]
    return run


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--kgexport", required=True)
    parser.add_argument("--shards", required=True)
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--format", default="turtle")
    parser.add_argument("--provenance", default="edge")
    parser.add_argument("--output", required=True)
    parser.add_argument("--master", help="e.g. local[2]; spark-submit's --master when absent")
    parser.add_argument("input")
    args = parser.parse_args(argv)
    os.makedirs(args.shards, exist_ok=True)
    builder = SparkSession.builder.appName("kgexport-extract")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        files = article_files(args.input)
        shards = (spark.sparkContext
                  .parallelize(files, args.partitions)
                  .mapPartitionsWithIndex(extract_partition(args.kgexport, args.shards))
                  .collect())
    finally:
        spark.stop()
    subprocess.run([args.kgexport, "merge", "-q", "-f", args.format,
                    "--provenance", args.provenance, "-o", args.output, *sorted(shards)],
                   check=True)
    print(f"{len(files)} articles, {len(shards)} shards, merged into {args.output}")


if __name__ == "__main__":
    main(sys.argv[1:])
