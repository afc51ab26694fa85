//! Fuzzing on stable Rust: cargo-fuzz needs a nightly toolchain, which this
//! project does not require, so each target is a proptest-driven harness that
//! runs until a time limit, mixing random Unicode, structured front matter
//! and markup fragments. A failure (a panic) is shrunk by proptest and
//! printed; add the input as a regression test.
//!
//! A short run of every target is part of `cargo test`; a long run is:
//!
//! ```sh
//! HUI_FUZZ_SECONDS=600 cargo test --release --test fuzz -- --ignored --nocapture
//! ```

use std::time::{Duration, Instant};

use hui::content::schema::{decode, Collection};
use hui::content::split_front_matter;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Fragments that make parsers take unusual paths.
const MARKUP: &[&str] = &[
    "*",
    "**",
    "_",
    "__",
    "`",
    "```",
    "~~~",
    "[",
    "](",
    ")",
    "![",
    "<",
    ">",
    "</script>",
    "<br>",
    "&",
    "&amp;",
    "#",
    "## ",
    "{#id}",
    "|",
    "|---|",
    "\n",
    "\r\n",
    "\t",
    "    ",
    "> ",
    "- ",
    "1. ",
    "[^1]",
    "[^1]: ",
    "javascript:",
    "data:",
    "\\",
    "：",
    "“",
    "”",
    "注意",
    "重要",
    "\u{FDD0}",
    "\u{feff}",
    "\u{200b}",
    "---",
    "...",
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a",
    "*a",
    "!!",
    "%",
    "@",
    "'",
    "\"",
    "? ",
    "|-",
    ">-",
];

/// Text built from markup fragments and random characters.
fn markupish(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(MARKUP).prop_map(str::to_owned),
            2 => "\\PC{0,8}",
            1 => any::<char>().prop_map(|c| c.to_string()),
        ],
        0..max,
    )
    .prop_map(|parts| parts.concat())
}

/// Front matter: plausible keys of the collections with odd values.
fn front_matter_text() -> impl Strategy<Value = String> {
    let key = prop::sample::select(
        &[
            "title",
            "name",
            "summary",
            "phone",
            "mobile",
            "email",
            "industries",
            "parks",
            "aliases",
            "issued",
            "expires",
            "effective",
            "location",
            "stats",
            "weight",
            "draft",
            "photo",
            "delivery",
            "established",
            "area_km2",
            "highlights",
            "menu",
            "x",
        ][..],
    );
    prop::collection::vec((key, markupish(6)), 0..8).prop_map(|fields| {
        let yaml: String = fields.iter().map(|(k, v)| format!("{k}: {v}\n")).collect();
        format!("---\n{yaml}---\nbody\n")
    })
}

/// Runs `target` on inputs from `strategy` until the time budget is spent.
fn fuzz<S: Strategy>(name: &str, default_seconds: u64, strategy: S, target: impl Fn(S::Value))
where
    S::Value: std::fmt::Debug,
{
    let seconds = std::env::var("HUI_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default_seconds);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let runner = TestRunner::new(Config {
        cases: 256,
        failure_persistence: None,
        ..Config::default()
    });
    let executions = std::cell::Cell::new(0u64);
    while Instant::now() < deadline {
        // A fresh runner per batch: a runner counts its successes and would
        // stop generating after the first batch.
        let mut runner = TestRunner::new(runner.config().clone());
        let result = runner.run(&strategy, |input| {
            executions.set(executions.get() + 1);
            target(input);
            Ok(())
        });
        if let Err(e) = result {
            panic!("{name}: {e}");
        }
    }
    let executions = executions.get();
    eprintln!("{name}: {executions} executions in {seconds} s, no crash");
}

fn front_matter_target(text: String) {
    if let Ok(split) = split_front_matter(&text) {
        for collection in Collection::ALL {
            let _ = decode(collection, split.yaml, split.yaml_first_line);
        }
    }
}

fn markdown_target(body: String) {
    let rendered = hui::markdown::render(&body, &|link| link.to_owned());
    // Raw HTML never survives as markup.
    assert!(!rendered.html.contains("<script"), "{}", rendered.html);
    // The emphasis marker never leaks (unless the author typed it).
    assert!(body.contains('\u{FDD0}') || !rendered.html.contains('\u{FDD0}'));
}

fn vcard_target(values: Vec<String>) {
    let mut card = hui::card::vcard::VCard::new();
    for v in &values {
        card.text("NOTE", v);
        card.structured("ADR", &[v, v, v]);
    }
    let text = card.finish();
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line}");
    }
    assert!(!text.replace("\r\n", "").contains(['\r', '\n']));
}

/// Inputs the fuzzer found crashes with, kept as regression tests.
#[test]
fn regressions() {
    // An extension marker with nothing before it (`phone: e`, `phone: 中e`)
    // made the phone check slice out of bounds.
    for text in [
        "---\nphone: e\n---\nbody\n",
        "---\nphone: 中e\n---\n",
        "---\nhotline: x\n---\n",
    ] {
        front_matter_target(text.to_owned());
    }
    markdown_target("¡`\u{fdd0}`".to_owned());
}

#[test]
fn smoke_front_matter() {
    fuzz("front matter", 2, front_matter_text(), front_matter_target);
}

#[test]
fn smoke_markdown() {
    fuzz("markdown", 2, markupish(60), markdown_target);
}

#[test]
fn smoke_vcard() {
    fuzz(
        "vcard",
        1,
        prop::collection::vec(markupish(20), 0..4),
        vcard_target,
    );
}

#[test]
#[ignore = "long fuzz run: HUI_FUZZ_SECONDS=600 cargo test --release --test fuzz -- --ignored"]
fn fuzz_front_matter() {
    fuzz(
        "front matter",
        600,
        front_matter_text(),
        front_matter_target,
    );
}

#[test]
#[ignore = "long fuzz run"]
fn fuzz_markdown() {
    fuzz("markdown", 600, markupish(400), markdown_target);
}

#[test]
#[ignore = "long fuzz run"]
fn fuzz_vcard() {
    fuzz(
        "vcard",
        600,
        prop::collection::vec(markupish(80), 0..6),
        vcard_target,
    );
}
