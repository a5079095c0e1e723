// `grille serve` in real Chromium: a candidate fills part of the 2024 form,
// saves, opens the private link in a fresh browser, finishes, sends,
// changes an answer, sends again; the stored answers score as typed. Every
// page the server adds passes axe-core and the Nu HTML Checker.
//
//   node tests/browser/serve.test.js GRILLE_BINARY OUTPUT_DIR
//
// Prints one line per step; exits 1 when a step fails.
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { chromium } = require("playwright-core");
const { FLAGS, failures, step, expect, equal, axe, answer, nu, listen, keep: keepIn, kept, command } = require("./harness");

const { grille, out } = command("serve.test.js");
const root = path.join(__dirname, "..", "..");

/** The 2024 form with these header lines, written into OUTPUT_DIR. */
function form(name, header) {
  const text = fs.readFileSync(path.join(root, "forms", "tnl-2024.grille"), "utf8").replace("  lang fr\n", "  lang fr\n" + header);
  const file = path.join(out, name + ".grille");
  fs.writeFileSync(file, text);
  return file;
}

/** Starts `grille serve` on a free port; resolves to its address and process. */
const serve = (file, database) => listen(grille, ["serve", file, "--database", "sqlite:" + database]);
/** Saves the page's HTML for the Nu HTML Checker. */
const keep = (page, name) => keepIn(out, page, name);

