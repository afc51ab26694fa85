//! `content/officials/`: the officials, each shown as a digital business
//! card.

use super::shared::{ADDRESS, DRAFT, INDUSTRIES, PARKS, SEARCH, WEIGHT};
use crate::content::fields::{field, say, Kind};
use crate::content::values::{Email, Phone, SlugList, Text};

front_matter! {
    /// An official, shown as a digital business card.
    OfficialFm {
        name: Text => field(
            Kind::Title,
            say("张三", "Zhang San"),
            say("姓名，显示在名片和招商干部名录中。", "The name, shown on the card and in the officials' directory."),
        ),
        position: Text => field(
            Kind::Text,
            say("招商专员", "Investment Promotion Officer"),
            say("职务。", "Position."),
        ),
        organization: Text => field(
            Kind::Text,
            say("示例区投资促进局", "Investment Promotion Bureau of Example District"),
            say("工作单位。", "Organization."),
        ),
        phone: Phone => field(
            Kind::Fact,
            say("\"+86 000 0000 0001\"", "\"+86 000 0000 0001\""),
            say("办公电话，加引号以保留开头的 0。", "Office phone, in quotes so that a leading 0 is kept."),
        ),
        mobile: Phone => field(
            Kind::Fact,
            say("\"+86 000 0000 0002\"", "\"+86 000 0000 0002\""),
            say("手机，加引号。", "Mobile phone, in quotes."),
        ),
        email: Email => field(
            Kind::Fact,
            say("{slug}@example.gov.cn", "{slug}@example.gov.cn"),
            say("电子邮箱。", "E-mail address."),
        ),
        wechat: Text => field(
            Kind::Fact,
            say("{slug}-demo", "{slug}-demo"),
            say("微信号，名片上可一键复制。", "WeChat ID, which the card lets readers copy."),
        ),
        wechat_qr: String => field(
            Kind::File,
            say("{slug}-wechat.png", "{slug}-wechat.png"),
            say("微信二维码图片，与本文件放在同一文件夹。", "WeChat QR code image, in the same folder as this file."),
        ),
        address: Text => ADDRESS.meaning(say("办公地址。", "Office address.")),
        photo: String => field(
            Kind::File,
            say("{slug}.jpg", "{slug}.jpg"),
            say(
                "照片，与本文件放在同一文件夹；短边至少 600 像素。构建时裁成正方形并去掉定位等信息。",
                "Photo in the same folder as this file, at least 600 pixels on its shorter side; the build crops it square and strips metadata such as GPS.",
            ),
        ),
        industries: SlugList => INDUSTRIES.meaning(say(
            "负责的产业：content/industries/ 中的文件名（不含 .md）。",
            "Industries covered: file names in content/industries/ without .md.",
        )),
        parks: SlugList => PARKS.meaning(say(
            "负责的园区：content/parks/ 中的文件名（不含 .md）。",
            "Parks covered: file names in content/parks/ without .md.",
        )),
        aliases: SlugList => field(
            Kind::Control,
            say("[old-slug]", "[old-slug]"),
            say(
                "改名前的旧文件名：旧名片链接和已印出的二维码会跳转到这里。",
                "Old slugs after a rename: old card links and printed QR codes redirect here.",
            ),
        ),
        weight: i64 => WEIGHT,
        draft: bool => DRAFT,
        search: bool => SEARCH,
    }
}
