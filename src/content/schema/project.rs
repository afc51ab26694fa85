//! `content/projects/`: investment projects (招商项目库): what the
//! district seeks partners for, and what has been signed.

use super::shared::{DRAFT, IMAGE, INDUSTRIES, OFFICIALS, PARKS, SEARCH, SUMMARY, WEIGHT};
use crate::content::amounts::Amount;
use crate::content::fields::{field, say, Kind};
use crate::content::states::ProjectStatus;
use crate::content::values::{Date, SlugList, Text};

front_matter! {
    /// An investment project.
    ProjectFm {
        title: Text => field(
            Kind::Title,
            say("示例项目", "Sample Project"),
            say("项目名称，是页面标题。", "The project's name, the page title."),
        ),
        summary: Text => SUMMARY,
        status: ProjectStatus => field(
            Kind::Fact,
            say("seeking", "seeking"),
            say(
                "进展：seeking（招商中）、negotiating（洽谈中）、signed（已签约）、building（在建）或 operating（已投产）。",
                "Stage: seeking, negotiating, signed, building or operating.",
            ),
        ),
        investment: Amount => field(
            Kind::Fact,
            say("120亿元", "120亿元"),
            say(
                "总投资，带单位：120亿元、5000万元、USD 20 million。",
                "Total investment with its unit: 120亿元, 5000万元, USD 20 million.",
            ),
        ),
        cooperation: Text => field(
            Kind::Text,
            say("独资、合资或合作", "Sole proprietorship, joint venture or cooperation"),
            say("合作方式。", "How an investor takes part."),
        ),
        land_mu: f64 => field(
            Kind::Fact,
            say("300", "300"),
            say("用地面积，亩。", "Land needed, in mu (1 mu = 666.67 m²)."),
        ),
        industries: SlugList => INDUSTRIES,
        parks: SlugList => PARKS.meaning(say(
            "项目所在园区：content/parks/ 中的文件名（不含 .md）。",
            "Parks it is in: file names in content/parks/ without .md.",
        )),
        officials: SlugList => OFFICIALS.meaning(say(
            "项目专员（一个项目、一名专员）：content/officials/ 中的文件名。",
            "The project's commissioner (one project, one commissioner): file names in content/officials/.",
        )),
        signed: Date => field(
            Kind::Fact,
            say("2025-06-18", "2025-06-18"),
            say("签约日期（已签约的项目）。", "Date signed, for a signed project."),
        ),
        partner: Text => field(
            Kind::Text,
            say("示例投资方", "Sample Investor"),
            say("投资方（已签约的项目）。", "The investor, for a signed project."),
        ),
        image: String => IMAGE,
        weight: i64 => WEIGHT,
        draft: bool => DRAFT,
        search: bool => SEARCH,
    }
}
