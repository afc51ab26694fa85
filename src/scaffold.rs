//! `hui new` and `hui init`: new entries and new sites, written from the
//! content schema so that every field is shown with an example.
//!
//! Both commands write entries from the schema's table of fields
//! ([`crate::content::fields`]): a new entry and the sample site explain
//! each field in the same words as `hui check` and the README.
//!
//! An editor is not expected to read the README before the first entry, so
//! every field carries a comment in the file's own language, and whatever
//! the scaffold leaves active builds without errors or warnings: made-up facts
//! (phones, dates), references and files stay commented out in a new entry
//! until the editor fills them in.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::content::fields::{self, say, FieldSpec, Kind, Say, Tongue};
use crate::content::schema::Collection;
use crate::content::values::{is_slug, suggest_slug};
use crate::diagnostics::{closest, display_path, Diagnostic, Diagnostics};

/// Writes `<slug>.md` and its translations into `root/content/<collection>/`;
/// returns the files written.
///
/// Nothing is written unless every file can be: an existing file is never
/// overwritten, and a site whose `site.yaml` cannot be read is refused,
/// because the site's languages decide which files to write.
pub fn new_entry(root: &Path, collection: &str, slug: &str) -> Result<Vec<PathBuf>, Diagnostic> {
    let collection = parse_collection(collection)?;
    check_new_slug(root, collection, slug)?;
    let site = read_site(root)?;
    site.check_alias_clash(collection, slug)?;
    let mode = Mode::Blank {
        existing: &site.slugs,
    };
    let files = entry_files(collection, slug, &site.languages, &mode);
    refuse_existing(root, &files)?;
    write_all(root, &files)
}

/// Creates a new site in `dir`; returns the files written.
///
/// The site has one sample entry per collection in Chinese and English,
/// cross-referenced, so that every kind of page and link can be seen at once
/// and replaced piece by piece. It builds as it is; the only warning is the
/// missing `base_url`, which the editor cannot know in advance.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    prepare_empty_dir(dir)?;
    let languages = ["zh".to_owned(), "en".to_owned()];
    let mut files = vec![
        Planned {
            rel: PathBuf::from("content/site.yaml"),
            text: SITE_YAML.to_owned(),
        },
        Planned {
            rel: PathBuf::from(PAGES_WORKFLOW_PATH),
            text: PAGES_WORKFLOW.to_owned(),
        },
    ];
    for collection in Collection::ALL {
        files.extend(entry_files(
            collection,
            sample_slug(collection),
            &languages,
            &Mode::Sample,
        ));
    }
    refuse_existing(dir, &files)?;
    let mut written = write_all(dir, &files)?;
    written.extend(ensure_gitignore(dir)?);
    Ok(written)
}

/// The Markdown body of a new entry: where the text goes, and how to link.
fn body(collection: Collection) -> Say {
    match collection {
        Collection::Industries => say(
            "## 概况\n\n在这里用 Markdown 介绍产业基础、龙头企业和欢迎投资的方向。链接站内页面时写站内路径，例如[招商干部](/officials/)。\n",
            "## Overview\n\nDescribe the industry here in Markdown: its base, its leading companies and the investment it welcomes. Link to other pages by their site path, for example [our officials](/officials/).\n",
        ),
        Collection::Parks => say(
            "## 园区优势\n\n在这里介绍园区的区位、载体和配套服务。\n",
            "## Why this park\n\nDescribe the park's location, premises and services here.\n",
        ),
        Collection::Policies => say(
            "## 支持内容\n\n在这里写政策要点和办理流程。\n",
            "## What the policy offers\n\nSummarise the policy and how to apply here.\n",
        ),
        Collection::Officials => say(
            "在这里介绍工作职责，以及可以为投资者提供的服务。\n",
            "Describe your responsibilities and how you can help investors here.\n",
        ),
        Collection::Pages => say(
            "在这里用 Markdown 撰写页面正文。\n",
            "Write the page's text here in Markdown.\n",
        ),
    }
}

/// The slugs of the sample site's entries, which its references point at.
fn sample_slug(collection: Collection) -> &'static str {
    match collection {
        Collection::Industries => "example-industry",
        Collection::Parks => "example-park",
        Collection::Policies => "example-policy",
        Collection::Officials => "zhang-san",
        Collection::Pages => "about",
    }
}

