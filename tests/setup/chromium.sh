# Debian's Chromium: the browser test (tests/interop/test_html.py) opens the
# --format html page headless and drives it with playwright-core.
command -v chromium >/dev/null || apt_install chromium fonts-dejavu-core
