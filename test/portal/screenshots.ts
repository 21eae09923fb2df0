/**
 * Screenshots of the portal's main pages with Debian's Chromium, for the
 * README and for looking at the pages (run by hand, not by the test suite):
 *   node --import tsx test/portal/screenshots.ts [name…]
 * Writes docs/images/portal-<name>.png and reports any request to another host.
 */
import { resolve } from "node:path";
import { serve } from "@hono/node-server";
import { chromium } from "playwright-core";
import { portalFixture } from "./app.ts";

const OUT = resolve(import.meta.dirname, "../../docs/images");

const f = await portalFixture();
const server = serve({ fetch: f.app.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise((r) => server.once("listening", r));
const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
const shots: [path: string, name: string, width: number, fullPage: boolean, print?: true][] = [
  ["/", "home", 1280, true],
  ["/disclosures/1", "disclosure", 1280, false],
  [`/disclosures/${f.correctedDisclosureId}#history`, "correction", 1280, false],
  ["/regions/1", "region", 1280, true],
  ["/departments/8", "department", 1280, true],
  ["/disclosures/13", "disclosure-phone", 390, false],
  ["/disclosures/1", "disclosure-print", 794, false, true],
];
const only = process.argv.slice(2);
try {
  for (const [path, name, width, fullPage, print] of shots) {
    if (only.length && !only.includes(name)) continue;
    const page = await browser.newPage({ viewport: { width, height: 1400 } });
    const foreign: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(origin)) foreign.push(r.url());
    });
    if (print) await page.emulateMedia({ media: "print" });
    await page.goto(`${origin}${path}`);
    await page.screenshot({ path: `${OUT}/portal-${name}.png`, fullPage });
    console.log(`portal-${name}.png`, foreign.length ? `requests to other hosts: ${foreign}` : "");
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  await f.close();
}
