// The jury's pages of `grille serve` in real Chromium, in French (the
// 2024 form) and in English (tests/fixtures/serve/award.grille): two
// jurors sign in and mark the same application, one of them on a page
// shown before the other's save (told, nothing lost), the president
// agrees the marks, validates and publishes; the public results and the
// candidate's result sheet show the expected levels. Every page passes
// axe-core and the Nu HTML Checker.
//
//   node tests/browser/jury.test.js GRILLE_BINARY OUTPUT_DIR
//
// Prints one line per step; exits 1 when a step fails.
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { chromium } = require("playwright-core");
const { FLAGS, failures, step, expect, equal, axe, nu, listen, keep: keepIn, kept, command } = require("./harness");

const { grille, out } = command("jury.test.js");
const root = path.join(__dirname, "..", "..");

/** Starts `grille serve` on a free port; resolves to its address and process. */
const serve = (file, database) => listen(grille, ["serve", file, "--database", database]);

/** `grille jury add NAME`, with the password on standard input. */
function addJuror(database, name, password, president) {
  const args = ["jury", "add", name, "--database", database].concat(president ? ["--president"] : []);
  const run = spawnSync(grille, args, { input: password + "\n", encoding: "utf8" });
  equal(run.status, 0, "grille jury add " + name + ": " + run.stderr);
}

/** Sends an answers file through the API; resolves to the submission. */
async function submit(base, file) {
  const response = await fetch(base + "/api/submissions", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(file),
  });
  equal(response.status, 201, "the submission is received");
  return response.json();
}

const keep = (page, name) => keepIn(out, page, name);

/** A new browser context signed in as this juror. */
async function signIn(browser, base, name, password) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + "/jury/");
  expect(page.url().endsWith("/jury/login"), "without a session, the sign-in page: " + page.url());
  await page.locator("#name").fill(name);
  await page.locator("#password").fill(password);
  await Promise.all([page.waitForURL(/\/jury\/$/), page.locator("button[type=submit]").first().click()]);
  return { context, page };
}

/** Marks the jury's questions on the application's page and saves. */
async function mark(page, marks, submit) {
  for (const [id, value] of Object.entries(marks)) await page.locator("#" + id).fill(String(value));
  await page.locator("button", { hasText: submit }).click();
  await page.waitForLoadState("load");
}

/** Chooses a state (as the president) and saves it. */
async function setState(page, label, submit) {
  await page.getByLabel(label, { exact: true }).check();
  await page.locator("button", { hasText: submit }).click();
  await page.waitForLoadState("load");
}

async function campaign(browser, w) {
  const app = await serve(w.form, "sqlite:" + path.join(out, w.name + ".db"));
  try {
    addJuror("sqlite:" + path.join(out, w.name + ".db"), "Ana Lopez", "the password of Ana", true);
    addJuror("sqlite:" + path.join(out, w.name + ".db"), "Bruno Petit", "the password of Bruno", false);
    const first = await submit(app.base, w.first);
    const second = await submit(app.base, w.second);
    const casePath = "/jury/applications/" + first.id;

    await step(w.name + ": the sign-in page refuses a wrong password, in words", async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(app.base + "/jury/login");
      await axe(page, "on the sign-in page", 5);
      await keep(page, w.name + "-login");
      await page.locator("#name").fill("Bruno Petit");
      await page.locator("#password").fill("not the password");
      await page.locator("button[type=submit]").first().click();
      await page.waitForLoadState("load");
      expect((await page.locator("[role=alert]").textContent()).includes(w.wrong), "the error is said");
      await axe(page, "on a failed sign-in", 5);
      await keep(page, w.name + "-login-failed");
      await context.close();
    });

    const bruno = await signIn(browser, app.base, "Bruno Petit", "the password of Bruno");
    const ana = await signIn(browser, app.base, "Ana Lopez", "the password of Ana");

    await step(w.name + ": the list shows both applications, filtered and sorted", async () => {
      const text = await bruno.page.locator("main").textContent();
      expect(text.includes(w.firstName) && text.includes(w.secondName), "both listed: " + text);
      await axe(bruno.page, "on the list");
      await keep(bruno.page, w.name + "-list");
      await bruno.page.locator("#f-sort").selectOption("name");
      await bruno.page.locator("form.tools button").click();
      await bruno.page.waitForLoadState("load");
      await axe(ana.page, "on the president's list");
      await keep(ana.page, w.name + "-list-president");
    });

    await step(w.name + ": two jurors mark; the later page is told and keeps what was typed", async () => {
      await bruno.page.goto(app.base + casePath);
      await ana.page.goto(app.base + casePath);
      await axe(bruno.page, "on an application");
      await keep(bruno.page, w.name + "-application");
      // A mark out of bounds is refused, in words.
      await mark(bruno.page, { ["mark-" + w.jury]: 99 }, w.mine);
      expect((await bruno.page.locator("#mark-" + w.jury + "-error").textContent()).length > 0, "the mark's problem is said");
      await axe(bruno.page, "on a mark refused");
      await keep(bruno.page, w.name + "-mark-refused");
      await mark(bruno.page, { ["mark-" + w.jury]: w.marks[0] }, w.mine);
      expect(bruno.page.url().includes("saved=1"), "saved: " + bruno.page.url());
      // Ana's page was shown before Bruno saved.
      await mark(ana.page, { ["mark-" + w.jury]: w.marks[1] }, w.mine);
      expect((await ana.page.locator("[role=alert]").textContent()).includes(w.conflict), "Ana is told");
      equal(await ana.page.locator("#mark-" + w.jury).inputValue(), String(w.marks[1]), "what Ana typed is kept");
      await axe(ana.page, "on a conflict");
      await keep(ana.page, w.name + "-conflict");
      await mark(ana.page, {}, w.mine);
      const text = await ana.page.locator("main").textContent();
      expect(text.includes(w.mean), "the mean and spread: " + text);
    });

    await step(w.name + ": the president agrees, validates and publishes", async () => {
      for (const [i, at] of [casePath, "/jury/applications/" + second.id].entries()) {
        const marks = w.agreed[i];
        await ana.page.goto(app.base + at);
        // The mentions the jury decides: yes (1) or no (2).
        for (const [id, choice] of Object.entries((w.decisions || [])[i] || {})) {
          await ana.page.locator("#agreed-decision-" + id + "-" + choice).check();
        }
        const agreed = Object.fromEntries(Object.entries(marks).map(([id, v]) => ["agreed-mark-" + id, v]));
        await mark(ana.page, agreed, w.agree);
        await setState(ana.page, w.validated, w.changeState);
        expect((await ana.page.locator("main").textContent()).includes(w.validated), "validated");
      }
      await axe(ana.page, "on a validated application");
      await keep(ana.page, w.name + "-validated");
      await ana.page.goto(app.base + "/jury/");
      await Promise.all([ana.page.waitForURL(/\/results$/), ana.page.locator("button", { hasText: w.publish }).click()]);
    });

    await step(w.name + ": the public results, by level, with their figures", async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(app.base + "/results");
      const text = await page.locator("main").textContent();
      for (const expected of w.results) expect(text.includes(expected), expected + ": " + text);
      equal(await page.locator("svg[role=img]").count(), w.charts, "the charts");
      await axe(page, "on the results");
      await keep(page, w.name + "-results");
      await page.goto(app.base + "/a/" + first.token + "/result");
      const sheet = await page.locator("main").textContent();
      for (const expected of w.sheet) expect(sheet.includes(expected), expected + ": " + sheet);
      await axe(page, "on a result sheet");
      await keep(page, w.name + "-sheet");
      // The same sheet as a PDF, its text read back by poppler.
      const pdf = await fetch(app.base + "/a/" + first.token + "/result.pdf");
      equal(pdf.headers.get("content-type"), "application/pdf", "the PDF's type");
      const file = path.join(out, w.name + "-resultat.pdf");
      fs.writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
      const printed = spawnSync("pdftotext", [file, "-"], { encoding: "utf8" }).stdout.replace(/\s+/g, " ");
      for (const expected of w.sheet) expect(printed.includes(expected), "the PDF says " + expected + ": " + printed);
      await context.close();
    });
    await bruno.context.close();
    await ana.context.close();
  } finally {
    app.child.kill();
  }
}

