//! `content/policies/`: policy documents and the benefits they grant.

use super::shared::{DRAFT, INDUSTRIES, SEARCH, SUMMARY, WEIGHT};
use crate::content::fields::{field, say, Kind};
use crate::content::states::PolicyType;
use crate::content::values::{Date, Delivery, Phone, SlugList, Text};

front_matter! {
    /// A policy document and the benefits it grants.
    PolicyFm {
        title: Text => field(
            Kind::Title,
            say("示例政策", "Sample Policy"),
            say("政策名称，是页面标题。", "The policy's name, the page title."),
        ),
        summary: Text => SUMMARY,
        issuer: Text => field(
            Kind::Text,
            say("示例区人民政府", "Example District People's Government"),
            say("发布机关。", "Issuing authority."),
        ),
        document_number: Text => field(
            Kind::Fact,
            say("示府发〔2025〕1号", "示府发〔2025〕1号"),
            say("文号。", "Document number (文号)."),
        ),
        issued: Date => field(
            Kind::Fact,
            say("2025-01-01", "2025-01-01"),
            say("发布日期，写作 YYYY-MM-DD。", "Date issued, written YYYY-MM-DD."),
        ),
        effective: Date => field(
            Kind::Fact,
            say("2025-01-01", "2025-01-01"),
            say(
                "生效日期；晚于构建日期时，页面显示“尚未生效”。",
                "Date it takes effect; until then the page shows \"not yet in force\".",
            ),
        ),
        expires: Date => field(
            Kind::Fact,
            say("2030-12-31", "2030-12-31"),
            say("失效日期；过期后页面显示“已失效”。", "Date it expires; after it the page shows \"expired\"."),
        ),
        industries: SlugList => INDUSTRIES.meaning(say(
            "适用的产业：content/industries/ 中的文件名（不含 .md）。",
            "Industries it applies to: file names in content/industries/ without .md.",
        )),
        types: Vec<PolicyType> => field(
            Kind::Fact,
            say("[subsidy, talent]", "[subsidy, talent]"),
            say(
                "支持类型，可多选：subsidy（资金补贴）、tax（税收优惠）、land（用地保障）、talent（人才支持）、finance（金融支持）、rent（租金减免）、service（服务保障）。",
                "What it grants, one or more of: subsidy, tax, land, talent, finance, rent, service.",
            ),
        ),
        beneficiaries: Vec<Text> => field(
            Kind::Text,
            say("\n  - 中小企业\n  - 高新技术企业", "\n  - Small and medium-sized enterprises\n  - High-tech enterprises"),
            say("适用对象，每行一类。", "Who it is for, one kind of applicant a line."),
        ),
        incentives: Vec<Text> => field(
            Kind::Text,
            say("\n  - 示例支持内容一\n  - 示例支持内容二", "\n  - First sample incentive\n  - Second sample incentive"),
            say("支持内容，每行一条。", "What the policy offers, one item a line."),
        ),
        eligibility: Vec<Text> => field(
            Kind::Text,
            say("\n  - 示例申报条件", "\n  - Sample eligibility condition"),
            say("申报条件，每行一条。", "Who is eligible, one condition a line."),
        ),
        delivery: Delivery => field(
            Kind::Fact,
            say("快申快享", "fast-track"),
            say(
                "兑现方式：免申即享、快申快享或 apply（按规定申报）。",
                "How benefits are delivered: automatic (免申即享), fast-track (快申快享) or apply.",
            ),
        ),
        handling_office: Text => field(
            Kind::Text,
            say("示例区政务服务中心", "Example District Government Service Centre"),
            say("受理部门。", "Office that handles applications."),
        ),
        hotline: Phone => field(
            Kind::Fact,
            say("\"+86 000 0000 0000\"", "\"+86 000 0000 0000\""),
            say("咨询电话，加引号以保留开头的 0。", "Hotline, in quotes so that a leading 0 is kept."),
        ),
        attachment: String => field(
            Kind::File,
            say("{slug}.pdf", "{slug}.pdf"),
            say(
                "政策原文：与本文件放在同一文件夹的文件，如 PDF。",
                "The policy document: a file such as a PDF in the same folder as this file.",
            ),
        ),
        weight: i64 => WEIGHT,
        draft: bool => DRAFT,
        search: bool => SEARCH,
    }
}
