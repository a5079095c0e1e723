//! The jury's work on `grille serve`, over HTTP on 127.0.0.1: signing in
//! (rate limited, CSRF-checked), two jurors marking one application, the
//! mean and its spread, a save made on a page shown before another's
//! (409, nothing lost), the president's agreed marks, the states, the
//! candidate asked to complete after the deadline, the publication, the
//! public results and the API, the candidate's result sheet, and
//! `grille results`, all against each database of `databases`.

use crate::common::{grille, Scratch};
use crate::serve::{answers, databases, open_form, request, Response, Server};
use std::io::Write;
use std::process::{Command, Stdio};

/// A juror's session: the cookie, and the token the forms send back.
struct Session {
    address: String,
    cookie: String,
    csrf: String,
}

/// The value of the hidden field `name` of a page.
fn hidden(body: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let at = body
        .find(&marker)
        .unwrap_or_else(|| panic!("a field `{name}` in the page: {body}"));
    let rest = &body[at + marker.len()..];
    rest[..rest.find('"').unwrap()].to_owned()
}

/// The value a response sets for a cookie.
fn set_cookie(r: &Response, name: &str) -> Option<String> {
    r.headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("set-cookie"))
        .map(|(_, v)| v)
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(|v| v.split(';').next().unwrap()[name.len() + 1..].to_owned())
}

fn form_body(fields: &[(&str, &str)]) -> Vec<u8> {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
        .into_bytes()
}

const FORM: (&str, &str) = ("Content-Type", "application/x-www-form-urlencoded");

fn sign_in_as(server: &Server, name: &str, password: &str) -> Response {
    let page = server.get("/jury/login");
    assert_eq!(page.status, 200, "{}", page.body);
    let login = set_cookie(&page, "grille-login").expect("the sign-in form sets its cookie");
    assert_eq!(hidden(&page.body, "grille-csrf"), login);
    let cookie = format!("grille-login={login}");
    request(
        &server.address,
        "POST",
        "/jury/login",
        &[FORM, ("Cookie", &cookie)],
        &form_body(&[
            ("grille-csrf", &login),
            ("name", name),
            ("password", password),
        ]),
    )
}

fn sign_in(server: &Server, name: &str, password: &str) -> Session {
    let r = sign_in_as(server, name, password);
    assert_eq!(r.status, 303, "{}", r.body);
    let set = r
        .headers
        .iter()
        .find(|(n, v)| n.eq_ignore_ascii_case("set-cookie") && v.starts_with("grille-jury="))
        .map(|(_, v)| v.clone())
        .expect("a session cookie");
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(set.contains(attribute), "{set}");
    }
    assert!(!set.contains("Secure"), "served over http: {set}");
    let cookie = format!("grille-jury={}", set_cookie(&r, "grille-jury").unwrap());
    let list = request(
        &server.address,
        "GET",
        "/jury/",
        &[("Cookie", &cookie)],
        b"",
    );
    assert_eq!(list.status, 200, "{}", list.body);
    let csrf = hidden(&list.body, "grille-csrf");
    Session {
        address: server.address.clone(),
        cookie,
        csrf,
    }
}

impl Session {
    fn get(&self, path: &str) -> Response {
        request(&self.address, "GET", path, &[("Cookie", &self.cookie)], b"")
    }

    /// Posts a form with this session's token.
    fn post(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let mut fields = fields.to_vec();
        fields.push(("grille-csrf", &self.csrf));
        self.post_as_is(path, &fields)
    }

    fn post_as_is(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        request(
            &self.address,
            "POST",
            path,
            &[FORM, ("Cookie", &self.cookie)],
            &form_body(fields),
        )
    }
}

