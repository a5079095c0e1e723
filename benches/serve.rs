//! `grille serve` under load, on 127.0.0.1 only, bounded in count: CLIENTS
//! clients (32 by default) each post EACH answers files (50) of the 2024
//! form to `POST /api/submissions`, on keep-alive connections, to a server
//! on a SQLite file in a temporary folder. Then, in the same run and the
//! same folder, the database's own limit: the same rows saved one
//! transaction at a time (`Store::save`, as the server does, without HTTP).
//!
//!   cargo bench --bench serve [-- CLIENTS EACH]   (or `bash bench/serve`)
//!
//! Between the two, a juror signs in and opens the list of the
//! applications received (each one scored on each view) 21 times.
//!
//! The last line: `serve: X submissions/s, p99 Y ms, Z% of the database's
//! durable insert rate`.

use grille::serve::store::{NewVersion, Score, Store};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let numbers: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    // `cargo test --all-targets` runs this too (without `--bench`): then a
    // few submissions only, to see that it works.
    let measuring = std::env::args().any(|a| a == "--bench");
    let (clients, each) = if measuring { (32, 50) } else { (4, 5) };
    let clients = numbers.first().copied().unwrap_or(clients).clamp(1, 256);
    let each = numbers.get(1).copied().unwrap_or(each).clamp(1, 1000);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("a temporary folder");
    let answers = answers(root);

    // The server, on a free port.
    let database = format!("sqlite:{}", dir.path().join("serve.db").display());
    let mut child = Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(["serve", "forms/tnl-2024.grille", "--database", &database])
        .args(["--listen", "127.0.0.1:0"])
        .current_dir(root)
        .stdout(Stdio::piped())
        .spawn()
        .expect("grille serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line
        .split("at http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .expect("the server's address")
        .to_owned();

    let started = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|c| {
            let address = address.clone();
            let answers = answers.clone();
            std::thread::spawn(move || client(&address, &answers, c, each))
        })
        .collect();
    let mut latencies: Vec<Duration> = threads
        .into_iter()
        .flat_map(|t| t.join().expect("a client ran"))
        .collect();
    let elapsed = started.elapsed();
    let mut views = jury_list(&address, &database, if measuring { 21 } else { 2 });
    let _ = child.kill();
    let _ = child.wait();
    let count = latencies.len();
    assert_eq!(count, clients * each, "every submission got its 201");
    latencies.sort();
    let at = |q: f64| latencies[((count as f64 * q) as usize).min(count - 1)];
    let rate = count as f64 / elapsed.as_secs_f64();
    println!(
        "server: {count} submissions from {clients} clients in {:.2} s: {rate:.0}/s, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        elapsed.as_secs_f64(),
        at(0.50).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        latencies[count - 1].as_secs_f64() * 1e3,
    );

    views.sort();
    println!(
        "jury list: {count} applications, each scored: median {:.0} ms, slowest of {} {:.0} ms",
        views[views.len() / 2].as_secs_f64() * 1e3,
        views.len(),
        views[views.len() - 1].as_secs_f64() * 1e3,
    );

    // The limit: the same rows, saved one durable transaction at a time.
    let limit = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(async {
            let url = format!("sqlite:{}", dir.path().join("limit.db").display());
            let store = Store::open(&url).await.expect("the database opens");
            let new = NewVersion {
                questionnaire: "tnl",
                edition: 2024,
                sent: true,
                answers: &answers[0],
                score: Some(Score {
                    total: "191".into(),
                    max: "200".into(),
                    level: 5,
                }),
            };
            let started = Instant::now();
            for _ in 0..count {
                store.save(None, &new, None).await.expect("a save");
            }
            count as f64 / started.elapsed().as_secs_f64()
        });
    println!("database: {count} durable saves one after another: {limit:.0}/s");
    println!(
        "serve: {rate:.0} submissions/s, p99 {:.1} ms, {:.0}% of the database's durable insert rate",
        at(0.99).as_secs_f64() * 1e3,
        100.0 * rate / limit
    );
}

