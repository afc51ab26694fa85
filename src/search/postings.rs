//! Postings as text: each number in groups of five bits, written with
//! digits that are safe in JSON and in a URL, so that a shard is a plain
//! script that old browsers parse quickly.

/// The digits of the posting encoding: a number is written in groups of five
/// bits, low first; digits from the second half of the alphabet mean "more
/// groups follow". Every digit is safe in a JSON string and a URL.
const DIGITS: &[u8; 64] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

fn push_number(out: &mut String, mut n: u32) {
    while n >= 32 {
        out.push(DIGITS[32 + (n & 31) as usize] as char);
        n >>= 5;
    }
    out.push(DIGITS[n as usize] as char);
}

/// Each posting as three numbers: the page (as the gap from the previous
/// one), the impact and the parts' bit mask.
pub(super) fn encode_postings(postings: impl ExactSizeIterator<Item = (u32, u32, u32)>) -> String {
    let mut out = String::with_capacity(postings.len() * 4);
    let mut last = 0;
    for (page, impact, parts) in postings {
        push_number(&mut out, page - last);
        push_number(&mut out, impact);
        push_number(&mut out, parts);
        last = page;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reading `search.js` does: five bits a digit, low first.
    fn decode(text: &str) -> Vec<u32> {
        let (mut out, mut n, mut shift) = (Vec::new(), 0u32, 0);
        for b in text.bytes() {
            let v = DIGITS.iter().position(|d| *d == b).unwrap() as u32;
            n |= (v & 31) << shift;
            if v >= 32 {
                shift += 5;
            } else {
                out.push(n);
                (n, shift) = (0, 0);
            }
        }
        out
    }

    #[test]
    fn postings_round_trip_with_pages_as_gaps() {
        let postings = vec![
            (0, 1, 1),
            (31, 32, 3),
            (1000, 7, 1 << 30),
            (70_000, 1023, 4),
        ];
        let numbers = decode(&encode_postings(postings.into_iter()));
        assert_eq!(
            numbers,
            [0, 1, 1, 31, 32, 3, 969, 7, 1 << 30, 69_000, 1023, 4]
        );
    }
}
