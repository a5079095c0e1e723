// The candidate's form in real Chromium: what a candidate does, what the
// page shows, axe-core and the Nu HTML Checker.
//
//   node tests/browser/form.test.js GRILLE_BINARY OUTPUT_DIR
//
// Builds forms/tnl-2024.grille, tests/browser/fixtures/general.grille and
// the worked examples of docs/examples/ (one in English, one in French
// with grille's neutral words) with the given binary into OUTPUT_DIR, drives them in Debian's Chromium
// and writes screenshots there. Prints one line per step; exits 1 when a
// step fails.
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync, spawnSync } = require("child_process");
const { chromium } = require("playwright-core");
const { FLAGS, failures, step, expect, equal, axe, answer, nu, command } = require("./harness");

const { grille, out } = command("form.test.js");
const root = path.join(__dirname, "..", "..");
const fixtures = path.join(__dirname, "fixtures");
function build(form, dir) {
  execFileSync(grille, ["build", form, "-o", dir], { stdio: ["ignore", "ignore", "pipe"] });
  return path.join(dir, "formulaire.html");
}

function score(form, answers) {
  const run = spawnSync(grille, ["score", form, answers, "--format", "json"], { encoding: "utf8" });
  if (run.status !== 0) throw new Error("grille score failed: " + run.stdout + run.stderr);
  return JSON.parse(run.stdout);
}

/** Opens a page, recording every request, console error and CSP report. */
async function open(context, file) {
  const page = await context.newPage();
  const log = { requests: [], errors: [], confirms: [] };
  const url = "file://" + file;
  page.on("request", (r) => {
    if (r.url() !== url && !r.url().startsWith("blob:") && !r.url().startsWith("data:")) log.requests.push(r.url());
  });
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") log.errors.push(m.text());
  });
  page.on("pageerror", (e) => log.errors.push(String(e)));
  // The page asks before replacing or erasing answers; nothing else may
  // open a dialog.
  page.on("dialog", (d) => {
    if (d.type() === "confirm") {
      log.confirms.push(d.message());
      d.accept();
    } else {
      log.errors.push("dialog: " + d.message());
      d.dismiss();
    }
  });
  await page.goto(url);
  return { page, log };
}

const visible = (page, selector) => page.locator(selector).isVisible();

// ---------------------------------------------------------------- tests