/// What an entry is written for.
enum Mode<'a> {
    /// `hui new`: texts are placeholders; facts, references, files and
    /// settings are commented out, with the slugs that exist as a guide.
    Blank {
        existing: &'a BTreeMap<Collection, Vec<String>>,
    },
    /// `hui init`: a complete sample whose references point at the other
    /// sample entries.
    Sample,
}

impl Mode<'_> {
    /// Whether the field is written active rather than commented out.
    fn active(&self, kind: Kind) -> bool {
        matches!(
            (self, kind),
            (_, Kind::Title | Kind::Text)
                | (
                    Mode::Sample,
                    Kind::Fact | Kind::Reference(_) | Kind::Feature
                )
        )
    }

    /// The value to write: references show real slugs where there are any.
    fn value(&self, example: &FieldSpec, slug: &str, tongue: Tongue) -> String {
        let slugs: Vec<&str> = match (self, example.kind) {
            (Mode::Sample, Kind::Reference(target)) => vec![sample_slug(target)],
            (Mode::Blank { existing }, Kind::Reference(target)) => existing
                .get(&target)
                .map(|s| s.iter().take(2).map(String::as_str).collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        if slugs.is_empty() {
            example.example.get(tongue).replace("{slug}", slug)
        } else {
            format!("[{}]", slugs.join(", "))
        }
    }

    /// Lists the slugs a reference may use, so the editor need not look.
    fn note(&self, kind: Kind, tongue: Tongue) -> String {
        let (Mode::Blank { existing }, Kind::Reference(target)) = (self, kind) else {
            return String::new();
        };
        let slugs = existing.get(&target).map(Vec::as_slice).unwrap_or_default();
        let shown = slugs.iter().take(8).map(String::as_str).collect::<Vec<_>>();
        let more = if slugs.len() > shown.len() { "…" } else { "" };
        match (tongue, shown.is_empty()) {
            (Tongue::Zh, false) => format!("现有：{}{more}", shown.join("、")),
            (Tongue::En, false) => format!(" Existing: {}{more}", shown.join(", ")),
            (Tongue::Zh, true) => {
                format!("目前还没有，可用 hui new {} <slug> 新建。", target.dir())
            }
            (Tongue::En, true) => format!(
                " None yet; create one with hui new {} <slug>.",
                target.dir()
            ),
        }
    }
}

const REQUIRED: Say = say("必填。", " Required.");

const HEADER: Say = say(
    "以 # 开头的行是注释。要使用某个字段，删掉它行首的“# ”；不需要的字段可以整行删除。",
    "Lines that start with # are comments. To use a field, delete the \"# \" in front of it; delete the fields you do not need.",
);

const TRANSLATION_HEADER: Say = say(
    "这是 {slug}.md 的译文，只写需要翻译的文字。这里没有的字段（电话、日期、关联等）沿用 {slug}.md。",
    "This file translates {slug}.md and holds only the translated texts. Every field it leaves out (phones, dates, references…) is taken from {slug}.md.",
);

/// The text of one file of an entry, in `lang`.
fn entry_text(
    collection: Collection,
    slug: &str,
    lang: &str,
    translation: bool,
    mode: &Mode,
) -> String {
    let tongue = Tongue::of(lang);
    let header = if translation {
        TRANSLATION_HEADER
    } else {
        HEADER
    };
    let mut out = String::from("---\n");
    push_comment(&mut out, &header.get(tongue).replace("{slug}", slug));
    for example in fields::of(collection) {
        if translation && !example.kind.translated() {
            continue;
        }
        let mut help = example.meaning.get(tongue).to_owned();
        if example.kind == Kind::Title && !translation {
            help.push_str(REQUIRED.get(tongue));
        }
        help.push_str(&mode.note(example.kind, tongue));
        push_comment(&mut out, &help);
        let value = mode.value(example, slug, tongue);
        push_field(&mut out, example.name, &value, mode.active(example.kind));
    }
    out.push_str("---\n");
    out.push_str(body(collection).get(tongue));
    out
}

/// Writes one YAML comment line; YAML has no block comments.
fn push_comment(out: &mut String, text: &str) {
    out.push_str("# ");
    out.push_str(text);
    out.push('\n');
}

/// Writes `field: value`; a commented-out field has `# ` before every line,
/// so that a block list is enabled by deleting the marks as well.
fn push_field(out: &mut String, field: &str, value: &str, active: bool) {
    let separator = if value.starts_with('\n') { ":" } else { ": " };
    for line in format!("{field}{separator}{value}").lines() {
        if !active {
            out.push_str("# ");
        }
        out.push_str(line);
        out.push('\n');
    }
}

/// A file to write, relative to the site root.
#[derive(Debug)]
struct Planned {
    rel: PathBuf,
    text: String,
}

/// `<slug>.md` in the default language, then `<slug>.<lang>.md` for the others.
fn entry_files(
    collection: Collection,
    slug: &str,
    languages: &[String],
    mode: &Mode,
) -> Vec<Planned> {
    let dir = Path::new("content").join(collection.dir());
    languages
        .iter()
        .enumerate()
        .map(|(i, lang)| {
            let name = if i == 0 {
                format!("{slug}.md")
            } else {
                format!("{slug}.{lang}.md")
            };
            Planned {
                rel: dir.join(name),
                text: entry_text(collection, slug, lang, i > 0, mode),
            }
        })
        .collect()
}

fn parse_collection(name: &str) -> Result<Collection, Diagnostic> {
    if let Some(collection) = Collection::from_dir(name) {
        return Ok(collection);
    }
    let known = Collection::ALL.map(Collection::dir);
    let list = known.join(", ");
    let hint = match closest(name, known) {
        Some(c) => format!("did you mean `{c}`? The collections are {list}"),
        None => format!("the collections are {list}"),
    };
    Err(Diagnostic::error(
        Path::new("content").join(name),
        format!("`{name}` is not a collection"),
    )
    .hint(hint))
}

/// Refuses a slug that is not one, suggesting the exact command to run
/// instead (pinyin for a Chinese name).
fn check_new_slug(root: &Path, collection: Collection, slug: &str) -> Result<(), Diagnostic> {
    if is_slug(slug) {
        return Ok(());
    }
    let suggestion = suggest_slug(slug.strip_suffix(".md").unwrap_or(slug));
    let dir = collection.dir();
    let mut command = format!("hui new {dir} {suggestion}");
    if root != Path::new(".") {
        command.push_str(&format!(" --root {}", quoted(&display_path(root))));
    }
    let mut hint = format!("run `{command}`");
    if !slug.is_ascii() {
        let title = collection.title_field();
        hint.push_str(&format!(
            ", and write {slug} in the file's `{title}:` field"
        ));
    }
    Err(Diagnostic::error(
        Path::new("content").join(dir).join(format!("{slug}.md")),
        format!(
            "`{slug}` is not a valid slug: slugs use only lowercase ASCII letters, digits and hyphens, because the slug is the file name and the page's address"
        ),
    )
    .hint(hint))
}

/// Quotes a path for a shell command when it needs it.
fn quoted(path: &str) -> String {
    if path.contains(char::is_whitespace) {
        format!("\"{path}\"")
    } else {
        path.to_owned()
    }
}

/// What `hui new` needs to know about the site it adds to.
struct Existing {
    languages: Vec<String>,
    /// Published slugs per collection (default-language files, not drafts).
    slugs: BTreeMap<Collection, Vec<String>>,
    /// Officials' old slugs and the files that claim them.
    aliases: Vec<(String, PathBuf)>,
}

impl Existing {
    /// A new official whose slug is another card's alias would break the
    /// build, and the old link that alias keeps alive.
    fn check_alias_clash(&self, collection: Collection, slug: &str) -> Result<(), Diagnostic> {
        let clash = self
            .aliases
            .iter()
            .find(|(alias, _)| collection == Collection::Officials && alias == slug);
        match clash {
            None => Ok(()),
            Some((_, file)) => Err(Diagnostic::error(
                Path::new("content/officials").join(format!("{slug}.md")),
                format!(
                    "`{slug}` is an alias of {}: its old card link redirects there",
                    display_path(file)
                ),
            )
            .hint("choose another slug, or remove the alias from that file first")),
        }
    }
}

/// Reads the site through the same loader as `hui build`, so `hui new` sees
/// the languages (and the problems of site.yaml) exactly as a build does.
fn read_site(root: &Path) -> Result<Existing, Diagnostic> {
    let mut diags = Diagnostics::new();
    let loaded = crate::content::load(root, &mut diags);
    let Some(config) = loaded.config else {
        return Err(site_problem(diags));
    };
    let mut slugs: BTreeMap<Collection, Vec<String>> = BTreeMap::new();
    let mut aliases = Vec::new();
    for file in loaded.files.iter().filter(|f| f.lang.is_none()) {
        if !file.front_matter.draft() {
            slugs
                .entry(file.collection)
                .or_default()
                .push(file.slug.clone());
        }
        for alias in file.front_matter.aliases() {
            aliases.push((alias.0.clone(), file.path.clone()));
        }
    }
    Ok(Existing {
        languages: config.languages,
        slugs,
        aliases,
    })
}

/// The first problem with `content/` or site.yaml, which explains why the
/// site's settings could not be read.
fn site_problem(diags: Diagnostics) -> Diagnostic {
    let site_yaml = Path::new("content/site.yaml");
    let found = diags
        .into_iter()
        .find(|d| d.is_error() && (d.path == site_yaml || d.path == Path::new("content/")));
    match found {
        Some(d) if d.path == site_yaml => {
            let why = "hui new needs a valid content/site.yaml to know the site's languages";
            let hint = match &d.hint {
                Some(hint) => format!("{hint}; {why}"),
                None => format!("fix it: {why}"),
            };
            d.hint(hint)
        }
        Some(d) => d,
        None => Diagnostic::error(site_yaml, "cannot read the site's settings")
            .hint("fix content/site.yaml, or start a new site with `hui init DIR`"),
    }
}

/// Refuses to write when any of the files exists, before writing any.
fn refuse_existing(root: &Path, files: &[Planned]) -> Result<(), Diagnostic> {
    let Some(existing) = files
        .iter()
        .find(|f| root.join(&f.rel).symlink_metadata().is_ok())
    else {
        return Ok(());
    };
    Err(Diagnostic::error(
        &existing.rel,
        "the file already exists; nothing was written",
    )
    .hint("edit the existing file, or choose another slug"))
}

/// Writes every file, creating folders as needed. `create_new` keeps even a
/// file that appeared since the check.
fn write_all(root: &Path, files: &[Planned]) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut written = Vec::with_capacity(files.len());
    for file in files {
        let path = root.join(&file.rel);
        let result = path
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| {
                fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&path)
            })
            .and_then(|mut f| f.write_all(file.text.as_bytes()));
        if let Err(e) = result {
            return Err(
                Diagnostic::error(&file.rel, format!("cannot write the file: {e}"))
                    .hint("check that the folder exists and that you may write to it"),
            );
        }
        written.push(path);
    }
    Ok(written)
}

