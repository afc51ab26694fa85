//! Fields several collections share, declared once (`summary`, `weight`,
//! `draft`…); a collection that means something particular by one of them
//! gives its own meaning with [`FieldSpec::meaning`].

use crate::content::fields::{field, say, FieldSpec, Kind};
use crate::content::schema::Collection;

pub const SUMMARY: FieldSpec = field(
    Kind::Text,
    say("一两句话的简介。", "A one- or two-sentence summary."),
    say(
        "简介：一两句话，显示在列表、搜索结果和链接预览中。",
        "Summary: one or two sentences, shown in lists, search results and link previews.",
    ),
);

pub const IMAGE: FieldSpec = field(
    Kind::File,
    say("{slug}.jpg", "{slug}.jpg"),
    say(
        "配图：与本文件放在同一文件夹的图片（JPEG、PNG 或 WebP）。",
        "Image: a JPEG, PNG or WebP file in the same folder as this file.",
    ),
);

pub const ADDRESS: FieldSpec = field(
    Kind::Text,
    say("示例省示例市示例路1号", "1 Example Road, Example City"),
    say("地址。", "Address."),
);

pub const WEIGHT: FieldSpec = field(
    Kind::Control,
    say("10", "10"),
    say(
        "排序：整数，小的排在前面；相同时按文件名排序。",
        "Order: a whole number; lower comes first, then by file name.",
    ),
);

pub const DRAFT: FieldSpec = field(
    Kind::Control,
    say("true", "true"),
    say(
        "草稿：true 表示暂不发布（用 hui build --drafts 预览）。",
        "Draft: true keeps the entry off the site (preview it with hui build --drafts).",
    ),
);

pub const SEARCH: FieldSpec = field(
    Kind::Control,
    say("false", "false"),
    say(
        "站内搜索：false 表示本页不出现在搜索结果中。",
        "Search: false leaves this page out of the site's search.",
    ),
);

pub const INDUSTRIES: FieldSpec = field(
    Kind::Reference(Collection::Industries),
    say("[new-display]", "[new-display]"),
    say(
        "相关产业：content/industries/ 中的文件名（不含 .md）。",
        "Industries: file names in content/industries/ without .md.",
    ),
);

pub const PARKS: FieldSpec = field(
    Kind::Reference(Collection::Parks),
    say("[east-zone]", "[east-zone]"),
    say(
        "相关园区：content/parks/ 中的文件名（不含 .md）。",
        "Parks: file names in content/parks/ without .md.",
    ),
);

pub const OFFICIALS: FieldSpec = field(
    Kind::Reference(Collection::Officials),
    say("[zhang-san]", "[zhang-san]"),
    say(
        "对接干部：content/officials/ 中的文件名（不含 .md）。",
        "Officials to contact: file names in content/officials/ without .md.",
    ),
);
