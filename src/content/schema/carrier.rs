//! `content/carriers/`: land plots and buildings to let or sell (载体), each
//! in one park.

use super::shared::{ADDRESS, DRAFT, IMAGE, OFFICIALS, SEARCH, SUMMARY, WEIGHT};
use crate::content::amounts::Price;
use crate::content::fields::{field, say, Kind};
use crate::content::measures::{Percent, Range, SquareMetres};
use crate::content::schema::Collection;
use crate::content::states::{CarrierKind, CarrierStatus};
use crate::content::values::{Date, Slug, SlugList, Text};

front_matter! {
    /// A plot of land, a factory or an office space.
    CarrierFm {
        title: Text => field(
            Kind::Title,
            say("示例地块", "Sample Plot"),
            say("载体名称，是页面标题。", "The carrier's name, the page title."),
        ),
        summary: Text => SUMMARY,
        kind: CarrierKind => field(
            Kind::Fact,
            say("land", "land"),
            say("类型：land（土地）、factory（厂房）或 office（写字楼）。", "What it is: land, factory or office."),
        ).required(),
        park: Slug => field(
            Kind::Reference(Collection::Parks),
            say("east-zone", "east-zone"),
            say("所在园区：content/parks/ 中的一个文件名（不含 .md）。", "The park it is in: one file name in content/parks/ without .md."),
        ).required(),
        address: Text => ADDRESS,
        area_m2: SquareMetres => field(
            Kind::Fact,
            say("66667", "66667"),
            say("面积，平方米（土地另显示为亩）。", "Area in square metres (land is also shown in mu)."),
        ),
        available_m2: SquareMetres => field(
            Kind::Fact,
            say("40000", "40000"),
            say("可供面积，平方米。", "Area still available, in square metres."),
        ),
        status: CarrierStatus => field(
            Kind::Fact,
            say("available", "available"),
            say("状态：available（可供）、reserved（已预留）或 taken（已出让）。", "Status: available, reserved or taken."),
        ),
        available_from: Date => field(
            Kind::Fact,
            say("2026-01-01", "2026-01-01"),
            say("可交付日期。", "Date it can be handed over."),
        ),
        land_use: Text => field(
            Kind::Text,
            say("工业用地", "Industrial"),
            say("土地用途（土地）。", "Land use (land)."),
        ),
        plot_ratio: Range => field(
            Kind::Fact,
            say("{min: 1.2, max: 2.5}", "{min: 1.2, max: 2.5}"),
            say("容积率范围（土地）。", "Plot ratio range (land)."),
        ),
        building_density: Percent => field(
            Kind::Fact,
            say("45%", "45%"),
            say("建筑密度（土地）。", "Building density (land)."),
        ),
        term_years: i64 => field(
            Kind::Fact,
            say("50", "50"),
            say("出让年限，年（土地）。", "Term of the land grant in years (land)."),
        ),
        price: Price => field(
            Kind::Fact,
            say("25万元/亩", "25万元/亩"),
            say("出让价格，带单位（土地）。", "Price with its unit (land), e.g. 25万元/亩."),
        ),
        investment_intensity_min: f64 => field(
            Kind::Fact,
            say("300", "300"),
            say("投资强度下限，万元/亩（土地）。", "Minimum investment intensity, 10,000 yuan per mu (land)."),
        ),
        floors: i64 => field(
            Kind::Fact,
            say("3", "3"),
            say("层数（厂房、写字楼）。", "Floors (factory, office)."),
        ),
        floor_load: f64 => field(
            Kind::Fact,
            say("8", "8"),
            say("楼面荷载，kN/m²（厂房）。", "Floor load in kN/m² (factory)."),
        ),
        clear_height: f64 => field(
            Kind::Fact,
            say("9", "9"),
            say("净高，米（厂房）。", "Clear height in metres (factory)."),
        ),
        rent: Price => field(
            Kind::Fact,
            say("18元/m²·月", "18元/m²·月"),
            say("租金，带单位（厂房、写字楼）。", "Rent with its unit (factory, office), e.g. 18元/m²·月."),
        ),
        power_kva: f64 => field(
            Kind::Fact,
            say("2000", "2000"),
            say("供电容量，kVA。", "Power supply capacity in kVA."),
        ),
        officials: SlugList => OFFICIALS,
        image: String => IMAGE,
        weight: i64 => WEIGHT,
        draft: bool => DRAFT,
        search: bool => SEARCH,
    }
}
