//! The recursive-descent reader against the pest grammar on arbitrary text:
//! the same verdict, and the same tree (spans included) when it is valid.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The parsers run on a large stack in grille; do the same here.
    let text = text.to_owned();
    std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(move || {
            let fast = grille::syntax::recursive_descent(&text);
            match (fast, grille::syntax::reference(&text)) {
                (Some(fast), Ok(reference)) => assert_eq!(fast, reference, "different trees"),
                (None, Err(_)) => {}
                (Some(_), Err(d)) => panic!("read although pest refuses it: {}", d.message),
                (None, Ok(_)) => panic!("not read although pest reads it"),
            }
        })
        .expect("a thread")
        .join()
        .expect("no panic");
});