/// Creates `dir`, or accepts it when it holds nothing but hidden files (such
/// as `.git` of a fresh repository), so that a site is never mixed into
/// someone's other files.
fn prepare_empty_dir(dir: &Path) -> Result<(), Diagnostic> {
    if dir.exists() && !dir.is_dir() {
        return Err(Diagnostic::error(dir, "this is a file, not a folder")
            .hint("choose a new folder for the site, e.g. `hui init my-guide`"));
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return fs::create_dir_all(dir).map_err(|e| {
                Diagnostic::error(dir, format!("cannot create the folder: {e}"))
                    .hint("check that you may write to the parent folder")
            });
        }
        Err(e) => {
            return Err(
                Diagnostic::error(dir, format!("cannot read the folder: {e}"))
                    .hint("check the folder's permissions"),
            )
        }
    };
    let mut visible: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    if visible.is_empty() {
        return Ok(());
    }
    visible.sort();
    let more = if visible.len() > 3 { ", …" } else { "" };
    visible.truncate(3);
    Err(Diagnostic::error(
        dir,
        format!("the folder is not empty: it holds {}{more}", visible.join(", ")),
    )
    .hint("hui init creates a site in a new or empty folder: choose another, e.g. `hui init my-guide`"))
}

/// Keeps the build output out of version control: writes `.gitignore`, or
/// adds `public/` to one that a fresh repository already has.
fn ensure_gitignore(dir: &Path) -> Result<Option<PathBuf>, Diagnostic> {
    let path = dir.join(".gitignore");
    let current = fs::read_to_string(&path).unwrap_or_default();
    let ignored = current
        .lines()
        .any(|l| matches!(l.trim(), "public" | "public/" | "/public" | "/public/"));
    if ignored {
        return Ok(None);
    }
    let separator = if current.is_empty() || current.ends_with('\n') {
        ""
    } else {
        "\n"
    };
    let text = format!("{current}{separator}{GITIGNORE}");
    fs::write(&path, text).map_err(|e| {
        Diagnostic::error(".gitignore", format!("cannot write the file: {e}"))
            .hint("check that you may write to the folder")
    })?;
    Ok(Some(path))
}

