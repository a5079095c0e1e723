// Runs conformance cases through the HTML form's evaluator:
//   node tests/conformance/run.js CASES.json [ENGINE.js]
// CASES.json: { "bareme": …, "cases": [ { "answers": { … } } ] }, numbers as
// text, "bareme" being the data the form embeds; or, for the answers as
// typed, { "bareme": …, "typed": [ { "question": ID, "raw": TEXT or [IDS] } ] };
// or, for numbers in words, { "numbers": [ TEXT ], "separators": [ ",", " " ],
// "decimals": N or null }.
// ENGINE.js is the evaluator as the form embeds it (assets/form/engine.js by
// default). Prints one result per case, as JSON: what `run` says, or what
// `accept` says (numbers as exact fractions).
"use strict";
const fs = require("fs");
const path = require("path");
const grille = require(path.resolve(process.argv[3] || path.join(__dirname, "../../assets/form/engine.js")));

const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
if (input.numbers) {
  process.stdout.write(JSON.stringify(input.numbers.map((n) => grille.number(n, input.separators, input.decimals))));
  process.exit(0);
}
const prepared = grille.prepare(input.bareme);
const accepted = (c) => {
  const question = prepared.questions[prepared.index.get(c.question)].question;
  const state = grille.accept(question.kind, c.raw);
  if (state.problem) return { refused: state.problem };
  if (state.value === undefined) return {};
  const numeric = ["integer", "decimal", "percent"].includes(question.kind.type);
  return { value: numeric ? grille.show(grille.parse(state.value)) : state.value };
};
const results = input.typed ? input.typed.map(accepted) : input.cases.map((c) => grille.run(prepared, c.answers));
process.stdout.write(JSON.stringify(results));
