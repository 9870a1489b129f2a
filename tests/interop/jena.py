"""Apache Jena's command-line tools from Debian's libapache-jena-java 4.5.0,
which ships the jars but no `riot`/`arq` launchers and does not start from a
plain classpath: the classpath names each dependency jar and ONE SLF4J
binding (slf4j-simple, so that riot's warnings and errors reach stderr), and
holds a folder with the xerces message bundles, which Debian's jena-core keeps
under org/apache/jena/ext/xerces/ while its relocated xerces classes look
them up under xerces/ (without them: `RuntimeException: internal error` in
XSSimpleTypeDecl.applyFacets1 at start-up). README's Jena block is the same
recipe in shell. tests/setup/jena.sh installs the package."""
import os
import pathlib
import shutil
import subprocess
import zipfile

import pytest

JAVA_DIR = pathlib.Path("/usr/share/java")
JENA_CORE = JAVA_DIR / "jena-core.jar"
BUNDLES = "org/apache/jena/ext/xerces/"
DEPENDENCIES = [
    "commons-cli", "commons-codec", "commons-compress", "commons-csv", "commons-io",
    "commons-lang3", "dexx.collection", "gson", "guava", "httpclient", "httpclient-cache",
    "httpcore", "jackson-annotations", "jackson-core", "jackson-databind", "jsonld-java",
    "titanium-json-ld", "jakarta.json-api", "protobuf", "thrift", "slf4j-api", "slf4j-simple",
]


def require():
    """Fails (in CI) or skips (elsewhere) when Jena or a JVM is missing."""
    missing = [what for what, ok in (("libapache-jena-java", JENA_CORE.exists()),
                                     ("java", shutil.which("java") is not None)) if not ok]
    if missing:
        message = f"{' and '.join(missing)} missing: tests/setup/jena.sh installs them"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


class Jena:
    """riot and arq, run through java with the explicit classpath."""

    def __init__(self, workdir):
        workdir = pathlib.Path(workdir)
        with zipfile.ZipFile(JENA_CORE) as jar:
            for name in jar.namelist():
                if name.startswith(BUNDLES):
                    jar.extract(name, workdir / "jena-msg")
        jars = sorted(p for p in JAVA_DIR.glob("jena-*.jar") if not p.stem[-1].isdigit())
        jars += [JAVA_DIR / f"{name}.jar" for name in DEPENDENCIES]
        absent = [str(j) for j in jars if not j.exists()]
        assert not absent, f"jars missing: {absent}"
        self.classpath = os.pathsep.join(
            [str(workdir / "jena-msg" / "org/apache/jena/ext")] + [str(j) for j in jars])

    def run(self, main_class, *args, cwd=None):
        return subprocess.run(["java", "-cp", self.classpath, main_class, *map(str, args)],
                              capture_output=True, text=True, encoding="utf-8", cwd=cwd,
                              timeout=300)

    def riot(self, *args, cwd=None):
        return self.run("riotcmd.riot", *args, cwd=cwd)

    def arq(self, *args, cwd=None):
        return self.run("arq.arq", *args, cwd=cwd)
