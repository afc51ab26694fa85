//! `content/parks/`: industrial parks and zones.

use super::shared::{ADDRESS, DRAFT, IMAGE, INDUSTRIES, SEARCH, SUMMARY, WEIGHT};
use crate::content::fields::{field, say, Kind};
use crate::content::values::{Cost, Established, Location, SlugList, Text};

front_matter! {
    /// An industrial park or zone.
    ParkFm {
        title: Text => field(
            Kind::Title,
            say("示例园区", "Sample Park"),
            say("园区名称，是页面标题。", "The park's name, the page title."),
        ),
        summary: Text => SUMMARY,
        address: Text => ADDRESS,
        location: Location => field(
            Kind::Fact,
            say("{lat: 31.47, lng: 104.74}", "{lat: 31.47, lng: 104.74}"),
            say(
                "坐标（度），用于地图链接；请从高德地图取（GCJ-02）。",
                "Coordinates in degrees, for the map link; take them from Amap (GCJ-02).",
            ),
        ),
        area_km2: f64 => field(
            Kind::Fact,
            say("12.5", "12.5"),
            say("面积，平方公里。", "Area in square kilometres."),
        ),
        established: Established => field(
            Kind::Fact,
            say("2010", "2010"),
            say("设立年份（2010）或日期（2010-05-01）。", "Year (2010) or date (2010-05-01) established."),
        ),
        industries: SlugList => INDUSTRIES.meaning(say(
            "园区承载的产业：content/industries/ 中的文件名（不含 .md）。",
            "Industries the park hosts: file names in content/industries/ without .md.",
        )),
        highlights: Vec<Text> => field(
            Kind::Text,
            say("\n  - 示例亮点一\n  - 示例亮点二", "\n  - First sample highlight\n  - Second sample highlight"),
            say("园区亮点，每行一条。", "Highlights, one a line."),
        ),
        costs: Vec<Cost<Text>> => field(
            Kind::Text,
            say(
                "\n  - {item: 工业用电, price: 0.6, unit: 元/千瓦时, note: 示例说明}",
                "\n  - {item: Industrial power, price: 0.6, unit: yuan/kWh, note: Sample note}",
            ),
            say(
                "营商成本，每行 item（项目）、price（价格，只写数字）、unit（单位）和 note（说明）。",
                "Operating costs, each an item, a price (a number alone), a unit and a note.",
            ),
        ),
        image: String => IMAGE,
        weight: i64 => WEIGHT,
        draft: bool => DRAFT,
        search: bool => SEARCH,
    }
}
