//! `grille serve`, started as a program and spoken to over HTTP on
//! 127.0.0.1: the API, the candidate's flow through the form's posts, the
//! limits, the headers, guessed links, `kill -9` while clients submit, and
//! `grille results` / `grille export`.
//!
//! Every test runs against SQLite; with `GRILLE_TEST_POSTGRES` set (an
//! address such as `postgres://grille@127.0.0.1:5433/`, which `bash
//! scripts/test` sets after starting a PostgreSQL of its own), against
//! PostgreSQL too, each test in a database of its own.

use crate::common::{grille, Scratch};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `grille serve`, stopped (killed) when dropped.
pub struct Server {
    child: Child,
    pub address: String,
}

impl Server {
    /// Starts `grille serve FORM` on a free port of 127.0.0.1.
    pub fn start(form: &Path, database: &str) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_grille"))
            .args(["serve", form.to_str().unwrap(), "--database", database])
            .args(["--listen", "127.0.0.1:0", "--color", "never"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("grille serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let address = line
            .split("at http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("grille serve says where it listens: {line:?}"))
            .to_owned();
        Server { child, address }
    }

    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn get(&self, path: &str) -> Response {
        request(&self.address, "GET", path, &[], b"")
    }

    pub fn post(&self, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Response {
        request(&self.address, "POST", path, headers, body)
    }

    pub fn post_json(&self, body: &str) -> Response {
        self.post(
            "/api/submissions",
            &[("Content-Type", "application/json")],
            body.as_bytes(),
        )
    }

    pub fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let body: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        self.post(
            path,
            &[("Content-Type", "application/x-www-form-urlencoded")],
            body.as_bytes(),
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: not JSON: {}", self.body))
    }
}

/// One HTTP/1.1 request on its own connection.
pub fn request(
    address: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    let mut stream = TcpStream::connect(address).expect("the server accepts connections");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    // The server may answer (413) before reading a large body.
    let _ = stream.write_all(body);
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    parse(&bytes)
}

fn parse(bytes: &[u8]) -> Response {
    let text = String::from_utf8_lossy(bytes);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("an HTTP response: {text:?}"));
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    let body = if chunked {
        unchunk(body)
    } else {
        body.to_owned()
    };
    Response {
        status,
        headers,
        body,
    }
}

fn unchunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 || rest.len() < size {
            break;
        }
        out.push_str(&rest[..size]);
        body = rest[size..].trim_start_matches("\r\n");
    }
    out
}

/// The databases each test runs against: a SQLite file in the scratch
/// folder, and a PostgreSQL database of its own when one is given.
pub fn databases(scratch: &Scratch, name: &str) -> Vec<String> {
    let mut urls = vec![format!("sqlite:{}", scratch.join("campagne.db").display())];
    if let Ok(base) = std::env::var("GRILLE_TEST_POSTGRES") {
        urls.push(postgres_database(&base, name));
    }
    urls
}

/// A new, empty PostgreSQL database named after the test.
fn postgres_database(base: &str, name: &str) -> String {
    let db = format!("grille_{}", name.replace('-', "_"));
    let admin = format!("{}postgres", base.trim_end_matches('/').to_owned() + "/");
    for sql in [
        format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"),
        format!("CREATE DATABASE {db}"),
    ] {
        let out = Command::new("psql")
            .args([&admin, "-v", "ON_ERROR_STOP=1", "-q", "-c", &sql])
            .output()
            .expect("psql runs (bash scripts/test installs PostgreSQL)");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    format!("{}/{db}", base.trim_end_matches('/'))
}

/// The 2024 form, open: the same questionnaire with a deadline to come.
pub fn open_form(scratch: &Scratch, header: &str) -> std::path::PathBuf {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("forms/tnl-2024.grille"),
    )
    .unwrap();
    let text = text.replacen("  lang fr\n", &format!("  lang fr\n{header}"), 1);
    assert!(text.contains(header), "the header is added");
    let path = scratch.join("tnl-2024.grille");
    std::fs::write(&path, text).unwrap();
    path
}

/// An answers file of the 2024 form, with no jury marks.
pub fn answers() -> String {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers/complet.json"),
    )
    .unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&text).unwrap();
    file.as_object_mut().unwrap().remove("jury");
    serde_json::to_string_pretty(&file).unwrap()
}

