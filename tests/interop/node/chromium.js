// Debian's Chromium, headless, driven by playwright-core: the browser of the
// interop tests (browser.js, sigma.js). inChromium(run, options) opens a page,
// records its errors and every request that left file: and data: URLs, runs
// `await run(page, result)`, then prints `result` as JSON (with `errors` and
// `requests`, which the Python side requires empty) and exits non-zero on a
// failure of its own.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { chromium } = require("playwright-core");

// options.args: Chromium switches added to the common ones.
async function withPage(run, options = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "kgexport-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ["--no-sandbox", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           ...(options.args || ["--disable-gpu"])],
  });
  const result = { errors: [], requests: [] };
  try {
    const page = context.pages()[0] || (await context.newPage());
    page.on("pageerror", (e) => result.errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") result.errors.push(m.text()); });
    page.on("request", (r) => {
      if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) result.requests.push(r.url());
    });
    await run(page, result);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return result;
}

function inChromium(run, options) {
  withPage(run, options)
    .then((result) => process.stdout.write(JSON.stringify(result)))
    .catch((e) => { console.error(e); process.exit(1); });
}

module.exports = { inChromium };
