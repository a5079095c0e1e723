"""The peer comparison of bench/compare: writes one questionnaire in three
formats (grille, XLSForm, SurveyJS JSON), times each tool as a whole process
and prints a table, then the ratios on the last line."""
import json
import os
import statistics
import sys
import time

import openpyxl

BIN, SCRATCH = sys.argv[1], sys.argv[2]
SIZES = [60, 2000, 10000]
RUNS = 5
PER_SECTION = 20


def questions(n):
    """(section, kind, name, label, follows) for n questions: yes/no, a
    bounded integer shown only after « yes », a multiple choice, a text."""
    out = []
    for i in range(n):
        section = i // PER_SECTION + 1
        kind = ["yesno", "integer", "many", "text"][i % 4]
        name = f"q{i + 1}"
        follows = f"q{i}" if kind == "integer" else None
        out.append((section, kind, name, f"Question {i + 1} : combien, lesquels, pourquoi ?", follows))
    return out


def grille(n, path):
    lines = [f'questionnaire bench "Comparaison" edition 2025 {{\n  lang fr\n}}\n']
    current = None
    for section, kind, name, label, follows in questions(n):
        if section != current:
            if current is not None:
                lines.append("}\n")
            lines.append(f'\nsection s{section} "Partie {section}" {{\n')
            current = section
        if kind == "yesno":
            lines.append(f'  question {name} "{label}" yesno yes = 1\n')
        elif kind == "integer":
            lines.append(f'  question {name} "{label}" integer min 0 max 1000 when {follows} = yes\n')
        elif kind == "many":
            lines.append(f'  question {name} "{label}" many {{\n')
            for o in "abcd":
                lines.append(f'    {o} "Réponse {o}" = 0.5\n')
            lines.append("  }\n")
        else:
            lines.append(f'  question {name} "{label}" text\n')
    lines.append("}\n\nlevels {\n  level 1 \"Un\" from 1\n}\n")
    open(path, "w", encoding="utf-8").write("".join(lines))


def xlsform(n, path):
    book = openpyxl.Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(["type", "name", "label", "relevant", "constraint"])
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", "label"])
    for name, label in [("yes", "Oui"), ("no", "Non")]:
        choices.append(["yn", name, label])
    for o in "abcd":
        choices.append(["opts", o, f"Réponse {o}"])
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id"])
    settings.append(["Comparaison", "bench"])
    current = None
    for section, kind, name, label, follows in questions(n):
        if section != current:
            if current is not None:
                survey.append(["end group", "", "", "", ""])
            survey.append(["begin group", f"s{section}", f"Partie {section}", "", ""])
            current = section
        if kind == "yesno":
            survey.append(["select_one yn", name, label, "", ""])
        elif kind == "integer":
            survey.append(["integer", name, label, f"${{{follows}}} = 'yes'", ". >= 0 and . <= 1000"])
        elif kind == "many":
            survey.append(["select_multiple opts", name, label, "", ""])
        else:
            survey.append(["text", name, label, "", ""])
    survey.append(["end group", "", "", "", ""])
    book.save(path)


def surveyjs(n, path):
    pages = []
    for section, kind, name, label, follows in questions(n):
        if len(pages) < section:
            pages.append({"name": f"s{section}", "title": f"Partie {section}", "elements": []})
        if kind == "yesno":
            element = {"type": "boolean", "name": name, "title": label}
        elif kind == "integer":
            element = {"type": "text", "inputType": "number", "min": 0, "max": 1000, "name": name,
                       "title": label, "visibleIf": f"{{{follows}}} = true"}
        elif kind == "many":
            element = {"type": "checkbox", "name": name, "title": label,
                       "choices": [{"value": o, "text": f"Réponse {o}"} for o in "abcd"]}
        else:
            element = {"type": "comment", "name": name, "title": label}
        pages[-1]["elements"].append(element)
    json.dump({"title": "Comparaison", "pages": pages}, open(path, "w", encoding="utf-8"), ensure_ascii=False)


SURVEY_PDF = """
const fs = require("fs");
const { SurveyPDF } = require("survey-pdf");
const json = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const pdf = new SurveyPDF(json, { fontSize: 11 });
pdf.showInvisibleElements = true;
pdf.raw().then((raw) => fs.writeFileSync(process.argv[3], Buffer.from(raw, "binary")));
"""


def measure(argv, cwd=None):
    """Median wall time (ms) of RUNS runs after a warm-up, and peak RSS (MiB)."""
    times, peak = [], 0
    for i in range(RUNS + 1):
        start = time.perf_counter()
        pid = os.posix_spawn(argv[0], argv, os.environ,
                             file_actions=[(os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0),
                                           (os.POSIX_SPAWN_OPEN, 2, os.path.join(SCRATCH, "stderr.txt"),
                                            os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)])
        _, status, usage = os.wait4(pid, 0)
        elapsed = (time.perf_counter() - start) * 1000
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"failed: {' '.join(argv)}\n" + open(os.path.join(SCRATCH, "stderr.txt")).read()[-2000:])
        if i > 0:
            times.append(elapsed)
            peak = max(peak, usage.ru_maxrss)
    return statistics.median(times), peak / 1024


def which(name):
    for d in os.environ["PATH"].split(":"):
        p = os.path.join(d, name)
        if os.access(p, os.X_OK):
            return p
    sys.exit(f"{name} not found")


def main():
    node = which("node")
    xls2xform = os.path.join(SCRATCH, "venv", "bin", "xls2xform")
    script = os.path.join(SCRATCH, "node", "survey-pdf.js")
    open(script, "w").write(SURVEY_PDF)
    rows, ratios_x, ratios_p = [], [], []
    for n in SIZES:
        base = os.path.join(SCRATCH, f"bench-{n}")
        grille(n, base + ".grille")
        xlsform(n, base + ".xlsx")
        surveyjs(n, base + ".json")
        out = base + "-out"
        check = measure([BIN, "check", base + ".grille"])
        build = measure([BIN, "build", base + ".grille", "-o", out, "--only", "form", "--only", "bareme"])
        pyx = measure([xls2xform, "--skip_validate", base + ".xlsx", base + ".xml"])
        gpdf = measure([BIN, "build", base + ".grille", "-o", out, "--only", "pdf"])
        spdf = measure([node, script, base + ".json", base + "-survey.pdf"], cwd=os.path.join(SCRATCH, "node"))
        rows += [
            (n, "grille check", check),
            (n, "grille build (form + JSON)", build),
            (n, "pyxform xls2xform", pyx),
            (n, "grille build --only pdf", gpdf),
            (n, "survey-pdf", spdf),
        ]
        ratios_x.append(pyx[0] / build[0])
        ratios_p.append(spdf[0] / gpdf[0])
    print(f"{'questions':>9}  {'tool':<28} {'median ms':>10} {'peak MiB':>9}")
    for n, tool, (ms, mib) in rows:
        print(f"{n:>9}  {tool:<28} {ms:>10.1f} {mib:>9.1f}")
    fmt = lambda rs: ", ".join(f"{n}q {r:.1f}" for n, r in zip(SIZES, rs))
    print(f"ratio pyxform/grille: {fmt(ratios_x)}; ratio survey-pdf/grille-pdf: {fmt(ratios_p)}")


main()
