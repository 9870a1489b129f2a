// Draws a GEXF file with sigma.js in Debian's Chromium (headless, through
// playwright-core, see chromium.js) and prints JSON: what sigma drew
// (sigma_page.js's render), the page's errors and every request that left
// the page's files (there must be none). The page and its modules are one
// script that esbuild bundles into target/sigma/ first, so the page opens
// from file:// with no server (Chromium loads no ES module from file://).
// Usage: node sigma.js GRAPH.gexf SCREENSHOT.png
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const esbuild = require("esbuild");
const { inChromium } = require("./chromium.js");

const [gexf_file, screenshot] = process.argv.slice(2);
const out = path.resolve(__dirname, "../../../target/sigma");

esbuild.buildSync({
  entryPoints: [path.join(__dirname, "sigma_page.js")],
  bundle: true,
  format: "iife",
  platform: "browser",
  outfile: path.join(out, "sigma_page.js"),
  logLevel: "error",
});
fs.writeFileSync(path.join(out, "index.html"), `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>kgexport: sigma.js</title>
<style>html, body { margin: 0; height: 100%; background: #fff; } #stage { width: 100%; height: 100%; }</style>
</head><body><div id="stage"></div><script src="sigma_page.js"></script></body></html>
`);

const gexf = fs.readFileSync(gexf_file, "utf8");
// WebGL with no GPU: Chromium's software renderer, which it no longer
// falls back to by itself
inChromium(async (page, result) => {
  await page.goto("file://" + path.join(out, "index.html"));
  Object.assign(result, await page.evaluate((text) => window.kgSigma.render(text), gexf));
  await page.screenshot({ path: screenshot });
}, { args: ["--use-angle=swiftshader", "--enable-unsafe-swiftshader"] });
