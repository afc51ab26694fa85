//! The table itself: each collection's fields, in the order a scaffold
//! writes them, with the fields several collections share (`summary`,
//! `weight`, `draft`…) declared once and reused. Tests hold it to the
//! front-matter structs and to the README's field reference.

use super::{say, FieldSpec, Kind};
use crate::content::schema::Collection;

const SUMMARY: FieldSpec = FieldSpec {
    name: "summary",
    kind: Kind::Text,
    example: say("一两句话的简介。", "A one- or two-sentence summary."),
    meaning: say(
        "简介：一两句话，显示在列表、搜索结果和链接预览中。",
        "Summary: one or two sentences, shown in lists, search results and link previews.",
    ),
};

const IMAGE: FieldSpec = FieldSpec {
    name: "image",
    kind: Kind::File,
    example: say("{slug}.jpg", "{slug}.jpg"),
    meaning: say(
        "配图：与本文件放在同一文件夹的图片（JPEG、PNG 或 WebP）。",
        "Image: a JPEG, PNG or WebP file in the same folder as this file.",
    ),
};

const ADDRESS: FieldSpec = FieldSpec {
    name: "address",
    kind: Kind::Text,
    example: say("示例省示例市示例路1号", "1 Example Road, Example City"),
    meaning: say("地址。", "Address."),
};

const WEIGHT: FieldSpec = FieldSpec {
    name: "weight",
    kind: Kind::Control,
    example: say("10", "10"),
    meaning: say(
        "排序：整数，小的排在前面；相同时按文件名排序。",
        "Order: a whole number; lower comes first, then by file name.",
    ),
};

const DRAFT: FieldSpec = FieldSpec {
    name: "draft",
    kind: Kind::Control,
    example: say("true", "true"),
    meaning: say(
        "草稿：true 表示暂不发布（用 hui build --drafts 预览）。",
        "Draft: true keeps the entry off the site (preview it with hui build --drafts).",
    ),
};

const SEARCH: FieldSpec = FieldSpec {
    name: "search",
    kind: Kind::Control,
    example: say("false", "false"),
    meaning: say(
        "站内搜索：false 表示本页不出现在搜索结果中。",
        "Search: false leaves this page out of the site's search.",
    ),
};

const INDUSTRIES: FieldSpec = FieldSpec {
    name: "industries",
    kind: Kind::Reference(Collection::Industries),
    example: say("[new-display]", "[new-display]"),
    meaning: say(
        "相关产业：content/industries/ 中的文件名（不含 .md）。",
        "Industries: file names in content/industries/ without .md.",
    ),
};

pub(super) const INDUSTRY: &[FieldSpec] = &[
    FieldSpec {
        name: "title",
        kind: Kind::Title,
        example: say("示例产业", "Sample Industry"),
        meaning: say(
            "产业名称，是页面标题。",
            "The industry's name, the page title.",
        ),
    },
    SUMMARY,
    FieldSpec {
        name: "key_companies",
        kind: Kind::Text,
        example: say(
            "\n  - 示例企业甲\n  - 示例企业乙",
            "\n  - Sample Company A\n  - Sample Company B",
        ),
        meaning: say("重点企业，每行一家。", "Key companies, one a line."),
    },
    FieldSpec {
        name: "stats",
        kind: Kind::Text,
        example: say(
            "\n  - {label: 示例指标, value: 100}",
            "\n  - {label: Sample figure, value: 100}",
        ),
        meaning: say(
            "关键数据，每项一个 label（名称）和 value（数值）。",
            "Key figures, each a label and a value.",
        ),
    },
    IMAGE,
    WEIGHT,
    DRAFT,
    SEARCH,
];