const GITIGNORE: &str = "# hui build writes the site here (and its nginx block beside it); it is rebuilt from content/.\npublic/\npublic.nginx.conf\n# hui build --offline: the copy for file:// and its zip.\noffline/\n*-offline.zip\n";

/// Where GitHub looks for the workflow that publishes the site.
pub const PAGES_WORKFLOW_PATH: &str = ".github/workflows/pages.yml";

/// Builds and publishes the site on GitHub Pages at every push to `main`.
/// hui comes from the git repository the team names in the repository
/// variable `HUI_GIT`; `base_url` comes from Pages itself, so a project site
/// (`https://org.github.io/guide/`) gets the right QR codes and sitemap.
const PAGES_WORKFLOW: &str = r#"# Publishes the guide on GitHub Pages at every push to main (written by hui init).
# Once: in the repository's Settings → Pages, set "Source" to "GitHub Actions";
# in Settings → Secrets and variables → Actions → Variables, add HUI_GIT, the git
# address hui is installed from (for example https://github.com/your-org/hui).
# With a custom domain, set base_url in content/site.yaml and delete --base-url below.
name: Publish to GitHub Pages
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages
  cancel-in-progress: false
jobs:
  build:
    runs-on: ubuntu-latest
    env:
      HUI_GIT: ${{ vars.HUI_GIT }}
    steps:
      - uses: actions/checkout@v4
      - id: pages
        uses: actions/configure-pages@v5
      - uses: actions/cache@v4
        with:
          path: ~/.cargo/bin/hui
          key: hui-${{ vars.HUI_GIT }}-${{ runner.os }}
      - name: Install hui
        run: |
          if [ -z "$HUI_GIT" ]; then
            echo "::error::add the repository variable HUI_GIT (the git address hui is installed from)"
            exit 1
          fi
          command -v hui || cargo install --locked --git "$HUI_GIT" hui
      - name: Build
        run: hui build --base-url "${{ steps.pages.outputs.base_url }}/"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: public
  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"#;

