# Node and the pinned npm packages of tests/interop/node/ (package-lock.json):
# graphology with the GEXF and GraphML parsers of Gephi Lite and sigma.js
# (tests/interop/test_graphology.py), sigma.js and esbuild, which bundles it
# with graphology-gexf into one page script (tests/interop/test_sigma.py),
# playwright-core to drive Chromium (test_html.py, test_sigma.py). `npm ci`
# again whenever the lock file changes.
{ command -v node >/dev/null && command -v npm >/dev/null; } || apt_install nodejs npm
node_dir=tests/interop/node
if ! cmp -s "$node_dir/package-lock.json" "$node_dir/node_modules/.kgexport-lock"; then
    echo "tests/setup: npm ci in $node_dir" >&2
    (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    cp "$node_dir/package-lock.json" "$node_dir/node_modules/.kgexport-lock"
fi
