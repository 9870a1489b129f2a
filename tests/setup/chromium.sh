# Debian's Chromium: the browser tests open the --format html page
# (tests/interop/test_html.py) and sigma.js drawing the GEXF
# (tests/interop/test_sigma.py) headless, driven by playwright-core.
command -v chromium >/dev/null || apt_install chromium fonts-dejavu-core
