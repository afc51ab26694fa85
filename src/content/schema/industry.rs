//! `content/industries/`: the industries the district invests in.

use super::shared::{DRAFT, IMAGE, SEARCH, SUMMARY, WEIGHT};
use crate::content::fields::{field, say, Kind};
use crate::content::values::{Chain, Stat, Text};

front_matter! {
    /// An industry the district invests in.
    IndustryFm {
        title: Text => field(
            Kind::Title,
            say("示例产业", "Sample Industry"),
            say("产业名称，是页面标题。", "The industry's name, the page title."),
        ),
        summary: Text => SUMMARY,
        key_companies: Vec<Text> => field(
            Kind::Text,
            say("\n  - 示例企业甲\n  - 示例企业乙", "\n  - Sample Company A\n  - Sample Company B"),
            say("重点企业，每行一家。", "Key companies, one a line."),
        ),
        stats: Vec<Stat> => field(
            Kind::Text,
            say("\n  - {label: 示例指标, value: 100}", "\n  - {label: Sample figure, value: 100}"),
            say("关键数据，每项一个 label（名称）和 value（数值）。", "Key figures, each a label and a value."),
        ),
        chain: Chain => field(
            Kind::Text,
            say(
                "\n  upstream:\n    - {name: 示例材料, status: weak, companies: [示例企业甲]}\n  midstream:\n    - {name: 示例制造, status: strong, companies: [示例企业乙]}\n  downstream:\n    - {name: 示例应用, status: missing}",
                "\n  upstream:\n    - {name: Sample materials, status: weak, companies: [Sample Company A]}\n  midstream:\n    - {name: Sample manufacturing, status: strong, companies: [Sample Company B]}\n  downstream:\n    - {name: Sample applications, status: missing}",
            ),
            say(
                "产业链：upstream（上游）、midstream（中游）、downstream（下游）各列环节，每个环节有 name（名称）、status（strong 优势、weak 薄弱、missing 缺失）和 companies（企业）；薄弱和缺失环节作为补链招商方向显示。",
                "The industry chain: links upstream, midstream and downstream, each a name, a status (strong, weak or missing) and companies; weak and missing links are shown as what the district is looking for.",
            ),
        ),
        image: String => IMAGE,
        weight: i64 => WEIGHT,
        draft: bool => DRAFT,
        search: bool => SEARCH,
    }
}
