// Runs conformance cases through the HTML form's evaluator:
//   node tests/conformance/run.js CASES.json [ENGINE.js]
// CASES.json: { "bareme": …, "cases": [ { "answers": { … } } ] }, numbers as
// text, "bareme" being the data the form embeds. ENGINE.js is the evaluator
// as the form embeds it (assets/form/engine.js by default). Prints one
// result per case, as JSON.
"use strict";
const fs = require("fs");
const path = require("path");
const grille = require(path.resolve(process.argv[3] || path.join(__dirname, "../../assets/form/engine.js")));

const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const prepared = grille.prepare(input.bareme);
const results = input.cases.map((c) => grille.run(prepared, c.answers));
process.stdout.write(JSON.stringify(results));
