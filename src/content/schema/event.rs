//! `content/events/`: fairs, signings, roadshows, forums and news
//! (活动与动态), each with its calendar file.

use super::shared::{DRAFT, IMAGE, INDUSTRIES, OFFICIALS, PARKS, SEARCH, SUMMARY, WEIGHT};
use crate::content::fields::{field, say, Kind};
use crate::content::schema::Collection;
use crate::content::states::{EventKind, When};
use crate::content::values::{SlugList, Text};

front_matter! {
    /// An event or a piece of news.
    EventFm {
        title: Text => field(
            Kind::Title,
            say("示例活动", "Sample Event"),
            say("活动名称，是页面标题。", "The event's name, the page title."),
        ),
        summary: Text => SUMMARY,
        kind: EventKind => field(
            Kind::Fact,
            say("forum", "forum"),
            say(
                "类型：fair（展会）、signing（签约）、roadshow（路演）、forum（论坛）、meeting（会议）或 news（动态）。",
                "What it is: fair, signing, roadshow, forum, meeting or news.",
            ),
        ),
        date: When => field(
            Kind::Fact,
            say("2026-03-18 09:30", "2026-03-18 09:30"),
            say(
                "开始：日期，或日期和北京时间（2026-03-18 09:30）。",
                "Start: a date, or a date and Beijing time (2026-03-18 09:30).",
            ),
        ).required(),
        end: When => field(
            Kind::Fact,
            say("2026-03-18 17:00", "2026-03-18 17:00"),
            say("结束：日期，或日期和时间；不早于开始。", "End: a date, or a date and time; not before the start."),
        ),
        location: Text => field(
            Kind::Text,
            say("示例会展中心", "Example Convention Centre"),
            say("地点。", "Where it takes place."),
        ),
        industries: SlugList => INDUSTRIES,
        parks: SlugList => PARKS,
        officials: SlugList => OFFICIALS,
        projects: SlugList => field(
            Kind::Reference(Collection::Projects),
            say("[sample-project]", "[sample-project]"),
            say("相关项目：content/projects/ 中的文件名（不含 .md）。", "Projects: file names in content/projects/ without .md."),
        ),
        image: String => IMAGE,
        weight: i64 => WEIGHT,
        draft: bool => DRAFT,
        search: bool => SEARCH,
    }
}