pub(super) const PARK: &[FieldSpec] = &[
    FieldSpec {
        name: "title",
        kind: Kind::Title,
        example: say("示例园区", "Sample Park"),
        meaning: say("园区名称，是页面标题。", "The park's name, the page title."),
    },
    SUMMARY,
    ADDRESS,
    FieldSpec {
        name: "location",
        kind: Kind::Fact,
        example: say("{lat: 31.47, lng: 104.74}", "{lat: 31.47, lng: 104.74}"),
        meaning: say(
            "坐标（度），用于地图链接；请从高德地图取（GCJ-02）。",
            "Coordinates in degrees, for the map link; take them from Amap (GCJ-02).",
        ),
    },
    FieldSpec {
        name: "area_km2",
        kind: Kind::Fact,
        example: say("12.5", "12.5"),
        meaning: say("面积，平方公里。", "Area in square kilometres."),
    },
    FieldSpec {
        name: "established",
        kind: Kind::Fact,
        example: say("2010", "2010"),
        meaning: say(
            "设立年份（2010）或日期（2010-05-01）。",
            "Year (2010) or date (2010-05-01) established.",
        ),
    },
    FieldSpec {
        meaning: say(
            "园区承载的产业：content/industries/ 中的文件名（不含 .md）。",
            "Industries the park hosts: file names in content/industries/ without .md.",
        ),
        ..INDUSTRIES
    },
    FieldSpec {
        name: "highlights",
        kind: Kind::Text,
        example: say(
            "\n  - 示例亮点一\n  - 示例亮点二",
            "\n  - First sample highlight\n  - Second sample highlight",
        ),
        meaning: say("园区亮点，每行一条。", "Highlights, one a line."),
    },
    IMAGE,
    WEIGHT,
    DRAFT,
    SEARCH,
];

pub(super) const POLICY: &[FieldSpec] = &[
    FieldSpec {
        name: "title",
        kind: Kind::Title,
        example: say("示例政策", "Sample Policy"),
        meaning: say(
            "政策名称，是页面标题。",
            "The policy's name, the page title.",
        ),
    },
    SUMMARY,
    FieldSpec {
        name: "issuer",
        kind: Kind::Text,
        example: say("示例区人民政府", "Example District People's Government"),
        meaning: say("发布机关。", "Issuing authority."),
    },
    FieldSpec {
        name: "document_number",
        kind: Kind::Fact,
        example: say("示府发〔2025〕1号", "示府发〔2025〕1号"),
        meaning: say("文号。", "Document number (文号)."),
    },
    FieldSpec {
        name: "issued",
        kind: Kind::Fact,
        example: say("2025-01-01", "2025-01-01"),
        meaning: say(
            "发布日期，写作 YYYY-MM-DD。",
            "Date issued, written YYYY-MM-DD.",
        ),
    },
    FieldSpec {
        name: "effective",
        kind: Kind::Fact,
        example: say("2025-01-01", "2025-01-01"),
        meaning: say(
            "生效日期；晚于构建日期时，页面显示“尚未生效”。",
            "Date it takes effect; until then the page shows \"not yet in force\".",
        ),
    },
    FieldSpec {
        name: "expires",
        kind: Kind::Fact,
        example: say("2030-12-31", "2030-12-31"),
        meaning: say(
            "失效日期；过期后页面显示“已失效”。",
            "Date it expires; after it the page shows \"expired\".",
        ),
    },
    FieldSpec {
        meaning: say(
            "适用的产业：content/industries/ 中的文件名（不含 .md）。",
            "Industries it applies to: file names in content/industries/ without .md.",
        ),
        ..INDUSTRIES
    },
    FieldSpec {
        name: "incentives",
        kind: Kind::Text,
        example: say(
            "\n  - 示例支持内容一\n  - 示例支持内容二",
            "\n  - First sample incentive\n  - Second sample incentive",
        ),
        meaning: say(
            "支持内容，每行一条。",
            "What the policy offers, one item a line.",
        ),
    },
    FieldSpec {
        name: "eligibility",
        kind: Kind::Text,
        example: say("\n  - 示例申报条件", "\n  - Sample eligibility condition"),
        meaning: say(
            "申报条件，每行一条。",
            "Who is eligible, one condition a line.",
        ),
    },
    FieldSpec {
        name: "delivery",
        kind: Kind::Fact,
        example: say("快申快享", "fast-track"),
        meaning: say(
            "兑现方式：免申即享、快申快享或 apply（按规定申报）。",
            "How benefits are delivered: automatic (免申即享), fast-track (快申快享) or apply.",
        ),
    },
    FieldSpec {
        name: "handling_office",
        kind: Kind::Text,
        example: say(
            "示例区政务服务中心",
            "Example District Government Service Centre",
        ),
        meaning: say("受理部门。", "Office that handles applications."),
    },
    FieldSpec {
        name: "hotline",
        kind: Kind::Fact,
        example: say("\"+86 000 0000 0000\"", "\"+86 000 0000 0000\""),
        meaning: say(
            "咨询电话，加引号以保留开头的 0。",
            "Hotline, in quotes so that a leading 0 is kept.",
        ),
    },
    FieldSpec {
        name: "attachment",
        kind: Kind::File,
        example: say("{slug}.pdf", "{slug}.pdf"),
        meaning: say(
            "政策原文：与本文件放在同一文件夹的文件，如 PDF。",
            "The policy document: a file such as a PDF in the same folder as this file.",
        ),
    },
    WEIGHT,
    DRAFT,
    SEARCH,
];

