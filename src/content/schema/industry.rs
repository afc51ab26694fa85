//! `content/industries/`: the industries the district invests in.

use super::shared::{DRAFT, IMAGE, SEARCH, SUMMARY, WEIGHT};
use crate::content::fields::{field, say, Kind};
use crate::content::values::{Stat, Text};

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
        image: String => IMAGE,
        weight: i64 => WEIGHT,
        draft: bool => DRAFT,
        search: bool => SEARCH,
    }
}