#[test]
fn the_api_keeps_each_submission_and_gives_it_back() {
    let scratch = Scratch::new("serve-api");
    for database in databases(&scratch, "api") {
        let server = Server::start(&open_form(&scratch, ""), &database);
        assert_eq!(server.get("/healthz").status, 200, "{database}");
        let text = answers();
        let created = server.post_json(&text);
        assert_eq!(created.status, 201, "{database}: {}", created.body);
        let json = created.json();
        let token = json["token"].as_str().unwrap().to_owned();
        assert!(token.len() >= 43, "a token of 256 bits: {token}");
        assert_eq!(json["total"], serde_json::json!(191));
        assert_eq!(json["max"], serde_json::json!(200));
        assert_eq!(json["level"], serde_json::json!(5));
        // The same as `grille score` says.
        let file = scratch.join("reponses.json");
        std::fs::write(&file, &text).unwrap();
        let (_, scored, _) = grille(&[
            "score",
            "forms/tnl-2024.grille",
            file.to_str().unwrap(),
            "--format",
            "json",
        ]);
        let scored: serde_json::Value = serde_json::from_str(&scored).unwrap();
        assert_eq!(scored["total"], json["total"]);
        assert_eq!(scored["level"], json["level"]);
        // Given back, byte for byte.
        let got = server.get(&format!("/api/submissions/{token}"));
        assert_eq!(got.status, 200);
        let got = got.json();
        assert_eq!(got["id"], json["id"]);
        assert_eq!(
            serde_json::to_string_pretty(&got["answers"]).unwrap(),
            text,
            "{database}"
        );
        // Another token, a guessed one, a malformed one: not found.
        let other = server.post_json(&text).json();
        assert_ne!(other["token"], json["token"]);
        assert_ne!(other["id"], json["id"]);
        let mut guessed = token.clone();
        guessed.replace_range(0..1, if guessed.starts_with('A') { "B" } else { "A" });
        for path in [
            format!("/api/submissions/{guessed}"),
            "/api/submissions/x".to_owned(),
            "/api/submissions/..%2F..%2Fetc".to_owned(),
        ] {
            let r = server.get(&path);
            assert_eq!(r.status, 404, "{path}");
            assert!(!r.body.contains("Libreville"), "{path}");
        }
        // An invalid file: 422, with the messages of `grille score`.
        let invalid = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers/invalid.json"),
        )
        .unwrap();
        let r = server.post_json(&invalid);
        assert_eq!(r.status, 422);
        let problems = r.json()["problems"].as_array().unwrap().clone();
        assert!(problems
            .iter()
            .any(|p| p["code"] == "answers::invalid_answer"
                && p["message"]
                    .as_str()
                    .unwrap()
                    .contains("did you mean `deliberation`?")));
        // Jury marks are the jury's.
        let mut with_jury: serde_json::Value = serde_json::from_str(&text).unwrap();
        with_jury["jury"] = serde_json::json!({ "S5": 3 });
        assert_eq!(server.post_json(&with_jury.to_string()).status, 422);
    }
}