(async () => {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS });
  const complet = JSON.parse(fs.readFileSync(path.join(root, "tests", "fixtures", "answers", "complet.json"), "utf8"));
  delete complet.jury;
  const other = JSON.parse(JSON.stringify(complet));
  other.answers.P1 = "Communauté de communes du Val";
  other.answers.P2 = "cc";
  other.answers.P6 = "M. Bernard, vice-président";
  await campaign(browser, {
    name: "fr",
    form: path.join(root, "forms", "tnl-2024.grille"),
    first: complet,
    second: other,
    firstName: "Commune de Libreville",
    secondName: "Communauté de communes du Val",
    jury: "S5",
    marks: [4, 3],
    mean: "3,5 (de 3 à 4)",
    agreed: [{ S5: 4, C10: 3 }, { S5: 1, C10: 0 }],
    wrong: "Nom ou mot de passe incorrect",
    mine: "Enregistrer mon évaluation",
    conflict: "modifiée entre-temps",
    agree: "Arrêter ces notes",
    validated: "Validée",
    changeState: "Changer l’état",
    publish: "Publier les résultats",
    results: ["Commune de Libreville – dossier porté par Mme Martin", "aucun candidat", "Candidatures par type"],
    charts: 3,
    sheet: ["Votre résultat", "Pistes de progression"],
  });
  const town = (name, kind, published, percent) => ({
    questionnaire: "award",
    edition: 2026,
    answers: { N1: name, N2: "Jo Smith, deputy mayor", N3: kind, N4: "R-" + name.length, A1: published, A2: percent, A3: "Our shared library." },
  });
  await campaign(browser, {
    name: "en",
    form: path.join(root, "tests", "fixtures", "serve", "award.grille"),
    // 10 + 10 = 20 points before the jury: Silver; with 8 agreed, Gold.
    first: town("Springfield", "town", true, 60),
    // 0 + 5 = 5 points: no level, even with 2.
    second: town("Shelby County", "county", false, 30),
    firstName: "Springfield",
    secondName: "Shelby County",
    jury: "A3",
    marks: [7, 8],
    mean: "7.5 (from 7 to 8)",
    agreed: [{ A3: 8 }, { A3: 2 }],
    decisions: [{ favourite: 1 }, { favourite: 2 }],
    wrong: "Wrong name or password",
    mine: "Save my review",
    conflict: "changed in the meantime",
    agree: "Agree these marks",
    validated: "Validated",
    changeState: "Change the state",
    publish: "Publish the results",
    results: ["Springfield – carried by Jo Smith, deputy mayor (Jury's favourite)", "no candidate", "One application reaches no level."],
    charts: 3,
    sheet: ["Your result", "level 3", "Mentions: Jury's favourite.", "You reached the highest level."],
  });
  await browser.close();
  await step("the Nu HTML Checker finds no error on the jury's pages", async () => nu(kept));
  if (failures.length) {
    console.log(failures.length + " step(s) failed");
    process.exit(1);
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
