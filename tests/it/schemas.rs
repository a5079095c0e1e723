//! The published JSON Schemas describe what grille writes and reads.

use std::path::Path;

fn validator(schema: &str) -> (boon::Schemas, boon::SchemaIndex) {
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource("file:///schema.json", serde_json::from_str(schema).unwrap())
        .unwrap();
    let index = compiler
        .compile("file:///schema.json", &mut schemas)
        .unwrap();
    (schemas, index)
}

fn read(path: &str) -> serde_json::Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(root.join(path)).unwrap()).unwrap()
}

#[test]
fn the_generated_bareme_follows_its_schema() {
    let (schemas, index) = validator(grille::bareme::BAREME_SCHEMA);
    let bareme = read("generated/tnl-2024/bareme.json");
    if let Err(e) = schemas.validate(&bareme, index) {
        panic!("{e:#}");
    }
    // And the schema is strict enough to refuse a broken one.
    let mut broken = bareme.clone();
    broken["questionnaire"]["sections"][1]["items"][0]["question"]["kind"]["type"] =
        "choice".into();
    assert!(schemas.validate(&broken, index).is_err());
}

#[test]
fn every_example_form_bareme_follows_its_schema() {
    let (schemas, index) = validator(grille::bareme::BAREME_SCHEMA);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let forms = std::fs::read_dir(root.join("tests/fixtures/parse"))
        .unwrap()
        .map(|f| f.unwrap().path())
        .chain([
            root.join("tests/fixtures/mentions/label.grille"),
            root.join("tests/browser/fixtures/general.grille"),
            root.join("docs/examples/maturity.grille"),
        ]);
    for path in forms {
        let compiled =
            crate::common::compile(&path.to_string_lossy(), std::fs::read(&path).unwrap());
        if let Some(model) = compiled.model {
            let json: serde_json::Value =
                serde_json::from_str(&grille::bareme::to_json(&model, &compiled.source)).unwrap();
            if let Err(e) = schemas.validate(&json, index) {
                panic!("{}: {e:#}", path.display());
            }
        }
    }
}

#[test]
fn answers_files_follow_their_schema() {
    let (schemas, index) = validator(grille::bareme::ANSWERS_SCHEMA);
    for file in ["complet", "libreville", "decimales"] {
        let answers = read(&format!("tests/fixtures/answers/{file}.json"));
        if let Err(e) = schemas.validate(&answers, index) {
            panic!("{file}: {e:#}");
        }
    }
    assert!(schemas
        .validate(&serde_json::json!({ "answer": {} }), index)
        .is_err());
}

#[test]
fn each_form_has_a_schema_for_its_answers() {
    let schema = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("generated/tnl-2024/answers.schema.json"),
    )
    .unwrap();
    let (schemas, index) = validator(&schema);
    for file in ["complet", "libreville", "decimales"] {
        let answers = read(&format!("tests/fixtures/answers/{file}.json"));
        if let Err(e) = schemas.validate(&answers, index) {
            panic!("{file}: {e:#}");
        }
    }
    let refused = [
        serde_json::json!({ "answers": { "S13": true } }),
        serde_json::json!({ "answers": { "S1": "deliberaton" } }),
        serde_json::json!({ "answers": { "B9": 31 } }),
        serde_json::json!({ "answers": { "L1": 2.5 } }),
        serde_json::json!({ "answers": {}, "jury": { "S5": 6 } }),
        serde_json::json!({ "answers": {}, "jury": { "S6": 1 } }),
        serde_json::json!({ "edition": 2023, "answers": {} }),
    ];
    for answers in refused {
        assert!(
            schemas.validate(&answers, index).is_err(),
            "accepted {answers}"
        );
    }
    assert!(schemas
        .validate(&read("tests/fixtures/answers/invalid.json"), index)
        .is_err());
}

#[test]
fn the_schemas_printed_are_the_ones_committed() {
    assert_eq!(
        read("generated/schemas/bareme.schema.json"),
        serde_json::from_str::<serde_json::Value>(grille::bareme::BAREME_SCHEMA).unwrap()
    );
    assert_eq!(
        read("generated/schemas/answers.schema.json"),
        serde_json::from_str::<serde_json::Value>(grille::bareme::ANSWERS_SCHEMA).unwrap()
    );
}
