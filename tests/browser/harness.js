// What the browser tests share: Chromium's flags, the steps and their
// checks, axe-core and the Nu HTML Checker, answering a question as a
// candidate would. Required by form.test.js and serve.test.js.
"use strict";
const fs = require("fs");
const path = require("path");
const { spawn, spawnSync } = require("child_process");

const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const vnu = path.join(path.dirname(require.resolve("vnu-jar/package.json")), "build", "dist", "vnu.jar");

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const failures = [];
async function step(name, body) {
  try {
    await body();
    console.log("ok      " + name);
  } catch (e) {
    failures.push(name);
    console.log("FAILED  " + name + "\n        " + String(e && e.stack ? e.stack : e).split("\n").join("\n        "));
  }
}
function expect(condition, message) {
  if (!condition) throw new Error(message);
}
function equal(actual, expected, what) {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) throw new Error(what + ": expected " + b + ", found " + a);
}

/** axe-core's WCAG 2.1 A and AA rules: no violation, and at least `minimum` rules passed (short pages have fewer to pass). */
async function axe(page, when, minimum = 10) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  const violations = result.violations.map(
    (v) => v.id + " (" + v.impact + "): " + v.help + " — " + v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", "),
  );
  equal(violations, [], "axe-core violations " + when);
  expect(result.passes.length > minimum, "axe-core ran too few rules " + when + ": " + result.passes.length);
}

/** Answers one question as a candidate would, from an answers-file value. */
async function answer(page, id, value) {
  const box = page.locator("#q-" + id + "-box");
  if (typeof value === "boolean") {
    await page.locator("label[for='q-" + id + "-" + (value ? "yes" : "no") + "']").click();
  } else if (Array.isArray(value)) {
    for (const option of value) await page.locator("label[for='q-" + id + "-" + option + "']").click();
  } else if ((await box.locator("input[type=radio]").count()) > 0) {
    await page.locator("label[for='q-" + id + "-" + value + "']").click();
  } else if (typeof value === "number") {
    // Typed the French way, with a decimal comma.
    await page.locator("#q-" + id).fill(String(value).replace(".", ","));
  } else if ((await page.locator("#q-" + id).getAttribute("type")) === "date") {
    await page.locator("#q-" + id).fill(value);
  } else {
    await page.locator("#q-" + id).fill(value);
  }
}


/** The Nu HTML Checker's errors on these files (none expected). */
function nu(files) {
  const run = spawnSync("java", ["-jar", vnu, "--errors-only", "--format", "json", ...files], { encoding: "utf8" });
  const messages = JSON.parse(run.stderr || run.stdout).messages.map((m) => m.url + ":" + m.lastLine + ": " + m.message);
  equal(messages, [], "vnu errors");
  equal(run.status, 0, "vnu exit status");
}

/**
 * Starts `GRILLE ARGS --listen 127.0.0.1:0` (`serve` or `preview`); resolves
 * to its address and process once it says where it listens.
 */
function listen(grille, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(grille, [...args, "--listen", "127.0.0.1:0"], { stdio: ["ignore", "pipe", "inherit"] });
    let text = "";
    child.stdout.on("data", (chunk) => {
      text += chunk;
      const found = /at (http:\/\/[^/]+)\//.exec(text);
      if (found) resolve({ base: found[1], child });
    });
    child.on("exit", (code) => reject(new Error("grille " + args[0] + " stopped: " + code + " " + text)));
  });
}

/**
 * The test's arguments, `node SCRIPT GRILLE_BINARY OUTPUT_DIR`: the
 * binary and the output folder (exits with the usage when they are absent).
 */
function command(script) {
  const [grille, out] = process.argv.slice(2);
  if (!grille || !out) {
    console.error("usage: node " + script + " GRILLE_BINARY OUTPUT_DIR");
    process.exit(2);
  }
  return { grille, out };
}

/** The pages saved by `keep`, for the Nu HTML Checker: `nu(kept)`. */
const kept = [];
/** Saves the page's HTML in the folder `out`, as NAME.html. */
async function keep(out, page, name) {
  const file = path.join(out, name + ".html");
  fs.writeFileSync(file, await page.content());
  kept.push(file);
}

module.exports = { FLAGS, failures, step, expect, equal, axe, answer, nu, vnu, listen, keep, kept, command };
