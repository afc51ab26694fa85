//! A synthetic site of any size, shaped like the peer benchmark in
//! `../shared/bench/` (entries round-robin over industries, parks, policies
//! and officials, each in Chinese and English, ~600-word bodies with
//! headings, lists, a table and links), in hui's content format with
//! cross-references. Deterministic: entry `i` is the same for every size
//! and a given seed.

use std::fmt::Write as _;
use std::path::Path;

const SECTIONS: [&str; 4] = ["industries", "parks", "policies", "officials"];

const ZH_WORDS: &[&str] = &[
    "产业",
    "园区",
    "招商",
    "项目",
    "企业",
    "投资",
    "政策",
    "服务",
    "创新",
    "制造",
    "配套",
    "发展",
    "平台",
    "人才",
    "资金",
    "土地",
    "厂房",
    "物流",
    "电子",
    "新能源",
    "数字",
    "经济",
    "协同",
    "落地",
];
const EN_WORDS: &[&str] = &[
    "industry",
    "park",
    "investment",
    "project",
    "company",
    "policy",
    "service",
    "innovation",
    "manufacturing",
    "supply",
    "growth",
    "platform",
    "talent",
    "funding",
    "land",
    "factory",
    "logistics",
    "electronics",
    "energy",
    "digital",
    "economy",
    "cluster",
    "support",
    "district",
];

/// A tiny deterministic generator (xorshift), seeded per entry.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[(self.next() % words.len() as u64) as usize]
    }
}

fn slug(i: usize) -> String {
    let singular = ["industry", "park", "policy", "official"][i % 4];
    format!("{singular}-{i:05}")
}

fn sentence(rng: &mut Rng, zh: bool) -> String {
    let n = 8 + (rng.next() % 10) as usize;
    if zh {
        let words: Vec<&str> = (0..n).map(|_| rng.pick(ZH_WORDS)).collect();
        format!("{}。", words.concat())
    } else {
        let words: Vec<&str> = (0..n).map(|_| rng.pick(EN_WORDS)).collect();
        let text = words.join(" ");
        let mut chars = text.chars();
        let first = chars.next().unwrap().to_uppercase();
        format!("{first}{}.", chars.as_str())
    }
}

fn body(i: usize, n: usize, zh: bool, seed: u64) -> String {
    let mut rng = Rng::new((i as u64 * 2 + u64::from(zh)) ^ seed.rotate_left(32));
    let mut out = String::new();
    for h in 0..6 {
        let heading = if zh {
            format!("第{}部分", h + 1)
        } else {
            format!("Part {}", h + 1)
        };
        let _ = writeln!(out, "## {heading}\n");
        for _ in 0..2 {
            let para: Vec<String> = (0..4).map(|_| sentence(&mut rng, zh)).collect();
            let _ = writeln!(out, "{}\n", para.join(if zh { "" } else { " " }));
        }
        if h == 1 {
            for _ in 0..4 {
                let _ = writeln!(out, "- {}", sentence(&mut rng, zh));
            }
            out.push('\n');
        }
        if h == 2 {
            out.push_str("| a | b | c | d |\n|---|---|---|---|\n");
            for r in 0..4 {
                let _ = writeln!(
                    out,
                    "| {r} | {} | {} | {} |",
                    rng.pick(EN_WORDS),
                    rng.next() % 1000,
                    rng.pick(ZH_WORDS)
                );
            }
            out.push('\n');
        }
    }
    for k in 1..=3 {
        let j = (i + k * 7) % n;
        let target = format!("/{}/{}/", url_section(j), slug(j));
        let _ = writeln!(out, "- [{}]({target})", slug(j));
    }
    out
}

fn url_section(i: usize) -> &'static str {
    match SECTIONS[i % 4] {
        "officials" => "card",
        s => s,
    }
}

/// The slugs of the `k` entries of `section` that entry `i` refers to.
fn refs(i: usize, n: usize, section: usize, k: usize) -> Vec<String> {
    let in_section: Vec<usize> = (0..n).filter(|j| j % 4 == section).collect();
    if in_section.is_empty() {
        return Vec::new();
    }
    (0..k)
        .map(|m| slug(in_section[(i / 4 + m * 3) % in_section.len()]))
        .collect()
}

fn front_matter(i: usize, n: usize, zh: bool) -> String {
    let title = if zh {
        format!("条目{i}")
    } else {
        format!("Entry {i}")
    };
    let list = |v: Vec<String>| format!("[{}]", v.join(", "));
    match SECTIONS[i % 4] {
        "industries" => format!("title: {title}\nsummary: {}\nweight: {i}\n", if zh { "产业概述" } else { "Industry overview" }),
        "parks" if zh => format!("title: {title}\naddress: 示例路{i}号\nindustries: {}\n", list(refs(i, n, 0, 2))),
        "parks" => format!("title: {title}\naddress: {i} Example Road\n"),
        "policies" if zh => format!("title: {title}\nissued: 2025-01-01\nexpires: 2099-12-31\nindustries: {}\n", list(refs(i, n, 0, 1))),
        "policies" => format!("title: {title}\n"),
        _ if zh => format!(
            "name: 王{i}\nposition: 专员\nphone: \"+86 816 000 {:04}\"\nemail: o{i}@example.gov.cn\nindustries: {}\nparks: {}\n",
            i % 10000,
            list(refs(i, n, 0, 2)),
            list(refs(i, n, 1, 1))
        ),
        _ => format!("name: Wang {i}\nposition: Commissioner\n"),
    }
}

/// Writes a site with `n` entries (each in zh and en) under `root`.
pub fn write_site(root: &Path, n: usize) -> std::io::Result<()> {
    write_site_seeded(root, n, 0)
}

/// [`write_site`] with another seed for the text.
pub fn write_site_seeded(root: &Path, n: usize, seed: u64) -> std::io::Result<()> {
    let content = root.join("content");
    std::fs::create_dir_all(&content)?;
    std::fs::write(
        content.join("site.yaml"),
        "title: {zh: 基准测试区, en: Benchmark District}\nbase_url: https://invest.example.gov.cn/\nlanguages: [zh, en]\n",
    )?;
    for section in SECTIONS {
        std::fs::create_dir_all(content.join(section))?;
    }
    for i in 0..n {
        let dir = content.join(SECTIONS[i % 4]);
        for (zh, suffix) in [(true, ""), (false, ".en")] {
            let text = format!(
                "---\n{}---\n{}",
                front_matter(i, n, zh),
                body(i, n, zh, seed)
            );
            std::fs::write(dir.join(format!("{}{suffix}.md", slug(i))), text)?;
        }
    }
    Ok(())
}

/// The default-language file of entry `i`, to edit in rebuild benchmarks.
pub fn entry_file(root: &Path, i: usize) -> std::path::PathBuf {
    root.join("content")
        .join(SECTIONS[i % 4])
        .join(format!("{}.md", slug(i)))
}
