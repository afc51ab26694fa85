//! Properties that must hold for any input: every URL stays under
//! `base_url`, and translation inheritance never loses a field.

use hui::config::BaseUrl;
use hui::content::schema::{decode, Collection};
use hui::urls::{Target, Urls};
use proptest::prelude::*;

fn slug() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}"
}

fn base_path() -> impl Strategy<Value = String> {
    prop::collection::vec("[a-z0-9][a-z0-9._~-]{0,8}", 0..3).prop_map(|parts| {
        if parts.is_empty() {
            "/".to_owned()
        } else {
            format!("/{}/", parts.join("/"))
        }
    })
}

proptest! {
    #[test]
    fn every_url_stays_under_base_url(
        slug in slug(),
        path in base_path(),
        lang in "[a-z]{2}",
        default in "[a-z]{2}",
        file in "[a-z0-9]{1,8}\\.(jpg|pdf|vcf)",
        link in "(/[a-z0-9.-]{0,8}){0,4}/?",
    ) {
        let base_url = format!("https://invest.example.gov.cn{path}");
        let urls = Urls::new(Some(BaseUrl::parse(&base_url).unwrap()), &default);
        let mut targets = vec![Target::Home, Target::NotFound, Target::File(&file)];
        for c in Collection::ALL {
            targets.push(Target::List(c));
            targets.push(Target::Entry(c, &slug));
            targets.push(Target::EntryFile(c, &slug, &file));
            targets.push(Target::SharedEntryFile(c, &slug, &file));
        }
        for target in targets {
            let href = urls.path(&lang, target);
            prop_assert!(href.starts_with(&path), "{href} not under {path}");
            let absolute = urls.absolute(&lang, target).unwrap();
            prop_assert!(absolute.starts_with(&base_url), "{absolute}");
            let rest = &href[path.len()..];
            prop_assert!(!rest.contains("//") && !rest.split('/').any(|s| s == ".." || s == "."), "{href}");
        }
        // `//host/…` is another site (left alone); every other path resolves
        // under the base path.
        for c in Collection::ALL.into_iter().filter(|_| !link.starts_with("//")) {
            let resolved = urls.resolve_body_link(&lang, c, &link);
            prop_assert!(resolved.starts_with(&path), "{link} → {resolved}");
        }
    }
}

/// Values for each front-matter field, valid for its type; a field this
/// list does not know takes the schema's example (texts vary with `n`).
fn value_for(collection: Collection, field: &str, n: u8) -> String {
    match field {
        "phone" | "mobile" | "hotline" => format!("\"+86 816 000 00{n:02}\""),
        "email" => format!("a{n}@example.gov.cn"),
        "issued" | "effective" | "expires" => format!("2024-01-{:02}", n % 28 + 1),
        "weight" => n.to_string(),
        "area_km2" => format!("{n}.5"),
        "established" => format!("{}", 1990 + u32::from(n)),
        "draft" | "menu" | "search" => "false".to_owned(),
        "location" if collection == Collection::Parks => {
            format!("{{lat: 31.{n}, lng: 104.{n}}}")
        }
        "delivery" => "apply".to_owned(),
        "industries" | "parks" | "aliases" => format!("[s{n}]"),
        "stats" => format!("[{{label: l{n}, value: v{n}}}]"),
        "chain" => format!("{{upstream: [{{name: n{n}, status: weak, companies: [c{n}]}}]}}"),
        "costs" => format!("[{{item: i{n}, price: {n}.5, unit: u{n}}}]"),
        "key_companies" | "highlights" | "incentives" | "eligibility" => format!("[t{n}]"),
        "photo" | "wechat_qr" | "image" | "attachment" => format!("f{n}.jpg"),
        _ => {
            let spec = hui::content::fields::of(collection)
                .iter()
                .find(|s| s.name == field)
                .unwrap();
            match spec.kind {
                hui::content::fields::Kind::Title | hui::content::fields::Kind::Text
                    if !spec.example.en.starts_with('\n') =>
                {
                    format!("text {n}")
                }
                _ => spec.example.en.replace("{slug}", &format!("s{n}")),
            }
        }
    }
}

fn yaml_of(collection: Collection, fields: &[(&'static str, u8)]) -> String {
    fields
        .iter()
        .map(|(f, n)| format!("{f}: {}\n", value_for(collection, f, *n)))
        .collect()
}

fn json_of(
    front: &hui::content::schema::FrontMatter,
) -> serde_json::Map<String, serde_json::Value> {
    match serde_json::to_value(front).unwrap() {
        serde_json::Value::Object(map) => map,
        other => panic!("front matter serialises to an object, not {other}"),
    }
}

proptest! {
    #[test]
    fn inheritance_keeps_every_field(
        collection in prop::sample::select(&Collection::ALL[..]),
        picks in prop::collection::vec((any::<prop::sample::Index>(), any::<bool>(), any::<bool>(), 0u8..50), 0..30),
    ) {
        let fields = collection.fields();
        let mut base = Vec::new();
        let mut own = Vec::new();
        for (index, in_base, in_own, n) in picks {
            let field = fields[index.index(fields.len())];
            if in_base && !base.iter().any(|(f, _)| *f == field) {
                base.push((field, n));
            }
            if in_own && !own.iter().any(|(f, _)| *f == field) {
                own.push((field, n.wrapping_add(1)));
            }
        }
        let (base_fm, _) = decode(collection, &yaml_of(collection, &base), 2).unwrap();
        let (own_fm, _) = decode(collection, &yaml_of(collection, &own), 2).unwrap();
        let merged = json_of(&own_fm.clone().inherit(&base_fm));
        let (base_json, own_json) = (json_of(&base_fm), json_of(&own_fm));
        for field in fields {
            let expected = match own_json.get(*field) {
                Some(v) if !v.is_null() => v,
                _ => base_json.get(*field).unwrap_or(&serde_json::Value::Null),
            };
            let got = merged.get(*field).unwrap_or(&serde_json::Value::Null);
            prop_assert_eq!(got, expected, "field {}", field);
        }
    }
}