pub(super) const OFFICIAL: &[FieldSpec] = &[
    FieldSpec {
        name: "name",
        kind: Kind::Title,
        example: say("张三", "Zhang San"),
        meaning: say(
            "姓名，显示在名片和招商干部名录中。",
            "The name, shown on the card and in the officials' directory.",
        ),
    },
    FieldSpec {
        name: "position",
        kind: Kind::Text,
        example: say("招商专员", "Investment Promotion Officer"),
        meaning: say("职务。", "Position."),
    },
    FieldSpec {
        name: "organization",
        kind: Kind::Text,
        example: say("示例区投资促进局", "Investment Promotion Bureau of Example District"),
        meaning: say("工作单位。", "Organization."),
    },
    FieldSpec {
        name: "phone",
        kind: Kind::Fact,
        example: say("\"+86 000 0000 0001\"", "\"+86 000 0000 0001\""),
        meaning: say(
            "办公电话，加引号以保留开头的 0。",
            "Office phone, in quotes so that a leading 0 is kept.",
        ),
    },
    FieldSpec {
        name: "mobile",
        kind: Kind::Fact,
        example: say("\"+86 000 0000 0002\"", "\"+86 000 0000 0002\""),
        meaning: say("手机，加引号。", "Mobile phone, in quotes."),
    },
    FieldSpec {
        name: "email",
        kind: Kind::Fact,
        example: say("{slug}@example.gov.cn", "{slug}@example.gov.cn"),
        meaning: say("电子邮箱。", "E-mail address."),
    },
    FieldSpec {
        name: "wechat",
        kind: Kind::Fact,
        example: say("{slug}-demo", "{slug}-demo"),
        meaning: say(
            "微信号，名片上可一键复制。",
            "WeChat ID, which the card lets readers copy.",
        ),
    },
    FieldSpec {
        name: "wechat_qr",
        kind: Kind::File,
        example: say("{slug}-wechat.png", "{slug}-wechat.png"),
        meaning: say(
            "微信二维码图片，与本文件放在同一文件夹。",
            "WeChat QR code image, in the same folder as this file.",
        ),
    },
    FieldSpec {
        meaning: say("办公地址。", "Office address."),
        ..ADDRESS
    },
    FieldSpec {
        name: "photo",
        kind: Kind::File,
        example: say("{slug}.jpg", "{slug}.jpg"),
        meaning: say(
            "照片，与本文件放在同一文件夹；短边至少 600 像素。构建时裁成正方形并去掉定位等信息。",
            "Photo in the same folder as this file, at least 600 pixels on its shorter side; the build crops it square and strips metadata such as GPS.",
        ),
    },
    FieldSpec {
        meaning: say(
            "负责的产业：content/industries/ 中的文件名（不含 .md）。",
            "Industries covered: file names in content/industries/ without .md.",
        ),
        ..INDUSTRIES
    },
    FieldSpec {
        name: "parks",
        kind: Kind::Reference(Collection::Parks),
        example: say("[east-zone]", "[east-zone]"),
        meaning: say(
            "负责的园区：content/parks/ 中的文件名（不含 .md）。",
            "Parks covered: file names in content/parks/ without .md.",
        ),
    },
    FieldSpec {
        name: "aliases",
        kind: Kind::Control,
        example: say("[old-slug]", "[old-slug]"),
        meaning: say(
            "改名前的旧文件名：旧名片链接和已印出的二维码会跳转到这里。",
            "Old slugs after a rename: old card links and printed QR codes redirect here.",
        ),
    },
    WEIGHT,
    DRAFT,
    SEARCH,
];