/// The sample site's settings, in both languages, every setting explained.
const SITE_YAML: &str = r##"# 站点设置。以 # 开头的行是注释；要启用某项设置，删掉它行首的“# ”。
# Site settings. Lines that start with # are comments; to use a setting, delete the "# " in front of it.

# 必填：站点名称，每种语言一个。 / Required: the site's name, one per language.
title: {zh: 示例区投资指南, en: Example District Investment Guide}
# 站点简介，用于搜索引擎和链接预览。 / What the site is about, for search engines and link previews.
description: {zh: 示例区的双语投资指南：主导产业、产业园区、招商政策和招商干部数字名片。, en: "The bilingual investment guide of Example District: industries, industrial parks, policies and the business cards of our officials."}
# 网站发布的完整地址，可带路径，如 https://example.gov.cn/guide/。名片上的二维码和 sitemap.xml 需要它；
# 没有它也能构建，但会给出警告。
# The address the site is published at, which may carry a path, e.g. https://example.gov.cn/guide/.
# The QR codes on the cards and sitemap.xml need it; without it the site still builds, with a warning.
# base_url: https://invest.example.gov.cn/
# 语言：第一个是默认语言，放在网站根目录；其他语言在 /en/ 等路径下。
# Languages: the first is the default, served at the site root; the others under /en/ and so on.
languages: [zh, en]
# 主题：themes/ 中的文件夹名；默认主题已内置。 / Theme: a folder in themes/; the default theme is built in.
# theme: default
# 发布单位。 / The organization that publishes the guide.
organization: {zh: 示例区投资促进局, en: Investment Promotion Bureau of Example District}
# 联系方式，显示在每页底部；电话须加引号。 / Contact details, shown at the foot of every page; quote phone numbers.
contact:
  phone: "+86 000 0000 0000"
  email: invest@example.gov.cn
  address: {zh: 示例省示例市示例路1号, en: "1 Example Road, Example City"}
  hours: {zh: 工作日 9:00–17:30, en: "Weekdays 9:00–17:30"}
