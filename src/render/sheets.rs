//! Sheets of business cards for the print shop: A4 pages of ten 90 × 54 mm
//! cards (two across, five down), fronts on one page and backs on the next.
//! The backs are mirrored left to right, so that a sheet printed on both
//! sides (flipped on its long edge) puts each back behind its front.

use serde::Serialize;

use super::card::PrintSide;
use super::Ctx;
use crate::content::schema::Collection;
use crate::link::EntryId;

/// Cards on an A4 sheet.
const PER_SHEET: usize = 10;
/// Cards across a sheet.
const ACROSS: usize = 2;

/// One sheet: its fronts in reading order and its backs as they must be
/// printed (each row mirrored); an empty place is `None`.
#[derive(Serialize)]
pub struct Sheet {
    pub fronts: Vec<Option<PrintSide>>,
    pub backs: Vec<Option<PrintSide>>,
}

impl Ctx<'_> {
    /// Every official's card, or ten of one official's, in sheets.
    pub fn card_sheets(&self, one: Option<EntryId>) -> Vec<Sheet> {
        let ids: Vec<EntryId> = match one {
            Some(id) => vec![id; PER_SHEET],
            None => self.site.collection(Collection::Officials).to_vec(),
        };
        ids.chunks(PER_SHEET)
            .map(|chunk| {
                let mut fronts = Vec::with_capacity(PER_SHEET);
                let mut backs = Vec::with_capacity(PER_SHEET);
                for &id in chunk {
                    let mut sides = self.card_sides(id).into_iter();
                    fronts.push(sides.next());
                    backs.push(sides.next());
                }
                fronts.resize_with(PER_SHEET, || None);
                backs.resize_with(PER_SHEET, || None);
                for row in backs.chunks_mut(ACROSS) {
                    row.reverse();
                }
                Sheet { fronts, backs }
            })
            .collect()
    }
}
