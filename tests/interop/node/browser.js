// Opens a --format html page in Debian's Chromium (headless, through
// playwright-core) and does what a user would: looks at it, searches a
// name, clicks a node, clicks an edge. Prints JSON with what the page
// showed after each step, the page's errors and every request that left
// the file (there must be none).
// Usage: node browser.js PAGE.html SCREENSHOT.png PLAN.json
// PLAN: {"search": "query", "clickNode": "node id", "clickEdge": true,
//        "finalScreenshot": "path.png"} (every key optional)
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { inChromium } = require("./chromium.js");

const [page_file, screenshot, plan_file] = process.argv.slice(2);
const plan = JSON.parse(fs.readFileSync(plan_file, "utf8"));

inChromium(async (page, result) => {
  await page.goto("file://" + path.resolve(page_file));
  await page.waitForFunction(() => window.kgViewer && window.kgViewer.ready, null, { timeout: 20000 });
  result.title = await page.title();
  result.nodeCount = await page.evaluate(() => window.kgViewer.nodeCount);
  result.edgeCount = await page.evaluate(() => window.kgViewer.edgeCount);
  result.legend = await page.locator("#legend li").allTextContents();
  await page.waitForTimeout(200);
  await page.screenshot({ path: screenshot });
  const details = () => page.locator("#details").innerText();

  if (plan.search !== undefined) {
    await page.locator("#search").fill(plan.search);
    result.searchResults = await page.locator("#results li").allTextContents();
    await page.locator("#search").press("Enter");
    result.afterSearch = await details();
  }
  if (plan.clickNode !== undefined) {
    await page.locator("#search").fill("");
    // fit the whole graph again, then click where the node is drawn
    await page.evaluate(() => window.dispatchEvent(new Event("resize")));
    await page.waitForTimeout(100);
    const at = await page.evaluate((id) => window.kgViewer.nodePosition(id), plan.clickNode);
    if (!at) throw new Error("node not on the page: " + plan.clickNode);
    await page.mouse.click(at.x, at.y);
    result.afterNodeClick = await details();
  }
  if (plan.clickEdge) {
    await page.evaluate(() => window.dispatchEvent(new Event("resize")));
    await page.waitForTimeout(100);
    const count = result.edgeCount;
    for (let i = 0; i < count; i++) {
      const at = await page.evaluate((k) => window.kgViewer.edgePoint(k), i);
      if (!at) continue;
      await page.mouse.click(at.x, at.y);
      result.clickedEdge = i;
      result.afterEdgeClick = await details();
      break;
    }
  }
  if (plan.finalScreenshot) await page.screenshot({ path: plan.finalScreenshot });
});