#[test]
fn a_request_sent_twice_with_its_key_makes_one_submission() {
    let scratch = Scratch::new("serve-idempotency");
    for database in databases(&scratch, "idempotency") {
        let server = Server::start(&open_form(&scratch, ""), &database);
        let text = answers();
        let headers = [
            ("Content-Type", "application/json"),
            ("Idempotency-Key", "3f1c9a70-retry"),
        ];
        let first = server.post("/api/submissions", &headers, text.as_bytes());
        let second = server.post("/api/submissions", &headers, text.as_bytes());
        assert_eq!((first.status, second.status), (201, 201), "{database}");
        assert_eq!(first.json(), second.json(), "the same submission");
        assert_eq!(second.header("idempotent-replayed"), Some("true"));
        // The same key with another body is refused.
        let other = text.replace("Libreville", "Autreville");
        let r = server.post("/api/submissions", &headers, other.as_bytes());
        assert_eq!(r.status, 422, "{}", r.body);
        // Without a key, each post is a new submission.
        let a = server.post_json(&text).json();
        let b = server.post_json(&text).json();
        assert_ne!(a["id"], b["id"]);
        let (code, csv, stderr) = grille(&["results", "--database", &database, "--format", "csv"]);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(csv.lines().count(), 1 + 3, "three submissions: {csv}");
    }
}

#[test]
fn bad_requests_get_a_message_never_a_failure() {
    let scratch = Scratch::new("serve-hostile");
    let server = Server::start(&open_form(&scratch, ""), &databases(&scratch, "hostile")[0]);
    let json = [("Content-Type", "application/json")];
    let many_ids: String = format!(
        "{{\"answers\": {{{}}}}}",
        (0..100_000)
            .map(|i| format!("\"q{i}\": 1"))
            .collect::<Vec<_>>()
            .join(",")
    );
    let big = "x".repeat(grille::serve::BODY_LIMIT + 1);
    // What is sent, its headers and body, and the status it gets.
    type Case<'a> = (&'a str, Vec<(&'a str, &'a str)>, Vec<u8>, u16);
    let cases: Vec<Case<'_>> = vec![
        (
            "malformed JSON",
            json.to_vec(),
            b"{\"answers\": {".to_vec(),
            422,
        ),
        ("not an object", json.to_vec(), b"[1, 2]".to_vec(), 422),
        (
            "an unknown key",
            json.to_vec(),
            b"{\"answers\": {}, \"autre\": 1}".to_vec(),
            422,
        ),
        (
            "an unknown question",
            json.to_vec(),
            b"{\"answers\": {\"ZZ\": 1}}".to_vec(),
            422,
        ),
        ("100,000 ids", json.to_vec(), many_ids.into_bytes(), 413),
        ("over the limit", json.to_vec(), big.into_bytes(), 413),
        ("not UTF-8", json.to_vec(), vec![0xff, 0xfe, b'{'], 400),
        (
            "a wrong content type",
            vec![("Content-Type", "text/plain")],
            b"{}".to_vec(),
            415,
        ),
        ("no content type", Vec::new(), b"{}".to_vec(), 415),
        (
            "a bad key",
            vec![
                ("Content-Type", "application/json"),
                ("Idempotency-Key", ""),
            ],
            b"{}".to_vec(),
            400,
        ),
    ];
    for (what, headers, body, status) in cases {
        let r = server.post("/api/submissions", &headers, &body);
        assert_eq!(r.status, status, "{what}: {}", r.body);
        assert!(
            r.json()["error"].is_string(),
            "{what}: a message: {}",
            r.body
        );
    }
    // The form's posts: a page in words, never a failure.
    let form = [("Content-Type", "application/x-www-form-urlencoded")];
    for (what, headers, body, status) in [
        ("a wrong content type", &json[..], b"P1=x".to_vec(), 415),
        (
            "over the limit",
            &form[..],
            vec![b'a'; grille::serve::BODY_LIMIT + 1],
            413,
        ),
        ("an unknown question", &form[..], b"ZZ=1".to_vec(), 422),
        (
            "100,000 ids",
            &form[..],
            (0..100_000)
                .map(|i| format!("q{i}=1"))
                .collect::<Vec<_>>()
                .join("&")
                .into_bytes(),
            422,
        ),
        (
            "not UTF-8",
            &form[..],
            [&b"grille-action=save&P1="[..], &[0xff]].concat(),
            303,
        ),
    ] {
        let r = server.post("/", headers, &body);
        assert_eq!(r.status, status, "form, {what}: {}", r.body);
    }
    // Addresses and methods the API does not have.
    let r = server.get("/api/nothing");
    assert_eq!(r.status, 404);
    assert!(r.json()["error"].is_string());
    let r = request(&server.address, "DELETE", "/api/submissions", &[], b"");
    assert_eq!(r.status, 405);
    assert!(r.json()["error"].is_string());
    assert_eq!(server.get("/healthz").status, 200, "still serving");
}

