//! `content/pages/`: free pages (about, investment environment, contact…).

use super::shared::{DRAFT, SEARCH, SUMMARY, WEIGHT};
use crate::content::fields::{field, say, Kind};
use crate::content::values::Text;

front_matter! {
    /// A free page: about, investment environment, contact…
    PageFm {
        title: Text => field(
            Kind::Title,
            say("示例页面", "Sample Page"),
            say("页面标题。", "The page title."),
        ),
        summary: Text => SUMMARY,
        weight: i64 => WEIGHT,
        menu: bool => field(
            Kind::Feature,
            say("true", "true"),
            say("true 表示在主导航中显示本页。", "true shows the page in the main navigation."),
        ),
        draft: bool => DRAFT,
        search: bool => SEARCH,
    }
}
