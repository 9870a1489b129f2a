# Graphviz renders the DOT export in the interop tests and docs/render.sh.
command -v dot >/dev/null || apt_install graphviz
