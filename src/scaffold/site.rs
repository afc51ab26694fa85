//! What `hui init` writes beside the sample entries: the site's settings,
//! the `.gitignore` and the GitHub Pages workflow, and the check that the
//! folder is new or empty before anything is written.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// Creates `dir`, or accepts it when it holds nothing but hidden files (such
/// as `.git` of a fresh repository), so that a site is never mixed into
/// someone's other files.
pub(super) fn prepare_empty_dir(dir: &Path) -> Result<(), Diagnostic> {
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
pub(super) fn ensure_gitignore(dir: &Path) -> Result<Option<PathBuf>, Diagnostic> {
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
pub(super) const PAGES_WORKFLOW: &str = r#"# Publishes the guide on GitHub Pages at every push to main (written by hui init).
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
pub(super) const SITE_YAML: &str = r##"# 站点设置。以 # 开头的行是注释；要启用某项设置，删掉它行首的“# ”。
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
# 首页的关键数据，每项一个名称和一个值。 / Headline figures on the home page: a label and a value each.
# stats:
#   - {label: {zh: 签约项目, en: Projects signed}, value: {zh: 120个, en: "120"}}
#   - {label: {zh: 签约金额, en: Value signed}, value: {zh: 500亿元, en: "CNY 50 bn"}}
# 营商成本，显示在首页；园区可在自己的 costs 中写本园区的价格。price 是数字。
# Operating costs, shown on the home page; a park can give its own in its `costs`. price is a number.
# costs:
#   - {item: {zh: 工业用电, en: Industrial power}, price: 0.62, unit: {zh: 元/千瓦时, en: yuan/kWh}}
#   - {item: {zh: 工业用水, en: Industrial water}, price: 3.2, unit: {zh: 元/吨, en: yuan/t}, note: {zh: 含污水处理费, en: Sewage charge included}}
# 备案与主办信息，显示在每页底部（中国大陆政府网站须展示）。没有的项可以不写。
# Filing numbers and the units that run the site, shown at the foot of every page
# (mainland government sites must show them). Leave out what you do not have.
# sponsor: {zh: 示例区人民政府, en: "People's Government of Example District"}   # 主办单位
# operator: {zh: 示例区投资促进局, en: Investment Promotion Bureau of Example District}   # 承办单位
# site_code: "0000000000"                 # 政府网站标识码 / government website code
# icp: 蜀ICP备12345678号                   # ICP 备案号, linked to beian.miit.gov.cn
# police_filing: 川公网安备51000002000000号   # 公安机关备案号, linked to beian.mps.gov.cn
"##;