(async () => {
  fs.mkdirSync(out, { recursive: true });
  const tnlForm = path.join(root, "forms", "tnl-2024.grille");
  const tnl = build(tnlForm, path.join(out, "tnl-2024"));
  const generalForm = path.join(fixtures, "general.grille");
  const general = build(generalForm, path.join(out, "general"));
  const maturityForm = path.join(root, "docs", "examples", "maturity.grille");
  const maturity = build(maturityForm, path.join(out, "maturity"));
  const severity = build(path.join(root, "docs", "examples", "severity.grille"), path.join(out, "severity"));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS });

  await step("the Nu HTML Checker reports no error", async () => {
    nu([tnl, general, maturity, severity]);
  });

  await step("the files stay small", async () => {
    const html = fs.readFileSync(tnl, "utf8");
    const script = html.slice(html.lastIndexOf("<script>") + 8, html.lastIndexOf("</script>"));
    console.log("        formulaire.html " + html.length + " bytes, script " + script.length + " bytes");
    expect(Buffer.byteLength(html) < 150 * 1024, "formulaire.html is over 150 KB");
    // The script is shipped as written, comments included.
    expect(Buffer.byteLength(script) < 40 * 1024, "its script is over 40 KB");
  });

  const candidate = JSON.parse(fs.readFileSync(path.join(fixtures, "candidat-2024.json"), "utf8")).answers;

  await step("2024 form: loads with no request, no error, and passes axe-core", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, log } = await open(context, tnl);
    await page.waitForSelector("#tools:not([hidden])");
    // The script runs at the end of the body: once the DOM is loaded, the
    // page is interactive.
    const timing = await page.evaluate(() => performance.getEntriesByType("navigation")[0].toJSON());
    console.log("        interactive " + Math.round(timing.domContentLoadedEventEnd) + " ms after navigation started");
    equal(await page.locator("h1").count(), 1, "h1 count");
    equal(await page.evaluate(() => document.documentElement.lang), "fr", "lang");
    expect(await page.evaluate(() => !!document.querySelector("main") && !!document.querySelector("nav") && !!document.querySelector("header")), "landmarks");
    await axe(page, "in the initial state");
    await page.screenshot({ path: path.join(out, "tnl-2024-1280.png"), fullPage: false });
    equal(log.requests, [], "requests");
    equal(log.errors, [], "console errors");
    await context.close();
  });

  await step("2024 form: an empty submission lists every required question and passes axe-core", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, log } = await open(context, tnl);
    await page.locator("#submit").click();
    expect(await visible(page, "#error-summary"), "the error summary is shown");
    equal(await page.evaluate(() => document.activeElement.id), "error-summary", "focus after a failed submission");
    const items = await page.locator("#error-list li").allTextContents();
    equal(items.length, 11, "required questions listed");
    expect(items[0].startsWith("1.1 Nom de la collectivité : Répondez à cette question"), "first entry: " + items[0]);
    expect((await page.title()).startsWith("Erreur : "), "the title says there are errors");
    equal(await page.locator("#q-P1").getAttribute("aria-invalid"), "true", "aria-invalid on P1");
    expect((await page.locator("#q-P1-error").textContent()).includes("obligatoire"), "P1's message");
    // A summary link takes the focus to its field.
    await page.locator("#error-list a").nth(1).click();
    equal(await page.evaluate(() => document.activeElement.name), "P2", "focus after following a link");
    await axe(page, "after an empty submission");
    await page.screenshot({ path: path.join(out, "tnl-2024-errors-1280.png") });
    equal(log.errors, [], "console errors");
    await context.close();
  });

  await step("2024 form: conditions show and hide questions, as the engine does", async () => {
    const context = await browser.newContext();
    const { page } = await open(context, tnl);
    expect(!(await visible(page, "#q-P8a-box")), "P8a hidden at first");
    await answer(page, "P8", true);
    expect(await visible(page, "#q-P8a-box"), "P8a shown after « Oui »");
    await answer(page, "P8", false);
    expect(!(await visible(page, "#q-P8a-box")), "P8a hidden after « Non »");
    expect(!(await visible(page, "#q-S2-box")), "S2 hidden at first");
    await answer(page, "S1", "deliberation");
    expect(await visible(page, "#q-S2-box"), "S2 shown for « Adoptée par délibération »");
    await answer(page, "S1", "en_cours");
    expect(!(await visible(page, "#q-S2-box")), "S2 hidden for « En cours »");
    await answer(page, "L2", 0);
    expect(!(await visible(page, "#q-L3-box")), "L3 hidden when L2 = 0");
    await answer(page, "L2", 3);
    expect(await visible(page, "#q-L3-box"), "L3 shown when L2 > 0");
    expect(!(await visible(page, "#q-D3a-box")), "D3a hidden at first");
    await answer(page, "D3", ["portail"]);
    expect(await visible(page, "#q-D3a-box"), "D3a shown when D3 has an answer");
    // A hidden question is not sent, whatever it holds.
    expect(await page.locator("#q-S2").isDisabled(), "hidden S2 is disabled");
    await context.close();
  });

  await step("2024 form: a failed hard check blocks with its message; the computed value updates", async () => {
    const context = await browser.newContext();
    const { page } = await open(context, tnl);
    await answer(page, "L1", 10);
    await answer(page, "L2", 20);
    await page.locator("#q-L2").blur();
    const message = "Le nombre de postes sous GNU/Linux ne peut pas dépasser le nombre total de postes.";
    expect((await page.locator("#q-L2-error").textContent()).includes(message), "L2 shows the check's message");
    await page.locator("#submit").click();
    const items = await page.locator("#error-list li").allTextContents();
    expect(items.some((t) => t.includes(message)), "the summary lists the check: " + items.join(" | "));
    await answer(page, "L2", 5);
    equal(await page.locator("#c-part_linux").textContent(), "50", "part_linux for 5 of 10");
    await answer(page, "L1", 3);
    await answer(page, "L2", 1);
    equal(await page.locator("#c-part_linux").textContent(), "33,33", "part_linux for 1 of 3");
    equal(await page.locator("#q-L2-error").textContent(), "", "no error once fixed");
    await context.close();
  });

  await step("2024 form: answers are checked as grille score checks them", async () => {
    const context = await browser.newContext();
    const { page } = await open(context, tnl);
    const cases = [
      ["P3", "12345678901234", "n’est pas valide"],
      ["P3", "1234", "14 chiffres"],
      ["P4", "12,5", "entier"],
      ["P4", "-3", "supérieur ou égal à 0"],
      ["P7", "pas-une-adresse", "adresse électronique"],
      ["B9", "31", "de 0 à 30"],
      ["S12", "abc", "Saisissez un nombre"],
    ];
    for (const [id, text, expected] of cases) {
      await page.locator("#q-" + id).fill(text);
      await page.locator("#q-" + id).blur();
      const shown = await page.locator("#q-" + id + "-error").textContent();
      expect(shown.includes(expected), id + " = " + text + ": expected « " + expected + " », found « " + shown + " »");
      await page.locator("#q-" + id).fill("");
    }
    await page.locator("#q-P3").fill("213 801 517 00011");
    await page.locator("#q-P3").blur();
    equal(await page.locator("#q-P3-error").textContent(), "", "a SIRET with spaces is accepted");
    await context.close();
  });

  await step("2024 form: a candidate fills it, downloads the file, and it scores as the source answers", async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const { page, log } = await open(context, tnl);
    for (const [id, value] of Object.entries(candidate)) await answer(page, id, value);
    await page.locator("#s-logiciels").screenshot({ path: path.join(out, "tnl-2024-section-4-filled.png") });
    const progress = await page.locator("#s-identification-progress").textContent();
    equal(progress, "9 réponses sur 9 questions", "progress of section 1 (P8a shown)");
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#submit").click()]);
    equal(download.suggestedFilename(), "reponses-tnl-2024.json", "file name");
    const file = path.join(out, "downloaded-tnl-2024.json");
    await download.saveAs(file);
    expect(!(await visible(page, "#error-summary")), "no error summary");
    expect((await page.locator("#status").textContent()).includes("complètes"), "the page says the answers are complete");
    const fromPage = score(tnlForm, file);
    const fromSource = score(tnlForm, path.join(fixtures, "candidat-2024.json"));
    equal(fromPage.level, 2, "level of the downloaded answers");
    equal(fromPage.total, fromSource.total, "total");
    equal(fromPage.sections, fromSource.sections, "sections");
    equal(JSON.parse(fs.readFileSync(file, "utf8")).answers, candidate, "the file holds exactly the answers given");
    equal(log.errors, [], "console errors");

    // Reloading restores every answer from the browser's storage.
    await page.reload();
    await page.waitForSelector("#tools:not([hidden])");
    equal(await page.locator("#q-P1").inputValue(), candidate.P1, "P1 after reload");
    equal(await page.locator("#q-S12").inputValue(), "22,5", "S12 after reload");
    expect(await page.locator("#q-L5-gimp").isChecked(), "L5 gimp after reload");
    expect((await page.locator("#status").textContent()).includes("Réponses restaurées"), "the page says answers were restored");
    await context.close();

    // Another browser takes the file back with « Reprendre un fichier ».
    const other = await browser.newContext({ acceptDownloads: true });
    const fresh = await open(other, tnl);
    await fresh.page.locator("#restore-file").setInputFiles(file);
    await fresh.page.waitForFunction(() => document.getElementById("status").textContent.includes("reprises"));
    equal(await fresh.page.locator("#q-B6").inputValue(), "68,4", "B6 restored");
    expect(await fresh.page.locator("#q-P8a-n1").isChecked(), "P8a restored");
    const [again] = await Promise.all([fresh.page.waitForEvent("download"), fresh.page.locator("#download").click()]);
    const second = path.join(out, "downloaded-again-tnl-2024.json");
    await again.saveAs(second);
    equal(fs.readFileSync(second, "utf8"), fs.readFileSync(file, "utf8"), "the same file, downloaded again");
    equal(fresh.log.errors, [], "console errors");
    await other.close();
  });

  await step("2024 form: files that cannot be taken back say why; « Effacer » asks, then erases", async () => {
    const context = await browser.newContext();
    const { page, log } = await open(context, tnl);
    const restore = async (name, text) => {
      const file = path.join(out, name);
      fs.writeFileSync(file, text);
      await page.locator("#restore-file").setInputFiles(file);
      await page.waitForFunction((n) => document.getElementById("status").textContent.includes(n), name);
      return page.locator("#status").textContent();
    };
    expect((await restore("broken.json", "{ not json")).includes("pas du JSON lisible"), "broken JSON");
    expect((await restore("other.json", '{"questionnaire": "autre", "answers": {}}')).includes("questionnaire « autre »"), "another questionnaire");
    const partly = await restore(
      "partly.json",
      '{"questionnaire": "tnl", "edition": 2023, "answers": {"P1": "Commune", "ZZ9": 1, "P4": "douze", "S2": "15/03/2021", "L1": 12}}',
    );
    for (const part of ["Réponses reprises", ": 2.", "l’édition 2023", "« ZZ9 » (question inconnue)", "1.4 (réponse non reconnue)", "2.2 (réponse non reconnue)"]) {
      expect(partly.includes(part), "« " + part + " » in « " + partly + " »");
    }
    equal(await page.locator("#q-L1").inputValue(), "12", "L1 taken back");
    await page.locator("#clear").click();
    equal(log.confirms.length, 1, "the page asked before erasing");
    equal(await page.locator("#q-P1").inputValue(), "", "P1 erased");
    await page.reload();
    equal(await page.locator("#q-L1").inputValue(), "", "nothing comes back after a reload");
    equal(log.errors, [], "console errors");
    await context.close();
  });

  await step("2024 form: a hidden question's answer is kept on the page but left out of the file", async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const { page } = await open(context, tnl);
    await answer(page, "S1", "interne");
    await answer(page, "S2", "2022-11-15");
    await answer(page, "S1", "aucune");
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download").click()]);
    const file = path.join(out, "hidden.json");
    await download.saveAs(file);
    equal(JSON.parse(fs.readFileSync(file, "utf8")).answers, { S1: "aucune" }, "answers in the file");
    await answer(page, "S1", "interne");
    equal(await page.locator("#q-S2").inputValue(), "2022-11-15", "S2 comes back when shown again");
    await context.close();
  });

  await step("2024 form: complete by keyboard alone", async () => {
    const context = await browser.newContext();
    const { page } = await open(context, tnl);
    await page.keyboard.press("Tab");
    equal(await page.evaluate(() => document.activeElement.textContent), "Aller aux questions", "first Tab stop");
    await page.keyboard.press("Enter");
    await page.locator("#q-P1").focus();
    await page.keyboard.type("Commune de Clavier");
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown");
    equal(await page.evaluate(() => document.activeElement.id), "q-P2-cc", "arrow keys choose an option");
    expect(await page.locator("#q-P2-cc").isChecked(), "P2 chosen by keyboard");
    await page.locator("#q-L5-firefox").focus();
    await page.keyboard.press("Space");
    expect(await page.locator("#q-L5-firefox").isChecked(), "a box ticked with Space");
    await page.locator("#submit").focus();
    await page.keyboard.press("Enter");
    equal(await page.evaluate(() => document.activeElement.id), "error-summary", "Enter submits; focus on the summary");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    equal(await page.evaluate(() => document.activeElement.id), "q-P3", "a summary link followed by keyboard");
    await context.close();
  });

  await step("2024 form: usable at 320 px and at 200 % zoom, with no sideways scrolling", async () => {
    for (const [width, scale, name] of [
      [320, 1, "tnl-2024-320.png"],
      [640, 2, "tnl-2024-1280-zoom-200.png"],
    ]) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: scale });
      const { page } = await open(context, tnl);
      await page.screenshot({ path: path.join(out, "start-" + name) });
      await page.locator("#submit").click();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      equal(overflow, 0, "sideways overflow at " + width + " px");
      await page.screenshot({ path: path.join(out, name) });
      await context.close();
    }
  });

  await step("2024 form: without JavaScript every question is shown with its condition in words", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("file://" + tnl);
    expect(await visible(page, "#q-P8a-box"), "P8a shown");
    expect(await visible(page, "#q-L13a-box"), "L13a shown");
    equal(
      await page.locator("#q-P8a-when").textContent(),
      "Si vous avez répondu « Oui » à la question 1.8.",
      "P8a's condition",
    );
    equal(
      await page.locator("#q-S2-when").textContent(),
      "Si vous avez répondu « Document interne validé » ou « Adoptée par délibération » à la question 2.1.",
      "S2's condition",
    );
    expect(await visible(page, ".nojs"), "the no-JavaScript notice");
    await page.screenshot({ path: path.join(out, "tnl-2024-nojs.png") });
    await context.close();
  });

  await step("English form: its own words in English, axe-core before and after an empty submission", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, log } = await open(context, maturity);
    await page.waitForSelector("#tools:not([hidden])");
    equal(await page.evaluate(() => document.documentElement.lang), "en", "lang");
    equal(await page.locator("#toc-title").textContent(), "Contents", "contents");
    equal(await page.locator("#download").textContent(), "Download my answers", "download button");
    await axe(page, "on the English form");
    await page.locator("#submit").click();
    const items = await page.locator("#error-list li").allTextContents();
    equal(items, ["1.1 Does the repository hold the project’s licence? — Answer this question: it is required."], "error summary");
    expect((await page.title()).startsWith("Error: "), "the title says there are errors");
    await answer(page, "maintainers", "2.5");
    await page.locator("#q-maintainers").blur();
    equal(await page.locator("#q-maintainers-error").textContent(), "Error: Enter a whole number, without decimals.", "a number's message");
    await answer(page, "maintainers", "2000");
    equal(await page.locator("#q-maintainers-error").textContent(), "Error: Enter a number from 0 to 1,000.", "a range's message");
    await axe(page, "on the English form after an empty submission");
    await page.screenshot({ path: path.join(out, "maturity-errors-1280.png") });
    equal(log.errors, [], "console errors");
    await context.close();
  });

  await step("English form: filled in and downloaded, it scores as grille score says", async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const { page, log } = await open(context, maturity);
    const answers = { license: true, spdx: "some", contributing: true, maintainers: 3, channels: ["tracker"], policy: true, response: 10 };
    for (const [id, value] of Object.entries(answers)) {
      if (typeof value === "number") await page.locator("#q-" + id).fill(String(value));
      else await answer(page, id, value);
    }
    equal(await page.locator("#s-licensing-progress").textContent(), "2 answers out of 2 questions", "progress, plural");
    equal(await page.locator("#s-community-progress").textContent(), "3 answers out of 4 questions", "progress");
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#submit").click()]);
    equal(download.suggestedFilename(), "answers-maturity-2026.json", "file name");
    const file = path.join(out, "downloaded-maturity.json");
    await download.saveAs(file);
    expect((await page.locator("#status").textContent()).includes("Your answers are complete"), "the page says the answers are complete");
    const scored = score(maturityForm, file);
    equal([scored.total, scored.level], [37, 2], "total and level of the downloaded answers");
    equal(log.errors, [], "console errors");
    await context.close();
  });

  await step("French form without terms: neutral words, axe-core", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, log } = await open(context, severity);
    await page.waitForSelector("#tools:not([hidden])");
    equal(await page.locator("h1 .edition").textContent(), "Questionnaire 2026", "the heading's document");
    equal(await page.locator("#submit").textContent(), "Vérifier et télécharger mes réponses", "the button");
    await page.locator("#submit").click();
    equal(await page.locator("#error-list li").count(), 4, "required questions listed");
    await axe(page, "on the French severity scale");
    equal(log.errors, [], "console errors");
    await context.close();
  });

  await step("texts that look like HTML are shown literally and never run", async () => {
    const context = await browser.newContext();
    const { page, log } = await open(context, general);
    equal(await page.locator("h1").evaluate((h) => h.firstChild.textContent), 'Essai <script>alert("titre")</script> & "guillemets" ', "h1");
    equal(await page.locator("#q-T1-label").textContent(), "1.1 Nom <script>alert('label')</script> (obligatoire)", "label");
    equal(await page.locator("#q-T1-hint").textContent(), 'Un indice avec "guillemets" & <em>balises</em>.', "hint");
    equal(await page.locator("label[for='q-T2-commune']").textContent(), "Commune <img src=x onerror=alert(1)>", "option");
    equal(await page.locator("#s-profil-title").textContent(), "1. Profil <i>&amp;</i>", "section title");
    equal((await page.locator("#n-0").textContent()).trim(), "Note toujours affichée : <script>alert('note')</script>", "note");
    equal(await page.evaluate(() => document.querySelectorAll("script, img, b, i, em:not(main > p em)").length), 2, "elements from the source");
    equal(log.errors, [], "no dialog, no error");
    await axe(page, "on the general form");
    await context.close();
  });

  await step("general form: section and note conditions, soft checks, exclusive options, computed values", async () => {
    const context = await browser.newContext();
    const { page, log } = await open(context, general);
    expect(!(await visible(page, "#s-communes")), "section 2 hidden at first");
    expect(!(await visible(page, "#n-1")), "the conditional note hidden at first");
    await answer(page, "T2", "commune");
    expect(await visible(page, "#s-communes"), "section 2 shown for a commune");
    expect(await visible(page, "#n-1"), "the note shown for a commune");
    equal(await page.locator("[data-progress='communes']").textContent(), "0 réponse sur 3 questions", "progress");
    await answer(page, "K1", 4);
    await answer(page, "K2", 4);
    expect((await page.locator("#q-K2-warning").textContent()).includes("Toutes les écoles sont équipées"), "a soft check warns");
    equal(await page.locator("#q-K2-error").textContent(), "", "a soft check is no error");
    equal(await page.locator("#c-part_ecoles").textContent(), "100", "computed value");
    await answer(page, "K3", "1234,5");
    equal(await page.locator("#c-budget_ecoles").textContent(), "4\u202f938,00\u00a0€", "computed amount, with its unit and decimals");
    await page.screenshot({ path: path.join(out, "general-1280.png"), fullPage: true });
    await answer(page, "O1", ["a", "b"]);
    await answer(page, "O1", ["aucun"]);
    equal(
      await page.locator("#q-O1-box input:checked").evaluateAll((l) => l.map((c) => c.value)),
      ["aucun"],
      "an exclusive option clears the others",
    );
    await answer(page, "O1", ["c"]);
    equal(await page.locator("#q-O1-box input:checked").evaluateAll((l) => l.map((c) => c.value)), ["c"], "and the others clear it");
    await answer(page, "T2", "autre");
    expect(!(await visible(page, "#s-communes")), "section 2 hidden again");
    equal(await page.locator("[data-progress='communes']").textContent(), "Ne s’applique pas à votre situation", "progress of a hidden section");
    equal(log.errors, [], "console errors");
    await context.close();
  });

  await step("general form: a complete form is sent to its address, as the answers file", async () => {
    const context = await browser.newContext();
    const { page } = await open(context, general);
    let posted = null;
    await page.route("https://example.org/candidatures", async (route) => {
      posted = route.request().postData();
      await route.fulfill({ status: 200, contentType: "text/html", body: "<!DOCTYPE html><title>Reçu</title><p>Reçu" });
    });
    await answer(page, "T1", 'Nom & "guillemets"');
    await answer(page, "T2", "commune");
    await answer(page, "K1", 3);
    await answer(page, "K2", 2);
    await answer(page, "K3", 12.75);
    await answer(page, "O1", ["a", "b"]);
    await answer(page, "O4", true);
    await answer(page, "T3", "2020-02-29");
    await Promise.all([page.waitForURL("https://example.org/candidatures"), page.locator("#submit").click()]);
    expect(posted !== null, "the form was posted");
    const fields = new URLSearchParams(posted);
    const file = JSON.parse(fields.get("grille-reponses"));
    equal(
      file.answers,
      { T1: 'Nom & "guillemets"', T2: "commune", T3: "2020-02-29", K1: 3, K2: 2, K3: 12.75, O1: ["a", "b"], O4: true },
      "posted answers",
    );
    const saved = path.join(out, "posted-general.json");
    fs.writeFileSync(saved, fields.get("grille-reponses"));
    equal(score(generalForm, saved).level, 2, "the posted answers score");
    await context.close();
  });

  await browser.close();
  console.log(failures.length ? failures.length + " failed" : "all passed");
  process.exit(failures.length ? 1 : 0);
})().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