/// The 2024 answers file, a different commune's name in each.
fn answers(root: &std::path::Path) -> Vec<String> {
    let text = std::fs::read_to_string(root.join("tests/fixtures/answers/complet.json")).unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&text).unwrap();
    file.as_object_mut().unwrap().remove("jury");
    let text = serde_json::to_string_pretty(&file).unwrap();
    (0..64)
        .map(|i| text.replace("Commune de Libreville", &format!("Commune n° {i}")))
        .collect()
}

/// One client: `each` posts on one keep-alive connection; the latency of
/// each.
fn client(address: &str, answers: &[String], c: usize, each: usize) -> Vec<Duration> {
    let mut stream = TcpStream::connect(address).expect("the server accepts");
    stream.set_nodelay(true).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut latencies = Vec::with_capacity(each);
    for n in 0..each {
        let body = &answers[(c + n) % answers.len()];
        let request = format!(
            "POST /api/submissions HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        let started = Instant::now();
        stream.write_all(request.as_bytes()).unwrap();
        let (status, _, _) = response(&mut reader);
        assert!(status.starts_with("HTTP/1.1 201"), "{status}");
        latencies.push(started.elapsed());
    }
    latencies
}

/// One response: its status line, its headers, its body.
fn response(reader: &mut impl BufRead) -> (String, Vec<(String, String)>, String) {
    let mut status = String::new();
    reader.read_line(&mut status).unwrap();
    let mut headers = Vec::new();
    let mut length = 0;
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).unwrap();
        if header == "\r\n" {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            let (name, value) = (name.trim().to_owned(), value.trim().to_owned());
            if name.eq_ignore_ascii_case("content-length") {
                length = value.parse().unwrap();
            }
            headers.push((name, value));
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

/// One request on a connection of its own.
fn exchange(
    address: &str,
    method: &str,
    path: &str,
    cookie: &str,
    body: &str,
) -> (String, Vec<(String, String)>, String) {
    let mut stream = TcpStream::connect(address).expect("the server accepts");
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nCookie: {cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
    response(&mut BufReader::new(stream))
}

/// The value a response sets for a cookie.
fn cookie(headers: &[(String, String)], name: &str) -> String {
    headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("set-cookie"))
        .find_map(|(_, v)| v.strip_prefix(&format!("{name}="))?.split(';').next())
        .unwrap_or_else(|| panic!("a {name} cookie"))
        .to_owned()
}

/// A juror signs in and opens the list of applications `views` times: the
/// time of each page (every application scored, as on each view).
fn jury_list(address: &str, database: &str, views: usize) -> Vec<Duration> {
    let mut add = Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(["jury", "add", "--database", database, "Bench Juror"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("grille jury add starts");
    add.stdin
        .take()
        .unwrap()
        .write_all(b"a long enough password\n")
        .unwrap();
    assert!(add.wait().unwrap().success(), "the juror is added");
    let (_, headers, _) = exchange(address, "GET", "/jury/login", "", "");
    let login = cookie(&headers, "grille-login");
    let (status, headers, _) = exchange(
        address,
        "POST",
        "/jury/login",
        &format!("grille-login={login}"),
        &format!("grille-csrf={login}&name=Bench+Juror&password=a+long+enough+password"),
    );
    assert!(status.starts_with("HTTP/1.1 303"), "{status}");
    let session = format!("grille-jury={}", cookie(&headers, "grille-jury"));
    (0..views)
        .map(|_| {
            let started = Instant::now();
            let (status, _, body) = exchange(address, "GET", "/jury/", &session, "");
            assert!(status.starts_with("HTTP/1.1 200"), "{status}");
            assert!(
                body.contains("Commune n°"),
                "the list shows the applications"
            );
            started.elapsed()
        })
        .collect()
}
