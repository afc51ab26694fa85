//! QR codes of card URLs, as compact SVG paths and as PNG files.
//!
//! The code carries the card's absolute URL, not a vCard: a URL is short, so
//! the code stays coarse enough to scan from a booth banner or a chat
//! screenshot, and it always opens the current card. The `fast_qr` crate
//! encodes (seven times faster than `qrcode`, which matters with two codes
//! per official); drawing is done here because the run-length path below is
//! a third of the size of a per-module drawing, and the inline SVG counts
//! against the card page's weight budget.

/// Light modules around the code, as the standard requires for scanning.
const QUIET_ZONE: usize = 4;

/// A QR code: a square of dark and light modules.
#[derive(Debug, Clone)]
pub struct Qr {
    width: usize,
    dark: Vec<bool>,
}

impl Qr {
    /// Encodes `text` with medium error correction (15%), which survives a
    /// crease or a smudge on a printed card.
    pub fn encode(text: &str) -> Result<Qr, String> {
        let code = fast_qr::QRBuilder::new(text)
            .ecl(fast_qr::ECL::M)
            .build()
            .map_err(|e| format!("cannot make a QR code of `{text}`: {e:?}"))?;
        let width = code.size;
        Ok(Qr {
            width,
            dark: code.data[..width * width]
                .iter()
                .map(|module| module.value())
                .collect(),
        })
    }

    /// Side of the drawing in modules, quiet zone included: the SVG viewBox.
    pub fn size(&self) -> usize {
        self.width + 2 * QUIET_ZONE
    }

    fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.width + x]
    }

    /// The dark modules as one SVG path in viewBox units, to be stroked
    /// with width 1: each horizontal run of dark modules is one line through
    /// the middle of its row, moved to relatively within a row. That is about
    /// half the size of drawing rectangles, and the inline SVG counts against
    /// the card page's weight budget.
    pub fn svg_path(&self) -> String {
        let mut d = String::new();
        for y in 0..self.width {
            let mut pen: Option<usize> = None;
            let mut x = 0;
            while x < self.width {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.width && self.is_dark(x, y) {
                    x += 1;
                }
                match pen {
                    None => d.push_str(&format!("M{} {}.5", start + QUIET_ZONE, y + QUIET_ZONE)),
                    Some(end) => d.push_str(&format!("m{} 0", start - end)),
                }
                d.push_str(&format!("h{}", x - start));
                pen = Some(x);
            }
        }
        d
    }

    /// A standalone SVG file, for printers and slides.
    pub fn svg_file(&self) -> String {
        let n = self.size();
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {n} {n}\" width=\"{w}\" height=\"{w}\" shape-rendering=\"crispEdges\">\
             <rect width=\"{n}\" height=\"{n}\" fill=\"#fff\"/><path stroke=\"#000\" d=\"{d}\"/></svg>\n",
            w = n * 10,
            d = self.svg_path()
        )
    }

    /// A black-on-white PNG with `scale` pixels per module: what WeChat's
    /// long-press recognises, and what people paste into slides. One bit per
    /// pixel keeps it to a few KB and fast to compress: a site with hundreds
    /// of officials makes two of these each.
    pub fn png(&self, scale: u32) -> Vec<u8> {
        let scale = scale as usize;
        let side = self.size() * scale;
        let row_bytes = side.div_ceil(8);
        let mut data = Vec::with_capacity(row_bytes * side);
        let light = vec![0xFFu8; row_bytes];
        let quiet_rows = QUIET_ZONE * scale;
        for _ in 0..quiet_rows {
            data.extend_from_slice(&light);
        }
        for y in 0..self.width {
            let mut row = light.clone();
            for x in (0..self.width).filter(|&x| self.is_dark(x, y)) {
                for px in (x + QUIET_ZONE) * scale..(x + QUIET_ZONE + 1) * scale {
                    row[px / 8] &= !(0x80 >> (px % 8));
                }
            }
            for _ in 0..scale {
                data.extend_from_slice(&row);
            }
        }
        for _ in 0..quiet_rows {
            data.extend_from_slice(&light);
        }
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, side as u32, side as u32);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::One);
        // The default compressor zeroes a large table for every image; a
        // site makes two of these per official.
        encoder.set_compression(png::Compression::Fast);
        let mut writer = encoder
            .write_header()
            .expect("a PNG header always fits in memory");
        writer
            .write_image_data(&data)
            .expect("encoding a PNG into memory cannot fail");
        writer
            .finish()
            .expect("encoding a PNG into memory cannot fail");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Replays the path like a renderer would: which modules it strokes.
    fn stroked(path: &str, width: usize) -> Vec<bool> {
        let mut dark = vec![false; width * width];
        let (mut x, mut y) = (0i64, 0i64);
        let mut rest = path;
        while let Some(cmd) = rest.chars().next() {
            let end = rest[1..]
                .find(['M', 'm', 'h'])
                .map_or(rest.len(), |i| i + 1);
            let args: Vec<f64> = rest[1..end]
                .split(' ')
                .map(|a| a.parse().unwrap())
                .collect();
            match cmd {
                'M' => (x, y) = (args[0] as i64, args[1].floor() as i64),
                'm' => x += args[0] as i64,
                'h' => {
                    for cx in x..x + args[0] as i64 {
                        let (mx, my) = (cx as usize - QUIET_ZONE, y as usize - QUIET_ZONE);
                        dark[my * width + mx] = true;
                    }
                    x += args[0] as i64;
                }
                other => panic!("unexpected command {other}"),
            }
            rest = &rest[end..];
        }
        dark
    }

    #[test]
    fn path_strokes_exactly_the_dark_modules() {
        let qr = Qr::encode("https://invest.example.gov.cn/card/wang-ming/").unwrap();
        assert_eq!(stroked(&qr.svg_path(), qr.width), qr.dark);
        assert!(qr.svg_path().len() < 2500, "{}", qr.svg_path().len());
    }

    #[test]
    fn png_is_small_and_square() {
        let qr = Qr::encode("https://example.org/card/a/").unwrap();
        let png = qr.png(8);
        let decoded = image::load_from_memory(&png).unwrap();
        assert_eq!(decoded.width(), qr.size() as u32 * 8);
        assert_eq!(decoded.height(), decoded.width());
        assert!(png.len() < 3000, "{}", png.len());
    }
}
