//! Every file in `fixtures/parse/` against a snapshot of its syntax tree
//! (spans as `start..end`).

#[test]
fn parse_fixtures() {
    insta::glob!("../fixtures/parse", "*.grille", |path| {
        let text = std::fs::read_to_string(path).expect("fixture is UTF-8");
        match grille::syntax::parse(&text) {
            Ok(file) => insta::assert_debug_snapshot!(file),
            Err(d) => panic!("{} does not parse: {}", path.display(), d.message),
        }
    });
}