(async () => {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const open = await serve(form("ouvert", "  receipt result\n"), path.join(out, "campagne.db"));
  const closed = await serve(form("clos", "  deadline 2000-11-30\n"), path.join(out, "close.db"));
  const english = await serve(path.join(root, "docs", "examples", "maturity.grille"), path.join(out, "english.db"));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS });
  const candidate = JSON.parse(fs.readFileSync(path.join(root, "tests", "fixtures", "answers", "complet.json"), "utf8")).answers;
  const ids = Object.keys(candidate);
  const half = ids.slice(0, 12);
  let link = null;

  await step("a candidate fills part of the form and saves it: the private link", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(open.base + "/");
    await axe(page, "on the new form");
    for (const id of half) await answer(page, id, candidate[id]);
    await Promise.all([page.waitForURL(/\/a\/[A-Za-z0-9_-]{43}$/), page.locator("#save").click()]);
    link = page.url();
    const box = await page.locator("#application").textContent();
    expect(box.includes("Brouillon enregistré le"), "the draft is said saved: " + box);
    expect(box.includes(link), "the link is shown: " + box);
    equal(await page.locator("#q-P1").inputValue(), candidate.P1, "the answers are kept");
    await axe(page, "on a draft");
    await keep(page, "brouillon");
    await context.close();
  });

  await step("in a fresh browser, the link brings the draft back; the candidate finishes and sends", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(link);
    equal(await page.locator("#q-P1").inputValue(), candidate.P1, "P1 from the server");
    for (const id of ids.filter((id) => !half.includes(id))) {
      if (await page.locator("#q-" + id + "-box").isVisible()) await answer(page, id, candidate[id]);
    }
    await Promise.all([page.waitForURL(/\/receipt$/), page.locator("#submit").click()]);
    const text = await page.locator("main").textContent();
    expect(text.includes("Votre candidature a été reçue le"), "the receipt: " + text);
    expect(text.includes("(version 2)"), "the second version: " + text);
    expect(text.includes("Résultat provisoire"), "the provisional result: " + text);
    await axe(page, "on the receipt");
    await keep(page, "recu");
    await context.close();
  });

  await step("the candidate changes an answer and sends again: version 3, scored as typed", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(link);
    expect((await page.locator("#application").textContent()).includes("Candidature envoyée le"), "sent");
    await axe(page, "on an application sent");
    await keep(page, "envoyee");
    await page.locator("#q-P1").fill("Commune de Libreville-sur-Mer");
    await Promise.all([page.waitForURL(/\/receipt$/), page.locator("#submit").click()]);
    expect((await page.locator("main").textContent()).includes("(version 3)"), "the third version");
    const token = link.split("/a/")[1];
    const api = await (await fetch(open.base + "/api/submissions/" + token)).json();
    equal(api.answers.answers.P1, "Commune de Libreville-sur-Mer", "the change is stored");
    const expected = Object.assign({}, candidate, { P1: "Commune de Libreville-sur-Mer" });
    equal(Object.keys(api.answers.answers).sort(), Object.keys(expected).sort(), "every answer is stored");
    const file = path.join(out, "stored.json");
    fs.writeFileSync(file, JSON.stringify(api.answers));
    const scored = JSON.parse(spawnSync(grille, ["score", path.join(root, "forms", "tnl-2024.grille"), file, "--format", "json"], { encoding: "utf8" }).stdout);
    equal(scored.total, api.total, "the stored answers score as the server said");
    await context.close();
  });

  await step("without JavaScript, a wrong answer comes back with its problem and as typed", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(open.base + "/");
    await page.locator("#q-P1").fill("Ville sans script");
    await page.locator("#q-P4").fill("douze mille");
    await page.locator("#save").click();
    await page.waitForLoadState();
    equal(await page.locator("#q-P4").inputValue(), "douze mille", "as typed");
    equal(await page.locator("#q-P1").inputValue(), "Ville sans script", "as typed");
    expect((await page.title()).startsWith("Erreur : "), "the title says it");
    const summary = await page.locator("#error-summary").textContent();
    expect(summary.includes("1.4 Nombre d’habitants"), "the summary names the question: " + summary);
    await keep(page, "erreurs");
    await context.close();
  });

  await step("with JavaScript, a draft the server refuses shows its problems, as typed", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(open.base + "/");
    await page.locator("#q-P1").fill("Ville avec script");
    await page.locator("#q-P4").fill("douze mille");
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator("#save").click()]);
    equal(response.status(), 422, "refused");
    await page.waitForLoadState();
    equal(await page.locator("#q-P4").inputValue(), "douze mille", "as typed");
    expect(await page.locator("#error-summary").isVisible(), "the summary is shown");
    expect((await page.locator("#q-P4-error").textContent()).length > 0, "the problem is under its question");
    await axe(page, "on a form the server refused");
    await context.close();
  });

  await step("the notices: not found, closed", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const missing = await page.goto(open.base + "/a/" + "A".repeat(43));
    equal(missing.status(), 404, "an unknown link");
    await axe(page, "on the not-found page", 5);
    await keep(page, "introuvable");
    const shut = await page.goto(closed.base + "/");
    equal(shut.status(), 403, "a closed questionnaire");
    expect((await page.locator("main").textContent()).includes("Les candidatures sont closes"), "closed");
    await axe(page, "on the closed page", 5);
    await keep(page, "clos");
    await context.close();
  });

  await step("an English questionnaire's pages are in English", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(english.base + "/");
    equal(await page.locator("html").getAttribute("lang"), "en", "lang");
    equal((await page.locator("#save").textContent()).trim(), "Save without sending", "the save button");
    await Promise.all([page.waitForURL(/\/a\//), page.locator("#save").click()]);
    expect((await page.locator("#application").textContent()).includes("Draft saved on"), "the draft in English");
    await axe(page, "on an English draft");
    await keep(page, "english-draft");
    await page.goto(english.base + "/nothing");
    expect((await page.locator("h1").textContent()).includes("Page not found"), "not found in English");
    await axe(page, "on an English notice", 5);
    await keep(page, "english-not-found");
    await context.close();
  });

  await step("the Nu HTML Checker reports no error on the server's pages", async () => {
    nu(kept);
  });

  await browser.close();
  for (const server of [open, closed, english]) server.child.kill();
  console.log(failures.length ? failures.length + " failed" : "all passed");
  process.exit(failures.length ? 1 : 0);
})().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
