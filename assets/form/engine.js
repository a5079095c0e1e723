// The HTML form's evaluator: the scoring engine's semantics (src/engine/eval.rs)
// on the expression trees of bareme.json. Numbers are exact fractions of
// BigInts, never binary floats; conditions use three-valued logic.
// tests/it/conformance.rs runs shared cases through this file and the Rust
// engine and requires the same results.
"use strict";

const grille = (() => {
  // ---------------------------------------------------------------- numbers

  const abs = (a) => (a < 0n ? -a : a);
  const gcd = (a, b) => {
    a = abs(a);
    b = abs(b);
    while (b) [a, b] = [b, a % b];
    return a;
  };
  const fraction = (n, d) => {
    if (d === 0n) return null;
    if (d < 0n) [n, d] = [-n, -d];
    const g = gcd(n, d) || 1n;
    return { n: n / g, d: d / g };
  };
  // A decimal written as text ("29.99", "-3", "1e2") read exactly.
  const parse = (text) => {
    const m = /^\s*([+-]?)(\d*)(?:\.(\d+))?(?:[eE]([+-]?\d+))?\s*$/.exec(String(text));
    if (!m || (m[2] === "" && m[3] === undefined)) return null;
    const digits = (m[2] || "0") + (m[3] || "");
    const scale = BigInt((m[3] || "").length) - BigInt(m[4] || 0);
    const n = BigInt(digits) * (m[1] === "-" ? -1n : 1n);
    return scale >= 0n ? fraction(n, 10n ** scale) : fraction(n * 10n ** -scale, 1n);
  };
  const add = (a, b) => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
  const sub = (a, b) => fraction(a.n * b.d - b.n * a.d, a.d * b.d);
  const mul = (a, b) => fraction(a.n * b.n, a.d * b.d);
  const div = (a, b) => (b.n === 0n ? null : fraction(a.n * b.d, a.d * b.n));
  const cmp = (a, b) => {
    const x = a.n * b.d;
    const y = b.n * a.d;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const show = (a) => (a.d === 1n ? String(a.n) : `${a.n}/${a.d}`);

  // ---------------------------------------------------------------- values

  const UNKNOWN = { k: "u" };
  const bool = (v) => ({ k: "b", v });
  const truth = (value) => (value.k === "b" ? value.v : null);

  // Kleene logic over true / false / null (unknown).
  const and = (a, b) => (a === false || b === false ? false : a === true && b === true ? true : null);
  const or = (a, b) => (a === true || b === true ? true : a === false && b === false ? false : null);
  const fromTruth = (t) => (t === null ? UNKNOWN : bool(t));

  const compare = (op, o) =>
    ({ eq: o === 0, ne: o !== 0, lt: o < 0, le: o <= 0, gt: o > 0, ge: o >= 0 })[op];

  // ---------------------------------------------------------------- texts

  // The same blanks as Rust's `char::is_whitespace` and U+FEFF together.
  const blank = (c) => /\s/.test(c) || c === "\u0085";
  const followed = (rest, not) => rest !== "" && !blank([...rest][0]) && [...rest][0] !== not;
  const wordChar = (c) => /[A-Za-z0-9_]/.test(c);

  /** A web address, as src/model/expr.rs finds one in a lower-case text. */
  function hasUrl(text) {
    for (let i = text.indexOf("http"); i >= 0; i = text.indexOf("http", i + 1)) {
      let rest = text.slice(i + 4);
      if (rest.startsWith("s")) rest = rest.slice(1);
      if (rest.startsWith("://") && followed(rest.slice(3), "/")) return true;
    }
    for (let i = text.indexOf("www."); i >= 0; i = text.indexOf("www.", i + 1)) {
      const before = [...text.slice(0, i)].pop();
      if ((before === undefined || !wordChar(before)) && followed(text.slice(i + 4), ".")) return true;
    }
    return false;
  }

  /** `contains`, `starts_with`, `contains_url`: letters compared without case. */
  function textTest(e, text) {
    const lower = text.toLowerCase();
    if (e.op === "contains") return lower.includes(e.part.toLowerCase());
    if (e.op === "starts_with") return lower.startsWith(e.part.toLowerCase());
    return hasUrl(lower);
  }

  // ---------------------------------------------------------------- model

  /** A prepared questionnaire: questions in order, with their section. */
  function prepare(bareme) {
    const q = bareme.questionnaire;
    const questions = [];
    const index = new Map();
    const computed = new Map(q.computed.map((c) => [c.id, c]));
    q.sections.forEach((section, s) => {
      for (const item of section.items) {
        if (item.question) {
          index.set(item.question.id, questions.length);
          questions.push({ question: item.question, section: s });
        }
      }
    });
    return { model: q, questions, index, computed };
  }

  /**
   * Evaluates an answer set: `answers` maps question ids to values as in an
   * answers file, except that numbers are written as text for exactness.
   * Returns what is shown and each computed value and check.
   */
  function run(prepared, answers) {
    const { model, questions, index, computed } = prepared;
    const visible = new Array(questions.length).fill(false);

    const question = (id) => {
      const i = index.get(id);
      if (i === undefined) return UNKNOWN;
      const kind = questions[i].question.kind.type;
      const raw = visible[i] ? answers[id] : undefined;
      if (raw === undefined || raw === null || raw === "") {
        return kind === "many" ? { k: "s", v: [] } : UNKNOWN;
      }
      switch (kind) {
        case "yesno":
          return bool(raw === true);
        case "one":
          return { k: "c", v: raw };
        case "many":
          return { k: "s", v: raw };
        case "integer":
        case "decimal":
        case "percent": {
          const n = parse(raw);
          return n ? { k: "n", v: n } : UNKNOWN;
        }
        case "date":
          return { k: "d", v: raw };
        default:
          return { k: "t", v: raw };
      }
    };

    const evaluate = (e) => {
      switch (e.op) {
        case "bool":
          return bool(e.value);
        case "number":
          return { k: "n", v: parse(e.value) };
        case "text":
          return { k: "t", v: e.value };
        case "date":
          return { k: "d", v: e.value };
        case "answer":
          return question(e.question);
        case "computed": {
          const c = computed.get(e.id);
          return c ? evaluate(c.expr) : UNKNOWN;
        }
        case "in": {
          const v = question(e.question);
          return v.k === "c" ? bool(e.options.includes(v.v) !== e.negated) : UNKNOWN;
        }
        case "has": {
          const v = question(e.question);
          return v.k === "s" ? bool(v.v.includes(e.option)) : UNKNOWN;
        }
        case "has_any": {
          const v = question(e.question);
          return v.k === "s" ? bool(v.v.length > 0) : UNKNOWN;
        }
        case "not": {
          const t = truth(evaluate(e.expr));
          return t === null ? UNKNOWN : bool(!t);
        }
        case "neg": {
          const v = evaluate(e.expr);
          return v.k === "n" ? { k: "n", v: fraction(-v.v.n, v.v.d) } : UNKNOWN;
        }
        case "and": {
          const a = truth(evaluate(e.left));
          return a === false ? bool(false) : fromTruth(and(a, truth(evaluate(e.right))));
        }
        case "or": {
          const a = truth(evaluate(e.left));
          return a === true ? bool(true) : fromTruth(or(a, truth(evaluate(e.right))));
        }
        case "eq":
        case "ne":
        case "lt":
        case "le":
        case "gt":
        case "ge": {
          const a = evaluate(e.left);
          const b = evaluate(e.right);
          let o = null;
          if (a.k === "n" && b.k === "n") o = cmp(a.v, b.v);
          else if (a.k === "d" && b.k === "d") o = a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
          else if ((a.k === "t" && b.k === "t") || (a.k === "b" && b.k === "b")) o = a.v === b.v ? 0 : -1;
          return o === null ? UNKNOWN : bool(compare(e.op, o));
        }
        case "add":
        case "sub":
        case "mul":
        case "div": {
          const a = evaluate(e.left);
          const b = evaluate(e.right);
          if (a.k !== "n" || b.k !== "n") return UNKNOWN;
          const r = { add, sub, mul, div }[e.op](a.v, b.v);
          return r ? { k: "n", v: r } : UNKNOWN;
        }
        case "count":
          return { k: "n", v: fraction(BigInt(e.of.filter((x) => truth(evaluate(x)) === true).length), 1n) };
        case "length": {
          const v = evaluate(e.text);
          return v.k === "t" ? { k: "n", v: fraction(BigInt([...v.v].length), 1n) } : UNKNOWN;
        }
        case "contains":
        case "starts_with":
        case "contains_url": {
          const v = evaluate(e.text);
          return v.k === "t" ? bool(textTest(e, v.v)) : UNKNOWN;
        }
        default:
          // Scores (section_score, total) are not known while answering.
          return UNKNOWN;
      }
    };

    // Which sections and questions are shown, in order: a condition shows
    // only when it is true.
    const sections = [];
    const notes = [];
    const checks = [];
    let i = 0;
    model.sections.forEach((section) => {
      const shown = !section.when || truth(evaluate(section.when)) === true;
      sections.push(shown);
      for (const item of section.items) {
        if (item.question) {
          visible[i] = shown && (!item.question.when || truth(evaluate(item.question.when)) === true);
          i += 1;
        }
      }
    });
    model.sections.forEach((section, s) => {
      for (const c of section.checks) checks.push(truth(evaluate(c.expr)));
      for (const item of section.items) {
        if (item.note) notes.push(sections[s] && (!item.note.when || truth(evaluate(item.note.when)) === true));
        if (item.question) for (const c of item.question.checks) checks.push(truth(evaluate(c.expr)));
      }
    });
    const values = model.computed.map((c) => {
      const v = evaluate(c.expr);
      return v.k === "n" ? show(v.v) : v.k === "b" ? v.v : null;
    });
    return { sections, questions: visible, notes, computed: values, checks };
  }

  // ---------------------------------------------------------------- answers

  // Spaces a number may hold between its digits: thousands, as typed in
  // French (space, no-break space, narrow no-break space, thin space).
  const SEPARATORS = /[ \u00a0\u202f\u2009]/g;

  /** A number typed in French or English notation, as canonical text. */
  function typedNumber(text) {
    const m = /^([+-]?)(\d*)(?:[.,](\d+))?$/.exec(text.replace(SEPARATORS, ""));
    if (!m || m[2] + (m[3] || "") === "") return null;
    const whole = m[2].replace(/^0+(?=\d)/, "") || "0";
    return (m[1] === "-" ? "-" : "") + whole + (m[3] ? "." + m[3] : "");
  }

  /** A date written 2024-03-15 that is in the calendar. */
  function isDate(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return false;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    return days !== undefined && day >= 1 && day <= days;
  }

  function siretKey(digits) {
    const values = Array.from(digits, Number);
    if (digits.startsWith("356000000") && values.reduce((a, b) => a + b, 0) % 5 === 0) return true;
    let sum = 0;
    values.reverse().forEach((d, i) => {
      sum += i % 2 === 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
    });
    return sum % 10 === 0;
  }

  const WORDS = {
    true: ["oui", "true", "vrai", "yes", "1"],
    false: ["non", "false", "faux", "no", "0"],
  };

  /**
   * An answer as typed or chosen in the page, checked as `grille score`
   * checks an answer typed in a spreadsheet's cell (src/engine/answer.rs,
   * `typed` then `answer`): `{}` when unanswered, `{ value }` when accepted
   * (numbers as canonical text), `{ problem, value? }` when refused, the
   * problem being one of "yesno", "option", "twice", "exclusive", "fewer",
   * "more", "number", "whole", "range", "date", "email", "url", "siret",
   * "siret-key". `raw` is a text, or the list of the options ticked.
   */
  function accept(kind, raw) {
    const ids = (kind.options || []).map((o) => o.id);
    if (Array.isArray(raw)) {
      if (kind.type !== "many") return { problem: "option" };
      if (!raw.length) return {};
      if (raw.some((id) => !ids.includes(id))) return { problem: "option" };
      if (raw.some((id, i) => raw.indexOf(id) !== i)) return { problem: "twice" };
      const alone = kind.options.find((o) => o.exclusive && raw.includes(o.id));
      if (alone && raw.length > 1) return { value: raw, problem: "exclusive", option: alone.id };
      if (kind.min_choices && raw.length < Number(kind.min_choices)) return { value: raw, problem: "fewer" };
      if (kind.max_choices && raw.length > Number(kind.max_choices)) return { value: raw, problem: "more" };
      return { value: raw };
    }
    const text = String(raw).trim();
    if (text === "") return {};
    switch (kind.type) {
      case "yesno": {
        const word = text.toLowerCase();
        if (WORDS.true.includes(word)) return { value: true };
        if (WORDS.false.includes(word)) return { value: false };
        return { problem: "yesno" };
      }
      case "one":
        return ids.includes(text) ? { value: text } : { problem: "option" };
      case "many":
        return accept(kind, text.split(/[;|]/).map((s) => s.trim()).filter((s) => s !== ""));
      case "integer":
      case "decimal":
      case "percent": {
        const n = typedNumber(text);
        if (n === null) return { problem: "number" };
        const v = parse(n);
        if (kind.type === "integer" && v.d !== 1n) return { problem: "whole" };
        const below = kind.min != null && cmp(v, parse(kind.min)) < 0;
        const above = kind.max != null && cmp(v, parse(kind.max)) > 0;
        return below || above ? { value: n, problem: "range" } : { value: n };
      }
      case "date":
        return isDate(text) ? { value: text } : { problem: "date" };
      case "email":
        // Something, @, then a domain with an inner dot; no space.
        return /^[^@\s]+@(?!\.)[^@\s]*\.[^@\s]*(?<!\.)$/.test(text) ? { value: text } : { problem: "email" };
      case "url":
        return /^https?:\/\/[^/\s]\S*$/.test(text) ? { value: text } : { problem: "url" };
      case "siret": {
        const digits = text.replace(/\s/g, "");
        if (!/^\d{14}$/.test(digits)) return { problem: "siret" };
        return siretKey(digits) ? { value: digits } : { problem: "siret-key" };
      }
      default:
        return { value: text };
    }
  }

  // ---------------------------------------------------------------- words

  /**
   * A number as src/words/mod.rs writes it: two decimals at most (rounded
   * half up), or exactly `decimals` when given, the language's decimal
   * separator and the one between groups of three digits (`separators`:
   * [",", "\u202f"] in French, [".", ","] in English). `text` is a decimal
   * ("12.5") or an exact fraction ("25/2").
   */
  function number(text, separators, decimals) {
    const [point, thousands] = separators;
    const places = decimals === undefined || decimals === null ? 2 : Number(decimals);
    const scale = 10n ** BigInt(places);
    const [n, d = 1n] = String(text).includes("/") ? String(text).split("/").map(BigInt) : ((v) => [v.n, v.d])(parse(text));
    const units = ((n < 0n ? -n : n) * 2n * scale + d) / (2n * d);
    const whole = String(units / scale);
    let rest = places ? String(units % scale).padStart(places, "0") : "";
    if (decimals === undefined || decimals === null) rest = rest.replace(/0+$/, "");
    const grouped = whole.replace(/\B(?=(\d{3})+$)/g, thousands);
    return (n < 0n && units ? "-" : "") + grouped + (rest ? point + rest : "");
  }

  return { prepare, run, parse, show, compare: cmp, accept, number };
})();

if (typeof module !== "undefined") module.exports = grille;
