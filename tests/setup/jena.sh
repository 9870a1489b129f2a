# Apache Jena's riot and arq for tests/interop/test_jena.py (and README's Jena
# block): Debian's jars, run through the classpath of tests/interop/jena.py,
# and a JVM to run them.
command -v java >/dev/null || apt_install default-jre-headless
apt_install libapache-jena-java
