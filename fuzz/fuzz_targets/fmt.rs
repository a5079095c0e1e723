//! `fmt` on every input that parses: the result parses to the same tree,
//! keeps every comment, and formatting it again changes nothing.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The parser runs on a large stack in grille; do the same here.
    let text = text.to_owned();
    std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(move || {
            let Ok(before) = grille::syntax::parse(&text) else {
                return;
            };
            let once = grille::fmt::format(&text).expect("a file that parses formats");
            let after = grille::syntax::parse(&once).expect("the formatted file parses");
            assert!(
                grille::fmt::same_tree(&before, &after),
                "the tree changed:\n{once}"
            );
            assert_eq!(
                grille::fmt::comment_texts(&text),
                grille::fmt::comment_texts(&once)
            );
            assert_eq!(
                grille::fmt::format(&once).ok().as_deref(),
                Some(once.as_str()),
                "not idempotent"
            );
        })
        .expect("a thread")
        .join()
        .expect("no panic");
});