fn add_juror(database: &str, name: &str, password: &str, president: bool) {
    let mut args = vec!["jury", "add", name, "--database", database];
    if president {
        args.push("--president");
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The answers of `complet.json` for another candidate.
fn other_answers() -> String {
    let mut file: serde_json::Value = serde_json::from_str(&answers()).unwrap();
    file["answers"]["P1"] = "Communauté de communes du Val".into();
    file["answers"]["P2"] = "cc".into();
    file["answers"]["P6"] = "M. Bernard, vice-président".into();
    serde_json::to_string_pretty(&file).unwrap()
}

/// `grille score`'s total and level of these answers with these marks.
fn scored(scratch: &Scratch, answers: &str, jury: serde_json::Value) -> (serde_json::Value, u64) {
    let mut file: serde_json::Value = serde_json::from_str(answers).unwrap();
    file["jury"] = jury;
    let path = scratch.join("marked.json");
    std::fs::write(&path, file.to_string()).unwrap();
    let (code, out, err) = grille(&[
        "score",
        "forms/tnl-2024.grille",
        path.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let result: serde_json::Value = serde_json::from_str(&out).unwrap();
    (result["total"].clone(), result["level"].as_u64().unwrap())
}

#[test]
fn two_jurors_mark_the_president_agrees_validates_and_publishes() {
    let scratch = Scratch::new("jury-flow");
    for database in databases(&scratch, "jury_flow") {
        add_juror(&database, "Ana Lopez", "mot de passe d’Ana", true);
        add_juror(&database, "Bruno Petit", "mot de passe de Bruno", false);
        let server = Server::start(&open_form(&scratch, ""), &database);
        let first = server.post_json(&answers()).json();
        let second = server.post_json(&other_answers()).json();
        let (id, token) = (first["id"].to_string(), first["token"].as_str().unwrap());
        let page = format!("/jury/applications/{id}");

        // No session: the pages send to the sign-in page, the API says 401.
        for path in ["/jury/", page.as_str(), "/jury/applications/999"] {
            let r = server.get(path);
            assert_eq!(
                (r.status, r.header("location")),
                (303, Some("/jury/login")),
                "{path}"
            );
        }
        let r = server.post_form(&page, &[("grille-action", "marks"), ("mark-S5", "5")]);
        assert_eq!((r.status, r.header("location")), (303, Some("/jury/login")));
        assert_eq!(server.get("/api/results").status, 401);
        // A candidate's private link is no session.
        let as_candidate = format!("grille-jury={token}");
        let r = request(
            &server.address,
            "GET",
            "/jury/",
            &[("Cookie", &as_candidate)],
            b"",
        );
        assert_eq!(r.status, 303, "{}", r.body);
        // Results not published: the page says so, the sheet too.
        assert!(server.get("/results").body.contains("pas encore publiés"));
        let sheet = server.get(&format!("/a/{token}/result"));
        assert!(sheet.body.contains("pas encore publiés"), "{}", sheet.body);

        // Signing in: a wrong password, a sign-in without its cookie.
        let r = sign_in_as(&server, "Bruno Petit", "pas le bon mot de passe");
        assert_eq!(r.status, 401);
        assert!(
            r.body.contains("Nom ou mot de passe incorrect"),
            "{}",
            r.body
        );
        assert!(r.body.contains("value=\"Bruno Petit\""), "the name is kept");
        let r = server.post_form(
            "/jury/login",
            &[
                ("name", "Bruno Petit"),
                ("password", "mot de passe de Bruno"),
            ],
        );
        assert_eq!(r.status, 403, "no sign-in form's token: {}", r.body);
        let bruno = sign_in(&server, "Bruno Petit", "mot de passe de Bruno");
        let ana = sign_in(&server, "Ana Lopez", "mot de passe d’Ana");

        // The list: both applications, by name, type and state.
        let list = bruno.get("/jury/");
        for text in [
            "Commune de Libreville",
            "Communauté de communes du Val",
            "Reçue",
        ] {
            assert!(list.body.contains(text), "{text}: {}", list.body);
        }
        assert!(!list.body.contains("Publier"), "the president's only");
        let filtered = bruno.get("/jury/?type=cc&sort=name");
        assert!(filtered.body.contains("Communauté de communes du Val"));
        assert!(
            !filtered.body.contains("Commune de Libreville"),
            "{}",
            filtered.body
        );

        // Bruno marks; the page shows the answers, their points and why.
        let shown = bruno.get(&page);
        assert_eq!(shown.status, 200, "{}", shown.body);
        assert!(shown.body.contains("Réponses"), "{}", shown.body);
        let revision = hidden(&shown.body, "revision");
        let fields = [
            ("grille-action", "marks"),
            ("revision", revision.as_str()),
            ("mark-S5", "4"),
            ("mark-C10", "2"),
            ("comment", "Un dossier solide."),
        ];
        // Without the session's token, or with another, nothing is saved.
        let r = bruno.post_as_is(&page, &fields);
        assert_eq!(r.status, 403, "{}", r.body);
        let mut forged = fields.to_vec();
        forged.push(("grille-csrf", "forged"));
        assert_eq!(bruno.post_as_is(&page, &forged).status, 403);
        // A mark out of bounds comes back with what was typed.
        let mut wrong = fields.to_vec();
        wrong[2] = ("mark-S5", "9");
        let r = bruno.post(&page, &wrong);
        assert_eq!(r.status, 422, "{}", r.body);
        assert!(r.body.contains("nombre entier de 0 à 5"), "{}", r.body);
        assert!(r.body.contains("value=\"9\""), "{}", r.body);
        let r = bruno.post(&page, &fields);
        assert_eq!(r.status, 303, "{}", r.body);
        // A juror cannot do the president's work.
        for (path, fields) in [
            (
                page.as_str(),
                vec![
                    ("grille-action", "agree"),
                    ("revision", "0"),
                    ("agreed-mark-S5", "5"),
                ],
            ),
            (
                page.as_str(),
                vec![
                    ("grille-action", "state"),
                    ("revision", "0"),
                    ("state", "validated"),
                ],
            ),
            ("/jury/publish", vec![]),
        ] {
            let r = bruno.post(path, &fields);
            assert_eq!(r.status, 403, "{path}: {}", r.body);
        }

        // Under review, the candidate cannot change the application.
        let r = server.post_form(
            &format!("/a/{token}"),
            &[("P1", "Autre nom"), ("grille-action", "save")],
        );
        assert_eq!(r.status, 409, "{}", r.body);
        assert!(
            r.body.contains("Le jury examine votre candidature"),
            "{}",
            r.body
        );
        // Ana saves on the page she opened; Bruno, on his older page, is
        // told and keeps what he typed.
        let ana_page = ana.get(&page);
        assert!(
            ana_page.body.contains("En cours d’examen"),
            "the first marks start the review"
        );
        let r = ana.post(
            &page,
            &[
                ("grille-action", "marks"),
                ("revision", &hidden(&ana_page.body, "revision")),
                ("mark-S5", "3"),
                ("mark-C10", "3"),
            ],
        );
        assert_eq!(r.status, 303, "{}", r.body);
        let mut again = fields.to_vec();
        again[2] = ("mark-S5", "5");
        let r = bruno.post(&page, &again);
        assert_eq!(r.status, 409, "{}", r.body);
        assert!(r.body.contains("modifiée entre-temps"), "{}", r.body);
        assert!(
            r.body
                .contains("id=\"mark-S5\" name=\"mark-S5\" value=\"5\""),
            "{}",
            r.body
        );
        // Each juror's marks kept, their exact mean and spread shown.
        let shown = ana.get(&page);
        for text in [
            "Bruno Petit",
            "3,5 (de 3 à 4)",
            "2,5 (de 2 à 3)",
            "Un dossier solide.",
            "Note de 2.5",
        ] {
            assert!(shown.body.contains(text), "{text}: {}", shown.body);
        }

        // Validated only once agreed; then agreed, validated.
        let state = |session: &Session, state: &str, extra: &[(&str, &str)]| {
            let shown = session.get(&page);
            let revision = hidden(&shown.body, "revision");
            let mut fields = vec![
                ("grille-action", "state"),
                ("revision", revision.as_str()),
                ("state", state),
            ];
            fields.extend_from_slice(extra);
            session.post(&page, &fields)
        };
        let r = state(&ana, "validated", &[]);
        assert_eq!(r.status, 422, "{}", r.body);
        assert!(r.body.contains("arrêtées par la présidence"), "{}", r.body);
        let agree = |session: &Session, at: &str, s5: &str, c10: &str| {
            let shown = session.get(at);
            let revision = hidden(&shown.body, "revision");
            session.post(
                at,
                &[
                    ("grille-action", "agree"),
                    ("revision", revision.as_str()),
                    ("agreed-mark-S5", s5),
                    ("agreed-mark-C10", c10),
                ],
            )
        };
        assert_eq!(agree(&ana, &page, "4", "3").status, 303);
        assert_eq!(state(&ana, "validated", &[]).status, 303);
        // Not published while an application is not validated.
        let r = ana.post("/jury/publish", &[]);
        assert_eq!(r.status, 409, "{}", r.body);
        assert!(r.body.contains("pas encore validée"), "{}", r.body);
        let other = format!("/jury/applications/{}", second["id"]);
        assert_eq!(agree(&ana, &other, "1", "0").status, 303);
        let shown = ana.get(&other);
        let revision = hidden(&shown.body, "revision");
        let r = ana.post(
            &other,
            &[
                ("grille-action", "state"),
                ("revision", &revision),
                ("state", "validated"),
            ],
        );
        assert_eq!(r.status, 303, "{}", r.body);

        // The current figures, for the jury, before the publication.
        let current = request(
            &server.address,
            "GET",
            "/api/results",
            &[("Cookie", &ana.cookie)],
            b"",
        )
        .json();
        assert_eq!(current["published_at"], serde_json::Value::Null);
        let r = ana.post("/jury/publish", &[]);
        assert_eq!(
            (r.status, r.header("location")),
            (303, Some("/results")),
            "{}",
            r.body
        );

        // The results: by level, highest first, the same as `grille score`.
        let (first_total, first_level) =
            scored(&scratch, &answers(), serde_json::json!({"S5": 4, "C10": 3}));
        let (second_total, second_level) = scored(
            &scratch,
            &other_answers(),
            serde_json::json!({"S5": 1, "C10": 0}),
        );
        let api = server.get("/api/results").json();
        assert_eq!(api["applications"], 2, "{api}");
        assert!(api["published_at"].is_string());
        for (name, level) in [
            ("Commune de Libreville", first_level),
            ("Communauté de communes du Val", second_level),
        ] {
            let group = api["levels"]
                .as_array()
                .unwrap()
                .iter()
                .find(|l| l["number"] == level)
                .unwrap();
            assert!(
                group["applications"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|a| a["name"] == name),
                "{api}"
            );
        }
        let kinds: Vec<(String, u64)> = api["by_type"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["type"].as_str().unwrap().to_owned(),
                    t["count"].as_u64().unwrap(),
                )
            })
            .collect();
        assert!(
            kinds.contains(&("commune".to_owned(), 1)) && kinds.contains(&("cc".to_owned(), 1)),
            "{kinds:?}"
        );
        let numbers: Vec<u64> = api["levels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["number"].as_u64().unwrap())
            .collect();
        assert!(
            numbers.windows(2).all(|w| w[0] > w[1]),
            "highest first: {numbers:?}"
        );
        let public = server.get("/results");
        assert_eq!(public.status, 200);
        for text in [
            "Commune de Libreville – dossier porté par Mme Martin, adjointe au numérique",
            "aucun candidat",
            "Candidatures par niveau",
            "<svg",
        ] {
            assert!(public.body.contains(text), "{text}: {}", public.body);
        }

        // The candidate's sheet: level, sections, ways to progress; the
        // receipt links to it; a guessed link finds nothing.
        let sheet = server.get(&format!("/a/{token}/result"));
        assert_eq!(sheet.status, 200, "{}", sheet.body);
        for text in [
            "Votre résultat",
            "Pistes de progression",
            "Vos points par section",
        ] {
            assert!(sheet.body.contains(text), "{text}: {}", sheet.body);
        }
        let receipt = server.get(&format!("/a/{token}/receipt"));
        assert!(
            receipt.body.contains("result\">Voir mon résultat</a>"),
            "{}",
            receipt.body
        );
        let pdf = server.get(&format!("/a/{token}/result.pdf"));
        assert_eq!(pdf.status, 200, "{}", pdf.body);
        assert_eq!(pdf.header("content-type"), Some("application/pdf"));
        assert!(pdf.body.starts_with("%PDF-"), "a PDF");
        let guessed = format!("/a/{}/result", "A".repeat(43));
        assert_eq!(server.get(&guessed).status, 404);

        // `grille results` gives the same numbers.
        let (code, out, err) = grille(&["results", "--database", &database, "--format", "json"]);
        assert_eq!(code, 0, "{err}");
        let results: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
        let totals: Vec<&serde_json::Value> = results.iter().map(|l| &l["total"]).collect();
        assert_eq!(totals, [&first_total, &second_total], "{out}");
        let (code, out, err) = grille(&["results", "--database", &database, "--summary"]);
        assert_eq!(code, 0, "{err}");
        let summary: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(summary, api, "the API's figures");

        // Signed out, the cookie opens nothing.
        assert_eq!(bruno.post("/jury/logout", &[]).status, 303);
        assert_eq!(bruno.get("/jury/").status, 303);
        // Guessed application numbers find nothing.
        for path in ["/jury/applications/999", "/jury/applications/abc"] {
            assert_eq!(ana.get(path).status, 404, "{path}");
        }
    }
}

#[test]
fn sign_ins_are_limited_by_address_and_by_name() {
    let scratch = Scratch::new("jury-limits");
    let database = &databases(&scratch, "jury_limits")[0];
    add_juror(database, "Ana Lopez", "mot de passe d’Ana", true);
    let server = Server::start(&open_form(&scratch, ""), database);
    for _ in 0..5 {
        assert_eq!(
            sign_in_as(&server, "Ana Lopez", "mauvais mot de passe").status,
            401
        );
    }
    // The right password is refused too, for a while.
    let r = sign_in_as(&server, "Ana Lopez", "mot de passe d’Ana");
    assert_eq!(r.status, 429, "{}", r.body);
    assert_eq!(r.header("retry-after"), Some("300"));
}

#[test]
fn the_candidate_completes_after_the_deadline_when_the_jury_asks() {
    let scratch = Scratch::new("jury-completing");
    let database = &databases(&scratch, "jury_completing")[0];
    add_juror(database, "Ana Lopez", "mot de passe d’Ana", true);
    let open = open_form(&scratch, "");
    let created = {
        let server = Server::start(&open, database);
        server.post_json(&answers()).json()
    };
    let token = created["token"].as_str().unwrap();
    let page = format!("/jury/applications/{}", created["id"]);
    // The same questionnaire, closed since.
    let closed = open_form(&scratch, "  deadline 2020-01-31\n");
    let server = Server::start(&closed, database);
    let fields: Vec<(&str, &str)> =
        vec![("P1", "Commune de Libreville"), ("grille-action", "save")];
    let r = server.post_form(&format!("/a/{token}"), &fields);
    assert_eq!(r.status, 403, "closed: {}", r.body);
    let ana = sign_in(&server, "Ana Lopez", "mot de passe d’Ana");
    // The server's day, in its time zone.
    let today =
        String::from_utf8(Command::new("date").arg("+%F").output().unwrap().stdout).unwrap();
    let today = today.trim();
    let shown = ana.get(&page);
    let r = ana.post(
        &page,
        &[
            ("grille-action", "state"),
            ("revision", &hidden(&shown.body, "revision")),
            ("state", "needs_completing"),
            ("until", today),
            ("note", "Précisez la délibération du conseil."),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let form = server.get(&format!("/a/{token}"));
    assert!(
        form.body.contains("Précisez la délibération du conseil."),
        "{}",
        form.body
    );
    assert!(
        form.body.contains("compléter votre candidature"),
        "{}",
        form.body
    );
    // A draft is kept, the application stays to be completed.
    let r = server.post_form(&format!("/a/{token}"), &fields);
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(ana.get(&page).body.contains("À compléter par le candidat"));
}

/// The president agrees these marks and decisions, then validates.
fn agree_and_validate(president: &Session, page: &str, agreed: &[(&str, &str)]) {
    let shown = president.get(page);
    let revision = hidden(&shown.body, "revision");
    let mut fields = vec![("grille-action", "agree"), ("revision", revision.as_str())];
    fields.extend_from_slice(agreed);
    let r = president.post(page, &fields);
    assert_eq!(r.status, 303, "{}", r.body);
    let shown = president.get(page);
    let revision = hidden(&shown.body, "revision");
    let r = president.post(
        page,
        &[
            ("grille-action", "state"),
            ("revision", &revision),
            ("state", "validated"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.body);
}

/// The 2024 answers of a candidate at level 3, with its identification.
fn answers_2024() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |name: &str| -> serde_json::Value {
        serde_json::from_str(
            &std::fs::read_to_string(root.join("tests/fixtures/answers").join(name)).unwrap(),
        )
        .unwrap()
    };
    let mut file = read("niveau-4-2024.json");
    file.as_object_mut().unwrap().remove("jury");
    let complet = read("complet.json");
    for id in ["P1", "P2", "P3", "P4", "P5", "P6", "P7"] {
        file["answers"][id] = complet["answers"][id].clone();
    }
    file.to_string()
}

/// The 2025 form, open, and answers of the same candidate reaching level 5.
fn edition_2025(scratch: &Scratch) -> (std::path::PathBuf, String) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("forms/tnl-2025.grille")).unwrap();
    let open = text.replace("  deadline 2025-10-31\n", "");
    assert_ne!(open, text, "the deadline is taken out");
    let path = scratch.join("tnl-2025.grille");
    std::fs::write(&path, open).unwrap();
    let (code, out, err) = grille(&["witness", "forms/tnl-2025.grille", "--level", "5"]);
    assert_eq!(code, 0, "{err}");
    let mut file: serde_json::Value = serde_json::from_str(&out).unwrap();
    let complet: serde_json::Value = serde_json::from_str(&answers()).unwrap();
    for id in ["P1", "P2", "P3", "P6"] {
        file["answers"][id] = complet["answers"][id].clone();
    }
    file.as_object_mut().unwrap().remove("jury");
    (path, file.to_string())
}

#[test]
fn the_previous_editions_results_show_each_applications_progress() {
    let before = Scratch::new("jury-previous-2024");
    let after = Scratch::new("jury-previous-2025");
    let olds = databases(&before, "jury_previous_2024");
    let news = databases(&after, "jury_previous_2025");
    for (old, new) in olds.iter().zip(&news) {
        // 2024: level 3, published.
        add_juror(old, "Ana Lopez", "mot de passe d’Ana", true);
        {
            let server = Server::start(&open_form(&before, ""), old);
            let (code, _, err) = grille(&["import", "--from", old, "--database", new]);
            assert_eq!(code, 2, "nothing published yet");
            assert!(err.contains("no results published"), "{err}");
            let made = server.post_json(&answers_2024()).json();
            let ana = sign_in(&server, "Ana Lopez", "mot de passe d’Ana");
            let page = format!("/jury/applications/{}", made["id"]);
            agree_and_validate(
                &ana,
                &page,
                &[("agreed-mark-S5", "1"), ("agreed-mark-C10", "1")],
            );
            assert_eq!(ana.post("/jury/publish", &[]).status, 303);
            let api = server.get("/api/results").json();
            let level3 = api["levels"]
                .as_array()
                .unwrap()
                .iter()
                .find(|l| l["number"] == 3)
                .unwrap();
            assert_eq!(level3["count"], 1, "{api}");
        }
        // 2025: imported, matched by SIRET, level 5 and « Meilleure progression ».
        let (code, out, err) = grille(&["import", "--from", old, "--database", new]);
        assert_eq!(code, 0, "{err}");
        assert!(
            out.starts_with("imported 1 result of « tnl » 2024"),
            "{out}"
        );
        add_juror(new, "Ana Lopez", "mot de passe d’Ana", true);
        let (form, answers) = edition_2025(&after);
        let server = Server::start(&form, new);
        let made = server.post_json(&answers).json();
        let ana = sign_in(&server, "Ana Lopez", "mot de passe d’Ana");
        let page = format!("/jury/applications/{}", made["id"]);
        let shown = ana.get(&page);
        for text in [
            "Édition 2024",
            "niveau 3 « Implication », 127 points",
            "notées avec le questionnaire de cette édition",
        ] {
            assert!(shown.body.contains(text), "{text}: {}", shown.body);
        }
        validate_2025_and_publish(&server, &ana, &page);
        let public = server.get("/results");
        assert!(public.body.contains("Commune de Libreville – dossier porté par Mme Martin, adjointe au numérique (Meilleure progression)"), "{}", public.body);
        let sheet = server.get(&format!("/a/{}/result", made["token"].as_str().unwrap()));
        assert!(
            sheet
                .body
                .contains("À l’édition précédente : niveau 3 « Implication », avec 127 points."),
            "{}",
            sheet.body
        );
        assert!(
            sheet.body.contains("Meilleure progression"),
            "{}",
            sheet.body
        );
        // `grille results` scores it the same way, progress included.
        let (code, out, err) = grille(&["results", "--database", new, "--format", "json"]);
        assert_eq!(code, 0, "{err}");
        let results: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(results[0]["level"], 5, "{out}");
        assert_eq!(
            results[0]["mentions"],
            serde_json::json!(["progression"]),
            "{out}"
        );
    }
}

/// The 2025 application at `page` agreed at the top marks, validated and
/// published: level 5, with « Meilleure progression » from its previous
/// level 3.
fn validate_2025_and_publish(server: &Server, president: &Session, page: &str) {
    agree_and_validate(
        president,
        page,
        &[
            ("agreed-mark-S5", "5"),
            ("agreed-mark-C10", "4"),
            ("agreed-decision-coeur", "no"),
        ],
    );
    assert_eq!(president.post("/jury/publish", &[]).status, 303);
    let api = server.get("/api/results").json();
    let level5 = api["levels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["number"] == 5)
        .unwrap();
    assert_eq!(
        level5["applications"][0]["mentions"],
        serde_json::json!(["progression"]),
        "{api}"
    );
}

/// An edition that did not run on grille: its results, from a CSV file of
/// levels (no totals, no answers), show each application's progress all the
/// same; a file with mistakes imports nothing and says each one.
#[test]
fn the_results_of_an_edition_off_grille_come_from_a_csv_file() {
    let scratch = Scratch::new("jury-previous-csv");
    let csv = scratch.join("laureats-2024.csv");
    std::fs::write(
        &csv,
        "key;name;level\n732 829 320 00074;Commune de Libreville;3\n21290019000019;Brest;2\n",
    )
    .unwrap();
    let csv = csv.to_str().unwrap();
    let bad = scratch.join("faux.csv");
    std::fs::write(&bad, "key;level;total\n1;trois;\n;2;12,5\n").unwrap();
    let bad = bad.to_str().unwrap();
    for database in databases(&scratch, "jury_previous_csv") {
        let (code, _, err) = grille(&["import", "--from", csv, "--database", &database]);
        assert_eq!(code, 2);
        assert!(err.contains("add `--edition YEAR`"), "{err}");
        let import = |file: &str| {
            grille(&[
                "import",
                "--from",
                file,
                "--edition",
                "2024",
                "--database",
                &database,
            ])
        };
        let (code, out, err) = import(csv);
        assert_eq!(code, 0, "{err}");
        assert!(
            out.starts_with("imported 2 results of the 2024 edition from `"),
            "{out}"
        );
        // Mistakes: each with its line; what was imported stays.
        let (code, _, err) = import(bad);
        assert_eq!(code, 2);
        for text in [
            "has mistakes; nothing was imported",
            "line 2: the previous level is a whole number (0: not labelled), found the text \"trois\"",
            "line 3: no key",
        ] {
            assert!(err.contains(text), "{text}: {err}");
        }
        add_juror(&database, "Ana Lopez", "mot de passe d’Ana", true);
        let (form, answers) = edition_2025(&scratch);
        let server = Server::start(&form, &database);
        let made = server.post_json(&answers).json();
        let ana = sign_in(&server, "Ana Lopez", "mot de passe d’Ana");
        let page = format!("/jury/applications/{}", made["id"]);
        let shown = ana.get(&page);
        assert!(
            shown.body.contains("Édition 2024") && shown.body.contains("niveau 3 « Implication »"),
            "{}",
            shown.body
        );
        assert!(
            !shown
                .body
                .contains("notées avec le questionnaire de cette édition"),
            "no answers to regrade"
        );
        validate_2025_and_publish(&server, &ana, &page);
        let sheet = server.get(&format!("/a/{}/result", made["token"].as_str().unwrap()));
        assert!(
            sheet
                .body
                .contains("À l’édition précédente : niveau 3 « Implication »."),
            "{}",
            sheet.body
        );
    }
}
