// Renders client/icon.svg to the extension's 128×128 client/icon.png with Chromium, through the
// playwright-core that scripts/install-real-clients.sh installs. Run it after changing the SVG.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { join } from "node:path";

const tools = process.env.CRMSCRIPT_REAL_CLIENTS ?? join(homedir(), ".cache", "crmscript-real-clients");
const { chromium } = createRequire(join(tools, "playwright", "package.json"))("playwright-core");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<body style="margin:0;background:transparent">${readFileSync("client/icon.svg", "utf8")}</body>`);
  await page.screenshot({ path: "client/icon.png", omitBackground: true });
} finally {
  await browser.close();
}
console.log("wrote client/icon.png");
