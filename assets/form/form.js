// The form's interface. It reads the answers from the page, shows and hides
// what the conditions say (grille.run: the engine's semantics), checks each
// answer as `grille score` does, keeps the answers in the browser as they
// are typed, and writes and reads the answers file of the contract.
// Every text from the questionnaire is set with textContent, never as HTML.
// It runs after engine.js, whose "use strict" covers the whole script.
(function () {
  if (typeof document === "undefined") return;
  const $ = (id) => document.getElementById(id);
  const data = $("grille-data");
  const bareme = JSON.parse(data.textContent);
  const model = bareme.questionnaire;
  const prepared = grille.prepare(bareme);
  const fileName = data.getAttribute("data-file");
  const storageKey = "grille:" + model.id + ":" + model.edition;
  const form = $("questionnaire");
  const status = $("status");
  const pageTitle = document.title;
  const words = bareme.words;
  const plurals = new Intl.PluralRules(bareme.lang);
  /**
   * A message of grille's catalog (src/words/mod.rs gives the page its
   * `script-*` messages): `{name}` stands for an argument, and a message
   * that depends on a `count` has one text for each plural category.
   */
  const msg = (key, args = {}) => {
    const entry = words[key];
    const text = typeof entry === "string" ? entry : entry[plurals.select(args.count)] || entry.other;
    return text.replace(/\{(\w+)\}/g, (all, name) => (name === "count" ? num(String(args.count)) : String(args[name])));
  };
  const num = (text) => grille.number(text, bareme.separators);
  form.noValidate = true;

  // Each question with its controls and its place.
  const questions = prepared.questions.map((p) => ({
    q: p.question,
    section: model.sections[p.section],
    box: $("q-" + p.question.id + "-box"),
    controls: Array.from(form.querySelectorAll('[name="' + p.question.id + '"]')),
  }));
  const byId = new Map(questions.map((x) => [x.q.id, x]));
  // The checks in the order grille.run returns them, with their owner.
  const owners = [];
  model.sections.forEach((s) => {
    for (const c of s.checks) owners.push({ check: c, section: s });
    for (const item of s.items) {
      if (item.question) for (const c of item.question.checks) owners.push({ check: c, section: s, question: item.question.id });
    }
  });
  // A page served by `grille serve` shows the answers the server keeps (not
  // the browser's) and, after a post with problems, every problem at once.
  const served = form.getAttribute("data-served") === "yes";
  const touched = new Set();
  let submitted = form.getAttribute("data-submitted") === "yes";

  // ------------------------------------------------------------ answers

  /** The raw value of a question on the page: text, or a list of options. */
  function raw(x) {
    const t = x.q.kind.type;
    if (t === "many") return x.controls.filter((c) => c.checked).map((c) => c.value);
    if (t === "one" || t === "yesno") {
      const c = x.controls.find((c) => c.checked);
      return c ? c.value : "";
    }
    return x.controls[0].value;
  }

  const numeric = (t) => t === "integer" || t === "decimal" || t === "percent";
  const optionLabel = (x, id) => {
    const label = document.querySelector('label[for="q-' + x.q.id + "-" + id + '"]');
    return label ? label.textContent : id;
  };
  const rangeWords = (min, max) =>
    min !== null && max !== null
      ? msg("script-range-between", { lo: num(min), hi: num(max) })
      : min !== null
        ? msg("script-range-at-least", { lo: num(min) })
        : msg("script-range-at-most", { hi: num(max) });

  /** What each problem of `grille.accept` says to the candidate. */
  function problemText(x, state, raw) {
    const k = x.q.kind;
    switch (state.problem) {
      case "exclusive":
        return msg("script-exclusive", { label: optionLabel(x, state.option) });
      case "fewer":
        return msg("script-min-choices", { count: k.min_choices });
      case "more":
        return msg("script-max-choices", { count: k.max_choices });
      case "number":
        return msg(k.type === "integer" ? "script-not-integer" : "script-not-number");
      case "whole":
        return msg("script-not-whole");
      case "range":
        return msg("script-out-of-range", { range: rangeWords(k.min ?? null, k.max ?? null) });
      case "date":
        return msg("script-not-date");
      case "email":
        return msg("script-not-email");
      case "url":
        return msg(/^https?:\/\//.test(String(raw).trim()) ? "script-url-space" : "script-not-url");
      case "siret":
        return msg("script-siret-length");
      case "siret-key":
        return msg("script-siret-invalid");
      default:
        return msg("script-not-option");
    }
  }

  /**
   * What an answer means: `value` for the evaluator and the answers file
   * (absent when unanswered or unreadable), and `error` when `grille score`
   * would refuse it (the evaluator's `accept` decides, as the engine does).
   */
  function interpret(x, r) {
    const c = x.controls[0];
    if (!Array.isArray(r) && r.trim() === "" && c.validity && c.validity.badInput) {
      return { error: msg("script-incomplete-date") };
    }
    const state = grille.accept(x.q.kind, r);
    return state.problem ? { value: state.value, error: problemText(x, state, r) } : state;
  }

  // ------------------------------------------------------------ evaluation

  const show = (element, shown) => {
    if (element) element.hidden = !shown;
  };
  const setText = (element, text) => {
    if (element && element.textContent !== text) element.textContent = text;
  };

  /** Evaluates the page: shows, hides, checks; returns the problems found. */
  function update() {
    const answers = {};
    const states = questions.map((x) => {
      const state = interpret(x, raw(x));
      if (state.value !== undefined) answers[x.q.id] = state.value;
      return state;
    });
    const result = grille.run(prepared, answers);
    const problems = [];
    const errors = new Map();
    const warnings = new Map();
    const add = (map, id, text) => map.set(id, (map.has(id) ? map.get(id) + " " : "") + text);

    model.sections.forEach((s, i) => {
      show($("s-" + s.id), result.sections[i]);
      setText($("s-" + s.id + "-errors"), "");
    });
    let note = 0;
    model.sections.forEach((s) => {
      for (const item of s.items) if (item.note) show($("n-" + note), result.notes[note++]);
    });
    questions.forEach((x, i) => {
      const visible = result.questions[i];
      show(x.box, visible);
      for (const c of x.controls) {
        c.disabled = !visible;
        // Announced as required while shown (the page checks it itself).
        if (x.q.required && x.q.kind.type !== "many") c.required = visible;
      }
      if (!visible) return;
      const state = states[i];
      const required = x.q.required && state.value === undefined && !state.error;
      if (state.error && (touched.has(x.q.id) || submitted)) add(errors, x.q.id, state.error);
      if (state.error || (required && submitted)) {
        problems.push({ x, text: state.error || msg("script-required") });
        if (required) add(errors, x.q.id, msg("script-required"));
      }
    });
    const sectionErrors = new Map();
    let failed = false;
    result.checks.forEach((ok, i) => {
      if (ok !== false) return;
      const { check, section, question } = owners[i];
      const x = question && byId.get(question);
      if (check.soft) {
        if (x) add(warnings, question, check.message);
        else add(sectionErrors, section.id, msg("script-warning", { message: check.message }));
        return;
      }
      failed = true;
      if (x && result.questions[questions.indexOf(x)]) add(errors, question, check.message);
      else add(sectionErrors, section.id, msg("script-error", { message: check.message }));
      problems.push({ x, section, text: check.message });
    });
    // A computed value outside its range, as the engine reports it.
    model.computed.forEach((c, i) => {
      const v = result.computed[i];
      if (failed || !c.range || typeof v !== "string") return;
      const [n, d = 1n] = v.split("/").map(BigInt);
      const f = { n, d };
      if (grille.compare(f, grille.parse(c.range[0])) < 0 || grille.compare(f, grille.parse(c.range[1])) > 0) {
        problems.push({ text: msg("script-computed-out", { label: c.label || c.id, value: num(v), range: rangeWords(c.range[0], c.range[1]) }) });
      }
    });
    for (const [id, text] of sectionErrors) {
      const p = document.createElement("p");
      p.className = "error";
      p.textContent = text;
      $("s-" + id + "-errors").append(p);
    }
    questions.forEach((x) => {
      const error = errors.get(x.q.id);
      setText($("q-" + x.q.id + "-error"), error ? msg("script-error", { message: error }) : "");
      setText($("q-" + x.q.id + "-warning"), warnings.has(x.q.id) ? msg("script-warning", { message: warnings.get(x.q.id) }) : "");
      x.box.classList.toggle("invalid", Boolean(error));
      for (const c of x.controls) {
        if (error) c.setAttribute("aria-invalid", "true");
        else c.removeAttribute("aria-invalid");
      }
      const clear = x.box.querySelector(".clear-answer");
      if (clear) clear.hidden = raw(x) === "";
    });
    model.computed.forEach((c, i) => {
      const out = $("c-" + c.id);
      if (!out) return;
      const v = result.computed[i];
      const written = typeof v === "string" ? grille.number(v, bareme.separators, c.decimals) : null;
      const shown = written !== null && c.unit ? msg("script-unit", { value: written, unit: c.unit }) : written;
      setText(out, v === null ? msg("script-pending") : v === true ? msg("script-yes") : v === false ? msg("script-no") : shown);
    });
    progress(result, states);
    save();
    return { problems, states, result };
  }

  function progress(result, states) {
    model.sections.forEach((s, i) => {
      let asked = 0;
      let answered = 0;
      questions.forEach((x, j) => {
        if (x.section !== s || !result.questions[j]) return;
        asked += 1;
        if (states[j].value !== undefined && !states[j].error) answered += 1;
      });
      const words = !result.sections[i]
        ? msg("script-not-applicable")
        : msg("script-progress", { answers: msg("script-answers", { count: answered }), questions: msg("script-questions", { count: asked }) });
      for (const el of [$("s-" + s.id + "-progress"), document.querySelector('[data-progress="' + s.id + '"]')]) {
        el.hidden = false;
        setText(el, words);
      }
    });
  }

  // ------------------------------------------------------------ storage

  let stored = null;
  function save() {
    if (served) return;
    const values = {};
    for (const x of questions) {
      const r = raw(x);
      if (r !== "" && !(Array.isArray(r) && !r.length)) values[x.q.id] = r;
    }
    const text = JSON.stringify({ answers: values });
    if (text === stored) return;
    try {
      localStorage.setItem(storageKey, text);
      stored = text;
    } catch (e) {
      stored = text;
      say(msg("script-cannot-save"), true);
    }
  }

  /** Puts raw values (text, "yes"/"no", lists of options) into the page. */
  function fill(values) {
    for (const x of questions) {
      const v = values[x.q.id];
      if (x.q.kind.type === "many" || x.q.kind.type === "one" || x.q.kind.type === "yesno") {
        const chosen = Array.isArray(v) ? v : v === undefined ? [] : [v];
        for (const c of x.controls) c.checked = chosen.includes(c.value);
      } else {
        x.controls[0].value = v === undefined ? "" : v;
      }
    }
  }

  function say(text, problem) {
    status.classList.toggle("problem", Boolean(problem));
    status.textContent = text;
  }

  // ------------------------------------------------------------ the answers file

  /** The answers file of the contract: shown questions, readable answers. */
  function answersFile(states) {
    const lines = [];
    let skipped = 0;
    questions.forEach((x, i) => {
      if (x.box.hidden) return;
      const { value, error } = states[i];
      if (value === undefined) return;
      if (error) {
        skipped += 1;
        return;
      }
      const json = numeric(x.q.kind.type) ? value : JSON.stringify(value);
      lines.push("    " + JSON.stringify(x.q.id) + ": " + json);
    });
    const text =
      "{\n" +
      '  "questionnaire": ' + JSON.stringify(model.id) + ",\n" +
      '  "edition": ' + model.edition + ",\n" +
      '  "answers": {' + (lines.length ? "\n" + lines.join(",\n") + "\n  " : "") + "}\n}\n";
    return { text, count: lines.length, skipped };
  }

  function download(text) {
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  /** Reads an answers file into raw page values; says what was left out. */
  function read(text, name) {
    let file;
    try {
      // Numbers are kept as their exact text where the browser allows it.
      file = JSON.parse(text.replace(/^\uFEFF/, ""), (key, value, context) =>
        typeof value === "number" ? { number: context && context.source ? context.source : String(value) } : value,
      );
    } catch (e) {
      return { problem: msg("script-not-json", { name }) };
    }
    if (!(file && typeof file.answers === "object" && file.answers && !Array.isArray(file.answers))) {
      return { problem: msg("script-no-answers", { name }) };
    }
    if (typeof file.questionnaire === "string" && file.questionnaire !== model.id) {
      return { problem: msg("script-other-questionnaire", { name, id: file.questionnaire }) };
    }
    const values = {};
    const left = [];
    for (const [id, v] of Object.entries(file.answers)) {
      const x = byId.get(id);
      if (!x) {
        left.push(msg("script-unknown-question", { id }));
        continue;
      }
      const t = x.q.kind.type;
      const options = x.controls.map((c) => c.value);
      let r;
      if (t === "yesno" && typeof v === "boolean") r = v ? "yes" : "no";
      else if (t === "one" && typeof v === "string" && options.includes(v)) r = v;
      else if (t === "many" && Array.isArray(v) && v.every((o) => options.includes(o))) r = v;
      else if (numeric(t) && v && v.number) r = v.number.replace(".", bareme.separators[0]);
      else if (typeof v === "string" && !numeric(t) && !x.q.kind.options && t !== "yesno" && (t !== "date" || /^\d{4}-\d\d-\d\d$/.test(v))) r = v;
      if (r === undefined) left.push(msg("script-unrecognised", { number: x.q.number }));
      else values[id] = r;
    }
    const edition = file.edition && file.edition.number !== model.edition ? file.edition.number : null;
    return { values, left, edition };
  }

  // ------------------------------------------------------------ summary

  function summary(problems) {
    const box = $("error-summary");
    const list = $("error-list");
    list.textContent = "";
    for (const p of problems) {
      const li = document.createElement("li");
      const target = p.x && !p.x.box.hidden ? p.x.controls.find((c) => c.checked) || p.x.controls[0] : p.section ? $("s-" + p.section.id + "-title") : null;
      const about = p.x ? p.x.q.number + " " + p.x.q.label : p.section ? p.section.number + ". " + p.section.title : "";
      if (target) {
        const a = document.createElement("a");
        a.href = "#" + target.id;
        a.textContent = about ? msg("script-about", { what: about, text: p.text }) : p.text;
        a.addEventListener("click", (event) => {
          event.preventDefault();
          if (!target.hasAttribute("tabindex") && target.tagName === "H2") target.setAttribute("tabindex", "-1");
          (p.x ? p.x.box : target).scrollIntoView();
          target.focus({ preventScroll: true });
        });
        li.append(a);
      } else {
        li.textContent = about ? msg("script-about", { what: about, text: p.text }) : p.text;
      }
      list.append(li);
    }
    box.hidden = false;
    document.title = msg("script-error", { message: pageTitle });
    box.focus();
  }

  function closeSummary() {
    $("error-summary").hidden = true;
    document.title = pageTitle;
  }

  // ------------------------------------------------------------ events

  form.addEventListener("input", () => update());
  form.addEventListener("change", (event) => {
    const x = byId.get(event.target.name);
    if (!x) return;
    touched.add(x.q.id);
    // An exclusive option (« Aucune ») and the others exclude each other.
    if (event.target.type === "checkbox" && event.target.checked) {
      const exclusive = new Set(x.q.kind.options.filter((o) => o.exclusive).map((o) => o.id));
      for (const c of x.controls) {
        if (c !== event.target && (exclusive.has(event.target.value) || exclusive.has(c.value))) c.checked = false;
      }
    }
    update();
  });
  form.addEventListener("click", (event) => {
    const id = event.target.getAttribute && event.target.getAttribute("data-clear");
    const x = id && byId.get(id);
    if (!x) return;
    for (const c of x.controls) c.checked = false;
    update();
    x.controls[0].focus();
  });
  form.addEventListener("submit", (event) => {
    // « Enregistrer » keeps a draft as it is: nothing blocks it.
    const draft = served && event.submitter && event.submitter.value === "save";
    submitted = !draft;
    const { problems, states } = update();
    if (problems.length && !draft) {
      event.preventDefault();
      summary(problems);
      return;
    }
    closeSummary();
    const file = answersFile(states);
    if (form.getAttribute("action")) {
      $("reponses").value = file.text;
      return;
    }
    event.preventDefault();
    download(file.text);
    say(msg("script-downloaded", { name: fileName }));
  });
  $("download").addEventListener("click", () => {
    const file = answersFile(update().states);
    download(file.text);
    say(
      msg("script-file-count", { name: fileName, count: file.count }) +
        (file.skipped ? " " + msg("script-skipped", { count: file.skipped }) : ""),
    );
  });
  const picker = $("restore-file");
  $("restore").addEventListener("click", () => picker.click());
  picker.addEventListener("change", () => {
    const chosen = picker.files && picker.files[0];
    if (!chosen) return;
    chosen.text().then((text) => {
      picker.value = "";
      const got = read(text, chosen.name);
      if (got.problem) return say(got.problem, true);
      const current = questions.some((x) => raw(x) !== "" && raw(x).length !== 0);
      if (current && !confirm(msg("script-replace", { name: chosen.name }))) return;
      fill(got.values);
      touched.clear();
      for (const id of Object.keys(got.values)) touched.add(id);
      update();
      const count = Object.keys(got.values).length;
      say(
        msg("script-resumed", { name: chosen.name, count }) +
          (got.edition ? " " + msg("script-other-edition", { edition: got.edition }) : "") +
          (got.left.length ? " " + msg("script-left", { list: got.left.join(", ") }) : ""),
        got.left.length > 0,
      );
    }, () => say(msg("script-unreadable", { name: chosen.name }), true));
  });
  $("clear").addEventListener("click", () => {
    if (!confirm(msg("script-clear-confirm"))) return;
    fill({});
    touched.clear();
    submitted = false;
    closeSummary();
    try {
      localStorage.removeItem(storageKey);
    } catch (e) {
      // Nothing was stored.
    }
    update();
    say(msg("script-cleared"));
  });

  // ------------------------------------------------------------ start

  let restored = 0;
  try {
    const saved = served ? null : JSON.parse(localStorage.getItem(storageKey) || "null");
    if (saved && saved.answers && typeof saved.answers === "object") {
      fill(saved.answers);
      restored = Object.keys(saved.answers).length;
      stored = JSON.stringify({ answers: saved.answers });
    }
  } catch (e) {
    // Storage unavailable or unreadable: start empty.
  }
  $("tools").hidden = false;
  $("submit").hidden = false;
  update();
  if (restored) say(msg("script-restored", { count: restored }));
})();