#[test]
fn every_page_sends_strict_headers_and_guessed_links_are_limited() {
    let scratch = Scratch::new("serve-headers");
    let server = Server::start(&open_form(&scratch, ""), &databases(&scratch, "headers")[0]);
    let token = server.post_json(&answers()).json()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    for path in [
        "/".to_owned(),
        format!("/a/{token}"),
        format!("/a/{token}/receipt"),
        format!("/api/submissions/{token}"),
        "/healthz".to_owned(),
        "/nothing-here".to_owned(),
    ] {
        let r = server.get(&path);
        assert_eq!(
            r.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(r.header("referrer-policy"), Some("no-referrer"), "{path}");
        let csp = r.header("content-security-policy").unwrap_or_default();
        assert!(csp.starts_with("default-src 'none'"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe"), "{path}: {csp}");
    }
    // Guessing links: after twenty misses in a minute, 429, even for a
    // real link, until the minute is over.
    let mut statuses = Vec::new();
    for i in 0..25 {
        let guess = format!("{:0>43}", i);
        statuses.push(server.get(&format!("/a/{guess}")).status);
    }
    assert!(statuses[..20].iter().all(|s| *s == 404), "{statuses:?}");
    assert!(statuses[20..].iter().all(|s| *s == 429), "{statuses:?}");
    assert_eq!(server.get(&format!("/a/{token}")).status, 429);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(scratch.join("campagne.db"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "the database is its owner's only");
    }
}

/// The `location` a post redirects to.
fn location(r: &Response) -> String {
    assert_eq!(r.status, 303, "{}", r.body);
    r.header("location").unwrap().to_owned()
}

#[test]
fn a_candidate_saves_comes_back_sends_and_changes() {
    let scratch = Scratch::new("serve-flow");
    for database in databases(&scratch, "flow") {
        let server = Server::start(&open_form(&scratch, "  receipt result\n"), &database);
        // A draft, with an answer that cannot be read: the form comes back
        // with the problem, and what was typed.
        let r = server.post_form(
            "/",
            &[
                ("P1", "Ville de Test"),
                ("P4", "douze mille"),
                ("grille-action", "save"),
            ],
        );
        assert_eq!(r.status, 422, "{database}");
        assert!(r
            .body
            .contains("value=\"douze mille\" aria-invalid=\"true\""));
        assert!(r.body.contains("value=\"Ville de Test\""));
        assert!(r
            .body
            .contains("<a href=\"#q-P4\">1.4 Nombre d’habitants : Cette réponse ne convient pas"));
        assert!(r.body.contains("<title>Erreur : "));
        // Saved: the private link shows the draft.
        let key = [("grille-cle", "page-key-1")];
        let fields = [
            ("P1", "Ville de Test"),
            ("P2", "commune"),
            ("P4", "12 500"),
            ("S7", "yes"),
            ("S3", "souverainete"),
            ("S3", "couts"),
            ("grille-action", "save"),
        ];
        let all: Vec<(&str, &str)> = fields.iter().chain(&key).copied().collect();
        let link = location(&server.post_form("/", &all));
        assert!(link.starts_with("/a/"), "{link}");
        // Sent twice (a double click): one version.
        assert_eq!(location(&server.post_form("/", &all)), link);
        let page = server.get(&link);
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("Brouillon enregistré le"),
            "{}",
            page.body
        );
        assert!(page.body.contains("value=\"12500\""), "the number typed");
        assert!(page.body.contains("value=\"souverainete\" checked"));
        assert!(page.body.contains("value=\"couts\" checked"));
        assert!(page
            .body
            .contains("id=\"q-S7-yes\" name=\"S7\" value=\"yes\" checked"));
        let unescaped = page.body.replace("&#x2f;", "/");
        assert!(unescaped.contains(&format!("action=\"{link}\"")));
        // Sending without the required answers: refused, with each one.
        let send: Vec<(&str, &str)> = fields[..6]
            .iter()
            .copied()
            .chain([("grille-action", "send")])
            .collect();
        let r = server.post_form(&link, &send);
        assert_eq!(r.status, 422);
        assert!(r
            .body
            .contains("Répondez à cette question : elle est obligatoire."));
        // Sent complete: the receipt, with the provisional result.
        let complete = complete_fields();
        let mut send: Vec<(&str, &str)> = complete
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        send.push(("grille-action", "send"));
        let receipt = location(&server.post_form(&link, &send));
        assert_eq!(receipt, format!("{link}/receipt"));
        let page = server.get(&receipt);
        assert!(
            page.body.contains("Votre candidature a été reçue le"),
            "{}",
            page.body
        );
        assert!(page.body.contains("(version 2)"));
        assert!(page.body.contains("Résultat provisoire"));
        assert!(page.body.contains("<dd>Commune de Libreville</dd>"));
        // Changed and sent again: version 3, every version kept.
        let changed: Vec<(&str, &str)> = send
            .iter()
            .map(|(k, v)| {
                if *k == "P1" {
                    (*k, "Commune de Libreville-sur-Mer")
                } else {
                    (*k, *v)
                }
            })
            .collect();
        location(&server.post_form(&link, &changed));
        let page = server.get(&receipt);
        assert!(page.body.contains("(version 3)"));
        assert!(page.body.contains("Libreville-sur-Mer"));
        let token = link.trim_start_matches("/a/");
        let api = server.get(&format!("/api/submissions/{token}")).json();
        assert_eq!(api["version"], 3);
        assert_eq!(
            api["answers"]["answers"]["P1"],
            "Commune de Libreville-sur-Mer"
        );
        // The stored answers score as `grille score` scores them.
        let out = scratch.join("export");
        let (code, stdout, stderr) =
            grille(&["export", "--database", &database, out.to_str().unwrap()]);
        assert_eq!(code, 0, "{stderr}");
        assert!(stdout.contains("wrote 1 answers file"), "{stdout}");
        let file = out.join(format!("tnl-2024-{}.json", api["id"]));
        let (code, scored, stderr) = grille(&[
            "score",
            "forms/tnl-2024.grille",
            file.to_str().unwrap(),
            "--format",
            "json",
        ]);
        assert_eq!(code, 0, "{stderr}");
        let scored: serde_json::Value = serde_json::from_str(&scored).unwrap();
        assert_eq!(scored["total"], api["total"]);
        let (_, results, _) = grille(&["results", "--database", &database, "--format", "json"]);
        let results: serde_json::Value = serde_json::from_str(&results).unwrap();
        assert_eq!(results.as_array().map(Vec::len), Some(1), "{results}");
        assert_eq!(results[0]["total"], api["total"]);
        std::fs::remove_dir_all(&out).unwrap();
    }
}

/// The fields a browser posts for the answers of `complet.json`.
fn complete_fields() -> Vec<(String, String)> {
    let file: serde_json::Value = serde_json::from_str(&answers()).unwrap();
    let mut fields = Vec::new();
    for (id, value) in file["answers"].as_object().unwrap() {
        match value {
            serde_json::Value::Bool(b) => {
                fields.push((id.clone(), if *b { "yes" } else { "no" }.to_owned()))
            }
            serde_json::Value::Array(list) => {
                for v in list {
                    fields.push((id.clone(), v.as_str().unwrap().to_owned()));
                }
            }
            serde_json::Value::String(s) => fields.push((id.clone(), s.clone())),
            other => fields.push((id.clone(), other.to_string().replace('.', ","))),
        }
    }
    fields
}

#[test]
fn the_form_opens_and_closes_on_its_dates() {
    let scratch = Scratch::new("serve-dates");
    let database = &databases(&scratch, "dates")[0];
    for (header, status, words) in [
        (
            "  opens 2999-06-01\n",
            403,
            "Les candidatures seront reçues à partir du 1er juin 2999.",
        ),
        (
            "  deadline 2000-11-30\n",
            403,
            "Les candidatures étaient reçues jusqu’au 30 novembre 2000 inclus.",
        ),
        (
            "  opens 2000-06-01\n  deadline 2999-11-30\n",
            200,
            "Enregistrer sans envoyer",
        ),
    ] {
        let server = Server::start(&open_form(&scratch, header), database);
        let page = server.get("/");
        assert_eq!(page.status, status, "{header}");
        assert!(page.body.contains(words), "{header}: {}", page.body);
        let posted = server.post_json(&answers());
        assert_eq!(
            posted.status == 201,
            status == 200,
            "{header}: {}",
            posted.body
        );
        let posted = server.post_form("/", &[("P1", "x"), ("grille-action", "save")]);
        assert_eq!(posted.status == 303, status == 200, "{header}");
    }
}

#[test]
fn nothing_acknowledged_is_lost_when_the_server_is_killed() {
    let scratch = Scratch::new("serve-kill");
    let form = open_form(&scratch, "");
    for database in databases(&scratch, "kill") {
        let mut server = Server::start(&form, &database);
        let address = server.address.clone();
        // 50 clients submit, each its own answers, while the server is
        // killed (SIGKILL) after a short while.
        let text = answers();
        let clients: Vec<_> = (0..50)
            .map(|i| {
                let address = address.clone();
                let body = text.replace("Commune de Libreville", &format!("Commune n° {i}"));
                std::thread::spawn(move || {
                    let mut acknowledged = Vec::new();
                    for n in 0..20 {
                        let body = body.replace("Commune n°", &format!("Essai {n} de la commune n°"));
                        let Ok(mut stream) = TcpStream::connect(&address) else { break };
                        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
                        let head = format!(
                            "POST /api/submissions HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                            body.len()
                        );
                        if stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(body.as_bytes())).is_err() {
                            break;
                        }
                        let mut bytes = Vec::new();
                        let _ = stream.read_to_end(&mut bytes);
                        if bytes.starts_with(b"HTTP/1.1 201") {
                            let r = parse(&bytes).json();
                            acknowledged.push((r["id"].to_string(), r["token"].as_str().unwrap().to_owned(), body.clone()));
                        } else {
                            break;
                        }
                    }
                    acknowledged
                })
            })
            .collect();
        std::thread::sleep(Duration::from_millis(400));
        server.kill();
        let acknowledged: Vec<(String, String, String)> = clients
            .into_iter()
            .flat_map(|c| c.join().unwrap())
            .collect();
        assert!(
            !acknowledged.is_empty(),
            "some submissions were acknowledged"
        );
        let server = Server::start(&form, &database);
        let out = scratch.join("export");
        let (code, _, stderr) = grille(&["export", "--database", &database, out.to_str().unwrap()]);
        assert_eq!(code, 0, "{stderr}");
        for (id, token, body) in &acknowledged {
            let got = server.get(&format!("/api/submissions/{token}"));
            assert_eq!(
                got.status, 200,
                "{database}: an acknowledged submission is there"
            );
            let stored = std::fs::read_to_string(out.join(format!("tnl-2024-{id}.json"))).unwrap();
            assert_eq!(&stored, body, "{database}: byte for byte");
        }
        std::fs::remove_dir_all(&out).unwrap();
        // And nothing half-written: every stored submission reads and scores.
        let (code, csv, stderr) = grille(&["results", "--database", &database, "--format", "csv"]);
        assert_eq!(code, 0, "{stderr}");
        assert!(
            csv.lines().count() > acknowledged.len(),
            "{} ≥ {}",
            csv.lines().count() - 1,
            acknowledged.len()
        );
        drop(server);
    }
}

/// A small tmpfs mounted for one test, unmounted when dropped.
struct SmallDisk(std::path::PathBuf);

impl SmallDisk {
    /// The disk, or `None` when this machine allows no mount and
    /// `bash scripts/test` did not find that it does
    /// (`GRILLE_TEST_TMPFS=required`).
    fn mount(dir: std::path::PathBuf, size: &str) -> Option<SmallDisk> {
        std::fs::create_dir_all(&dir).unwrap();
        let options = format!("size={size},mode=0700");
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &options, "tmpfs"])
            .arg(&dir)
            .output()
            .expect("mount runs");
        if out.status.success() {
            return Some(SmallDisk(dir));
        }
        let why = String::from_utf8_lossy(&out.stderr);
        assert!(
            std::env::var("GRILLE_TEST_TMPFS").as_deref() != Ok("required"),
            "mounting a tmpfs failed where it should not: {why}"
        );
        eprintln!("SKIPPED: this machine allows no tmpfs mount (as root it does): {why}");
        None
    }

    fn resize(&self, size: &str) {
        let out = Command::new("mount")
            .args(["-o", &format!("remount,size={size}")])
            .arg(&self.0)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

#[test]
#[ignore = "needs root, to mount a small tmpfs: run `bash scripts/test`"]
fn a_full_disk_gets_503_and_the_server_goes_on_once_space_is_back() {
    let scratch = Scratch::new("serve-full");
    let Some(disk) = SmallDisk::mount(scratch.join("disk"), "1M") else {
        return;
    };
    let database = format!("sqlite:{}", disk.0.join("campagne.db").display());
    let server = Server::start(&open_form(&scratch, ""), &database);
    let text = answers();
    let mut acknowledged = Vec::new();
    let mut full = None;
    for i in 0..2000 {
        let body = text.replace("Commune de Libreville", &format!("Commune n° {i}"));
        let r = server.post_json(&body);
        match r.status {
            201 => acknowledged.push((r.json()["token"].as_str().unwrap().to_owned(), body)),
            _ => {
                full = Some(r);
                break;
            }
        }
    }
    let full = full.expect("the disk fills up");
    assert_eq!(full.status, 503, "{}", full.body);
    assert!(full.json()["error"]
        .as_str()
        .unwrap()
        .contains("nothing was stored"));
    // The form's page says it in words (a draft is smaller: it may still
    // fit a few times).
    let page = (0..200)
        .map(|_| server.post_form("/", &[("P1", "Ville pleine"), ("grille-action", "save")]))
        .find(|r| r.status != 303)
        .expect("the disk is full for drafts too");
    assert_eq!(page.status, 503);
    assert!(
        page.body.contains("rien n’a été enregistré"),
        "{}",
        page.body
    );
    // Every acknowledged submission is there.
    for (token, body) in &acknowledged {
        let got = server.get(&format!("/api/submissions/{token}"));
        assert_eq!(got.status, 200);
        assert_eq!(
            &serde_json::to_string_pretty(&got.json()["answers"]).unwrap(),
            body
        );
    }
    // Space is back: the server goes on, and nothing is corrupted.
    disk.resize("16M");
    let r = server.post_json(&text);
    assert_eq!(r.status, 201, "{}", r.body);
    drop(server);
    let (code, csv, stderr) = grille(&["results", "--database", &database, "--format", "csv"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        csv.lines().count(),
        1 + acknowledged.len() + 1,
        "{} acknowledged, then one: {csv}{stderr}",
        acknowledged.len()
    );
}

#[test]
fn two_servers_on_one_postgresql_database_share_the_campaign() {
    let Ok(base) = std::env::var("GRILLE_TEST_POSTGRES") else {
        // SQLite is one server's file: this is PostgreSQL's case only.
        return;
    };
    let scratch = Scratch::new("serve-two");
    let form = open_form(&scratch, "");
    let database = postgres_database(&base, "two");
    let servers = [
        Server::start(&form, &database),
        Server::start(&form, &database),
    ];
    let link = location(
        &servers[0].post_form("/", &[("P1", "Ville partagée"), ("grille-action", "save")]),
    );
    // Both servers save the same application at once, ten times each.
    let saves: Vec<_> = (0..20)
        .map(|i| {
            let address = servers[i % 2].address.clone();
            let link = link.clone();
            std::thread::spawn(move || {
                let body = format!("P1=Ville+{i}&grille-action=save");
                request(
                    &address,
                    "POST",
                    &link,
                    &[("Content-Type", "application/x-www-form-urlencoded")],
                    body.as_bytes(),
                )
                .status
            })
        })
        .collect();
    let statuses: Vec<u16> = saves.into_iter().map(|t| t.join().unwrap()).collect();
    assert!(statuses.iter().all(|s| *s == 303), "{statuses:?}");
    // Every save is a version of its own, seen from either server.
    let token = link.trim_start_matches("/a/");
    for server in &servers {
        let api = server.get(&format!("/api/submissions/{token}")).json();
        assert_eq!(api["version"], 21, "{api}");
    }
}

/// `grille jury …` with a password on standard input.
fn jury(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_grille"))
        .arg("jury")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_jury_accounts_are_added_listed_and_removed() {
    let scratch = Scratch::new("serve-jury");
    for database in databases(&scratch, "jury") {
        let db = database.as_str();
        // Made before the campaign opens: the database is created.
        let (code, out, err) = jury(
            &["add", "Claire Martin", "--president", "--database", db],
            "\n",
        );
        assert_eq!(code, 0, "{err}");
        let made = out.rsplit(": ").next().unwrap().trim();
        assert_eq!(made.len(), 20, "a password made and shown once: {out}");
        let (code, out, err) = jury(
            &["add", "Paul Durand", "--database", db],
            "un mot de passe long\n",
        );
        assert_eq!(
            (code, out.trim()),
            (0, "added juror « Paul Durand »"),
            "{err}"
        );
        // Refused: a short password, a name taken, an empty name.
        for (args, stdin, says) in [
            (
                &["add", "Léa", "--database", db][..],
                "court\n",
                "at least 12 characters",
            ),
            (
                &["add", "Paul Durand", "--database", db][..],
                "un autre mot de passe\n",
                "already",
            ),
            (&["add", " ", "--database", db][..], "\n", "not empty"),
            (
                &["remove", "Personne", "--database", db][..],
                "",
                "no juror « Personne »",
            ),
        ] {
            let (code, _, err) = jury(args, stdin);
            assert_eq!(code, 2, "{args:?}");
            assert!(err.contains(says), "{args:?}: {err}");
        }
        let (_, list, _) = jury(&["list", "--database", db], "");
        let lines: Vec<&str> = list.lines().collect();
        assert_eq!(lines.len(), 2, "{list}");
        assert!(lines[0].starts_with("Claire Martin\tpresident\t"), "{list}");
        assert!(lines[1].starts_with("Paul Durand\tjuror\t"), "{list}");
        let (code, out, _) = jury(&["remove", "Paul Durand", "--database", db], "");
        assert_eq!((code, out.trim()), (0, "removed « Paul Durand »"));
        let (_, list, _) = jury(&["list", "--database", db], "");
        assert_eq!(list.lines().count(), 1, "{list}");
        // The passwords are not in the database, only their argon2id hashes.
        if let Some(path) = db.strip_prefix("sqlite:") {
            for file in [path.to_owned(), format!("{path}-wal")] {
                let bytes = std::fs::read(&file).unwrap_or_default();
                let text = String::from_utf8_lossy(&bytes);
                assert!(
                    !text.contains(made) && !text.contains("un mot de passe long"),
                    "{file}"
                );
            }
            let all = [
                std::fs::read(path).unwrap(),
                std::fs::read(format!("{path}-wal")).unwrap_or_default(),
            ]
            .concat();
            assert!(
                String::from_utf8_lossy(&all).contains("$argon2id$"),
                "the hashes are kept"
            );
        }
    }
}