# 备案与主办信息，显示在每页底部（中国大陆政府网站须展示）。没有的项可以不写。
# Filing numbers and the units that run the site, shown at the foot of every page
# (mainland government sites must show them). Leave out what you do not have.
# sponsor: {zh: 示例区人民政府, en: "People's Government of Example District"}   # 主办单位
# operator: {zh: 示例区投资促进局, en: Investment Promotion Bureau of Example District}   # 承办单位
# site_code: "0000000000"                 # 政府网站标识码 / government website code
# icp: 蜀ICP备12345678号                   # ICP 备案号, linked to beian.miit.gov.cn
# police_filing: 川公网安备51000002000000号   # 公安机关备案号, linked to beian.mps.gov.cn
"##;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::schema::decode;

    /// Every example, even the commented-out ones, is a value the schema
    /// accepts, so uncommenting a line never produces an error.
    #[test]
    fn every_example_value_is_valid() {
        for collection in Collection::ALL {
            for tongue in [Tongue::Zh, Tongue::En] {
                let mut yaml = String::new();
                for example in fields::of(collection) {
                    let value = example.example.get(tongue).replace("{slug}", "zhang-wei");
                    push_field(&mut yaml, example.name, &value, true);
                }
                let (fm, unknown) = decode(collection, &yaml, 1)
                    .unwrap_or_else(|e| panic!("{collection:?} {tongue:?}: {e:?}\n{yaml}"));
                assert!(unknown.is_empty(), "{collection:?}: {unknown:?}");
                let json = serde_json::to_value(&fm).unwrap();
                for field in collection.fields() {
                    assert!(
                        !json[field].is_null(),
                        "{collection:?}: `{field}` not decoded"
                    );
                }
            }
        }
    }

    #[test]
    fn blank_entries_comment_out_facts_references_and_files() {
        let existing = BTreeMap::from([(Collection::Industries, vec!["new-display".to_owned()])]);
        let mode = Mode::Blank {
            existing: &existing,
        };
        let zh = entry_text(Collection::Officials, "zhang-wei", "zh", false, &mode);
        assert!(zh.contains("\nname: 张三\n"), "{zh}");
        assert!(zh.contains("\n# phone: \"+86 000 0000 0001\"\n"), "{zh}");
        assert!(zh.contains("\n# photo: zhang-wei.jpg\n"), "{zh}");
        assert!(zh.contains("\n# industries: [new-display]\n"), "{zh}");
        assert!(zh.contains("现有：new-display"), "{zh}");
        let en = entry_text(Collection::Officials, "zhang-wei", "en", true, &mode);
        assert!(en.contains("\nname: Zhang San\n"), "{en}");
        assert!(
            !en.contains("phone:"),
            "translations carry only texts:\n{en}"
        );
        assert!(!en.contains("industries"), "{en}");
    }

    #[test]
    fn block_lists_are_commented_out_line_by_line() {
        let mut out = String::new();
        push_field(&mut out, "highlights", "\n  - a\n  - b", false);
        assert_eq!(out, "# highlights:\n#   - a\n#   - b\n");
    }

    #[test]
    fn third_languages_get_english_comments() {
        assert_eq!(Tongue::of("zh-hant"), Tongue::Zh);
        assert_eq!(Tongue::of("ja"), Tongue::En);
    }
}
