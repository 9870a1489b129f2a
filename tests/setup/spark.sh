# Apache Spark (PySpark in local mode) for tests/interop/test_spark.py: its
# own venv, target/spark-venv, so the main venv stays small; Spark 4 needs a
# Java 17 or newer JVM.
command -v java >/dev/null || apt_install openjdk-17-jre-headless
spark_venv=target/spark-venv
spark_pin=tests/spark/requirements.txt
if [ ! -x "$spark_venv/bin/python" ] || ! cmp -s "$spark_pin" "$spark_venv/requirements.txt"; then
    echo "tests/setup: installing PySpark into $spark_venv" >&2
    rm -rf "$spark_venv"
    python3 -m venv "$spark_venv"
    "$spark_venv/bin/pip" install --quiet --disable-pip-version-check -r "$spark_pin"
    cp "$spark_pin" "$spark_venv/requirements.txt"
fi