pub(super) const PAGE: &[FieldSpec] = &[
    FieldSpec {
        name: "title",
        kind: Kind::Title,
        example: say("示例页面", "Sample Page"),
        meaning: say("页面标题。", "The page title."),
    },
    SUMMARY,
    WEIGHT,
    FieldSpec {
        name: "menu",
        kind: Kind::Feature,
        example: say("true", "true"),
        meaning: say(
            "true 表示在主导航中显示本页。",
            "true shows the page in the main navigation.",
        ),
    },
    DRAFT,
    SEARCH,
];

#[cfg(test)]
mod tests {
    use super::super::of;
    use crate::content::schema::Collection;

    /// Fails when a field is added to a front-matter struct without its line
    /// here: `hui new` would leave it out and `hui check` not know it.
    #[test]
    fn every_struct_field_is_declared_exactly_once() {
        for collection in Collection::ALL {
            let mut ours: Vec<&str> = of(collection).iter().map(|f| f.name).collect();
            let mut typed = collection.fields().to_vec();
            ours.sort_unstable();
            typed.sort_unstable();
            assert_eq!(ours, typed, "{collection:?}: the table ≠ the struct");
        }
    }

    /// The field names a row of the README's field reference lists: the
    /// first word of each comma-separated item (`location: {lat, lng}` is
    /// `location`), not the values in parentheses.
    fn readme_row(readme: &str, collection: &str) -> Vec<String> {
        let prefix = format!("| {collection} | ");
        let line = readme
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("the README has no row for {collection}"));
        let cells = &line[prefix.len()..];
        let mut items = vec![String::new()];
        let mut depth = 0i32;
        for ch in cells.chars() {
            match ch {
                '(' | '{' => depth += 1,
                ')' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    items.push(String::new());
                    continue;
                }
                _ => {}
            }
            items.last_mut().unwrap().push(ch);
        }
        items
            .iter()
            .filter_map(|item| {
                let item = item.trim().strip_prefix('`')?;
                let end = item.find(['`', ':'])?;
                Some(item[..end].to_owned())
            })
            .collect()
    }

    /// The README's field reference is the contract editors read: it must
    /// name every field of every collection, and nothing else.
    #[test]
    fn the_readme_names_every_field() {
        let readme = include_str!("../../../README.md");
        let common = readme_row(readme, "all");
        assert_eq!(common, ["draft", "weight", "search"]);
        for collection in Collection::ALL {
            let mut listed = readme_row(readme, collection.dir());
            listed.extend(common.iter().cloned());
            listed.sort_unstable();
            let mut ours: Vec<String> = of(collection).iter().map(|f| f.name.to_owned()).collect();
            ours.sort_unstable();
            assert_eq!(listed, ours, "{collection:?}: README ≠ the table");
        }
    }
}
