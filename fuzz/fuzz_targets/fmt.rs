//! `fmt` on every input that parses: the result parses to the same tree,
//! keeps every comment, and formatting it again changes nothing.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(before) = grille::syntax::parse(text) else {
        return;
    };
    let once = grille::fmt::format(text).expect("a file that parses formats");
    let after = grille::syntax::parse(&once).expect("the formatted file parses");
    assert!(before == after, "the tree changed:\n{once}");
    assert_eq!(
        grille::fmt::comment_texts(text),
        grille::fmt::comment_texts(&once)
    );
    assert_eq!(
        grille::fmt::format(&once).ok().as_deref(),
        Some(once.as_str()),
        "not idempotent"
    );
});
