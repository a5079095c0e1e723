// `grille preview` in real Chromium, in French (the 2024 form) and in
// English (tests/fixtures/serve/award.grille): the page shows the form;
// the file is saved with a new label, the page shows it; saved broken,
// the page shows the diagnostics and keeps the last good form a click
// away; fixed, the form is back. The page passes axe-core and the Nu HTML
// Checker in both states.
//
//   node tests/browser/preview.test.js GRILLE_BINARY OUTPUT_DIR
//
// Prints one line per step; exits 1 when a step fails.
"use strict";
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");
const { FLAGS, failures, step, expect, equal, axe, nu, listen, keep: keepIn, kept, command } = require("./harness");

const { grille, out } = command("preview.test.js");
const root = path.join(__dirname, "..", "..");

/** Starts `grille preview FILE` on a free port; resolves to its address and process. */
const preview = (file) => listen(grille, ["preview", file]);
const keep = (page, name) => keepIn(out, page, name);

async function edition(browser, w) {
  const file = path.join(out, w.name + ".grille");
  const original = fs.readFileSync(w.source, "utf8");
  fs.writeFileSync(file, original);
  const app = await preview(file);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await step(w.name + ": the page shows the form", async () => {
      await page.goto(app.base + "/");
      await page.frameLocator("iframe").getByText(w.label).first().waitFor({ timeout: 10000 });
      await axe(page, "on the preview", 5);
      await keep(page, w.name + "-preview");
      const pdf = await fetch(app.base + "/questions.pdf");
      equal(pdf.headers.get("content-type"), "application/pdf", "the questions PDF");
    });
    await step(w.name + ": saved with a new label, the page shows it", async () => {
      fs.writeFileSync(file, original.replace(w.label, w.changed));
      await page.frameLocator("iframe").getByText(w.changed).first().waitFor({ timeout: 10000 });
    });
    await step(w.name + ": saved broken, the diagnostics show and the last good form is a click away", async () => {
      fs.writeFileSync(file, original.replace(w.label, w.changed).replace(w.breakFrom, w.breakTo));
      await page.locator("pre.diagnostics").waitFor({ timeout: 10000 });
      const text = await page.locator("pre.diagnostics").textContent();
      expect(text.includes(w.code), "the diagnostic's code: " + text);
      equal(await page.locator("iframe").count(), 0, "no stale form in the page");
      expect((await page.locator("a[href='/form']").count()) === 1, "the last good form is linked");
      await axe(page, "on the diagnostics", 5);
      await keep(page, w.name + "-broken");
      const last = await (await fetch(app.base + "/form")).text();
      expect(last.includes(w.changed), "the last good form is the changed one");
    });
    await step(w.name + ": fixed, the form is back", async () => {
      fs.writeFileSync(file, original);
      await page.frameLocator("iframe").getByText(w.label).first().waitFor({ timeout: 10000 });
    });
  } finally {
    await context.close();
    app.child.kill();
  }
}

(async () => {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS });
  await edition(browser, {
    name: "fr",
    source: path.join(root, "forms", "tnl-2024.grille"),
    label: "Nom de la collectivité",
    changed: "Nom officiel de la collectivité",
    breakFrom: "text required",
    breakTo: "texte required",
    code: "E0001",
  });
  await edition(browser, {
    name: "en",
    source: path.join(root, "tests", "fixtures", "serve", "award.grille"),
    label: "Name of the town",
    changed: "Official name of the town",
    breakFrom: "yesno yes = 10",
    breakTo: "yesno yes = 10 when Z9",
    code: "E0003",
  });
  await browser.close();
  await step("the Nu HTML Checker finds no error on the preview's pages", async () => nu(kept));
  if (failures.length) {
    console.log(failures.length + " step(s) failed");
    process.exit(1);
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
