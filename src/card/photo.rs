//! Profile photos and WeChat QR images: decoded once, oriented, cropped and
//! re-encoded so that no original (and none of its metadata, GPS included)
//! reaches the site.
//!
//! Re-encoding is the privacy mechanism: the encoders here write pixels only,
//! so EXIF, XMP and ICC chunks of the source are dropped without having to be
//! parsed or scrubbed one by one.

use std::fmt;
use std::io::Cursor;
use std::panic::{self, AssertUnwindSafe};

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::imageops::{self, FilterType};
use image::metadata::Orientation;
use image::{
    DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits, Rgb, RgbImage, Rgba,
};

/// Square sizes, in pixels, the card needs: card 1x, card 2x (also the vCard
/// PHOTO), and the link preview (`og:image` wants at least 300).
pub const PORTRAIT_SIZES: [u32; 3] = [96, 192, 600];

/// Quality 82 is where phone photos stop showing blocking on faces while a
/// 600 px portrait still stays well under 100 KB.
const JPEG_QUALITY: u8 = 82;

/// Larger than any phone camera, small enough that a crafted header cannot
/// make us allocate gigabytes.
const MAX_SIDE: u32 = 12_000;
const MAX_ALLOC: u64 = 512 * 1024 * 1024;

/// WeChat QR codes stay scannable from a screen at this size and no longer
/// dominate the page weight.
const QR_MAX_SIDE: u32 = 360;

/// Where the portrait crop starts in a tall photo, as a share of the spare
/// height: faces sit in the upper part of a head-and-shoulders shot.
const TOP_BIAS_PERCENT: u32 = 15;

pub struct Portrait {
    /// JPEG bytes per size in `PORTRAIT_SIZES` order.
    pub jpegs: Vec<(u32, Vec<u8>)>,
    /// Size of the source after orientation, for the "too small" warning.
    pub source_width: u32,
    pub source_height: u32,
}

#[derive(Debug)]
pub enum PhotoError {
    /// Recognised but not decodable here (HEIC/HEIF, AVIF, TIFF, GIF, BMP...).
    Unsupported(&'static str),
    /// Not an image we know at all.
    Unknown,
    /// Corrupt or truncated data; the decoder's message.
    Corrupt(String),
    /// Dimensions beyond the limits (width, height); refusing them protects
    /// the build against decompression bombs.
    TooLarge(u32, u32),
}

impl fmt::Display for PhotoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unsupported(format) => {
                write!(f, "the file is a {format} image, which hui cannot read")
            }
            Self::Unknown => f.write_str("the file is not an image hui recognises"),
            Self::Corrupt(reason) => write!(f, "the image is damaged or incomplete: {reason}"),
            Self::TooLarge(w, h) => {
                write!(
                    f,
                    "the image is {w} × {h} pixels, too large to decode safely"
                )
            }
        }
    }
}

impl std::error::Error for PhotoError {}

impl PhotoError {
    /// How to fix it, phrased for whoever maintains the official's entry.
    pub fn hint(&self) -> &'static str {
        match self {
            // iPhones save HEIC by default, so this is by far the common case.
            Self::Unsupported("HEIC") => {
                "export the photo as JPEG (on an iPhone: Settings → Camera → Formats → \
                 Most Compatible) and point the card at the .jpg"
            }
            Self::Unsupported(_) => "convert the image to JPEG or PNG and point the card at it",
            Self::Unknown => {
                "use a JPEG, PNG or WebP file; check that the path names the picture itself, \
                 not a document or web page that contains it"
            }
            Self::Corrupt(_) => {
                "open the file in an image viewer; if it does not display fully, \
                 copy or export it again from the original"
            }
            Self::TooLarge(..) => "resize the image; 1200 pixels on the longest side is plenty",
        }
    }
}

/// Decodes a JPEG, PNG or WebP photo, applies its EXIF orientation, crops it
/// to a square and encodes each of `PORTRAIT_SIZES` as a baseline JPEG.
///
/// Smaller sources are upscaled rather than rejected: a soft photo is better
/// than none, and `source_width`/`source_height` let the caller warn.
pub fn portrait(bytes: &[u8]) -> Result<Portrait, PhotoError> {
    let image = decode_oriented(bytes)?;
    let (source_width, source_height) = (image.width(), image.height());
    let mut source = flatten_onto_white(square_crop(&image));
    let mut jpegs = Vec::new();
    for &size in PORTRAIT_SIZES.iter().rev() {
        // Lanczos3 keeps eyes and hair sharp but costs about 130 ms per pass
        // on a 12 MP photo (release build), so each smaller size is resampled
        // from the previous, already small, one.
        let resized = imageops::resize(&source, size, size, FilterType::Lanczos3);
        jpegs.push((size, encode_jpeg(&resized)?));
        if resized.width() < source.width() {
            source = resized;
        }
    }
    jpegs.reverse();
    Ok(Portrait {
        jpegs,
        source_width,
        source_height,
    })
}

/// Shrinks a WeChat QR image to at most `QR_MAX_SIDE` on its longest side,
/// in grayscale, as PNG: JPEG artefacts around the modules break scanning.
///
/// The QR is often a photo or screenshot rather than crisp modules, so it is
/// resampled with a smoothing filter; nearest-neighbour would alias it.
pub fn wechat_qr(bytes: &[u8]) -> Result<Vec<u8>, PhotoError> {
    // Flatten first: a transparent PNG has black "invisible" pixels, and a
    // plain grayscale conversion would turn the whole code black.
    let gray = DynamicImage::ImageRgb8(flatten_onto_white(decode_oriented(bytes)?)).grayscale();
    let gray = if gray.width().max(gray.height()) > QR_MAX_SIDE {
        // `resize` keeps the aspect ratio within the bounding square.
        gray.resize(QR_MAX_SIDE, QR_MAX_SIDE, FilterType::CatmullRom)
    } else {
        gray
    };
    let mut out = Vec::new();
    let encoder =
        PngEncoder::new_with_quality(&mut out, CompressionType::Best, PngFilter::Adaptive);
    gray.write_with_encoder(encoder).map_err(corrupt)?;
    Ok(out)
}

/// Identifies the format from magic numbers, because the file name says what
/// the official's phone called it, not what it is.
fn sniff(bytes: &[u8]) -> Result<ImageFormat, PhotoError> {
    let at = |offset: usize, magic: &[u8]| bytes.get(offset..offset + magic.len()) == Some(magic);
    let unsupported = |name| Err(PhotoError::Unsupported(name));
    if at(0, b"\xFF\xD8\xFF") {
        Ok(ImageFormat::Jpeg)
    } else if at(0, b"\x89PNG\r\n\x1A\n") {
        Ok(ImageFormat::Png)
    } else if at(0, b"RIFF") && at(8, b"WEBP") {
        Ok(ImageFormat::WebP)
    } else if at(4, b"ftyp") {
        unsupported(iso_media_format(bytes).ok_or(PhotoError::Unknown)?)
    } else if at(0, b"GIF87a") || at(0, b"GIF89a") {
        unsupported("GIF")
    } else if at(0, b"II*\0") || at(0, b"MM\0*") {
        unsupported("TIFF")
    } else if at(0, b"BM") {
        unsupported("BMP")
    } else if at(0, b"\xFF\x0A") || at(4, b"JXL ") {
        unsupported("JPEG XL")
    } else {
        Err(PhotoError::Unknown)
    }
}

/// Tells HEIC from AVIF by the brands of an ISO media `ftyp` box. Both may
/// carry the generic `mif1` brand, so an `avif` brand anywhere wins; other
/// `ftyp` files (MP4, MOV) are videos, not images.
fn iso_media_format(bytes: &[u8]) -> Option<&'static str> {
    let box_len = u32::from_be_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
    let ftyp = bytes.get(8..box_len.clamp(8, bytes.len()))?;
    let brands: Vec<&[u8]> = ftyp.chunks_exact(4).collect();
    let has = |names: &[&[u8]]| brands.iter().any(|brand| names.contains(brand));
    if has(&[b"avif", b"avis"]) {
        Some("AVIF")
    } else if has(&[
        b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1",
    ]) {
        Some("HEIC")
    } else {
        None
    }
}

/// Decodes and orients. Image decoders are large parsers of hostile input, so
/// a panic in one becomes `Corrupt` instead of ending the whole build.
fn decode_oriented(bytes: &[u8]) -> Result<DynamicImage, PhotoError> {
    let format = sniff(bytes)?;
    if format == ImageFormat::Jpeg && !jpeg_reaches_eoi(bytes) {
        return Err(PhotoError::Corrupt(
            "the JPEG data stops before the image ends".to_owned(),
        ));
    }
    DECODING.with(|d| d.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| decode_limited(bytes, format)));
    DECODING.with(|d| d.set(false));
    result.unwrap_or_else(|_| {
        Err(PhotoError::Corrupt(
            "the decoder crashed on this file".to_owned(),
        ))
    })
}

thread_local! {
    /// Set while a decoder runs under `catch_unwind`: its panics are caught
    /// and reported as a damaged file, so a panic hook should stay quiet.
    static DECODING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a panic on this thread comes from a decoder whose panics are
/// caught (see [`DECODING`]).
pub fn panic_is_contained() -> bool {
    DECODING.with(|d| d.get())
}

/// Reads the header, refuses oversized images before any pixel buffer is
/// allocated, then decodes and applies the EXIF orientation.
fn decode_limited(bytes: &[u8], format: ImageFormat) -> Result<DynamicImage, PhotoError> {
    // Only the allocation cap goes in up front: if the dimension limits were
    // set here, `into_decoder` would fail without telling us the dimensions.
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits(None));
    let mut decoder = reader.into_decoder().map_err(corrupt)?;
    let (width, height) = decoder.dimensions();
    let too_large = |_| PhotoError::TooLarge(width, height);
    let mut limits = limits(Some(MAX_SIDE));
    limits.check_dimensions(width, height).map_err(too_large)?;
    limits.reserve(decoder.total_bytes()).map_err(too_large)?;
    decoder.set_limits(limits).map_err(too_large)?;
    // A malformed EXIF block should not cost the official their photo.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|error| match error {
        ImageError::Limits(_) => PhotoError::TooLarge(width, height),
        error => corrupt(error),
    })?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// `image` runs its JPEG decoder in lenient mode, which paints a cut-off scan
/// grey instead of failing, so a half-copied photo would be published as is.
/// Walking the segments to the end-of-image marker catches that; data after
/// it (the video of a "motion photo") is ignored, as decoders do.
fn jpeg_reaches_eoi(bytes: &[u8]) -> bool {
    let mut at = 2;
    while let Some(&[first, marker]) = bytes.get(at..at + 2) {
        if first != 0xFF || marker == 0xFF {
            at += 1; // a fill byte, or a stray byte between segments
            continue;
        }
        at += match marker {
            0xD9 => return true,
            0x01 | 0xD0..=0xD7 => 2,
            _ => match bytes.get(at + 2..at + 4) {
                Some(&[high, low]) => 2 + usize::from(u16::from_be_bytes([high, low])),
                _ => return false,
            },
        };
        if marker == 0xDA {
            // Entropy-coded data runs to the first marker that is neither a
            // stuffed 0xFF00 nor a restart marker.
            let scan = bytes.get(at..).unwrap_or_default();
            at += scan
                .windows(2)
                .position(|pair| pair[0] == 0xFF && !matches!(pair[1], 0x00 | 0xD0..=0xD7))
                .unwrap_or(scan.len());
        }
    }
    false
}

/// `Limits` is `#[non_exhaustive]`, so it has to be built by mutation.
fn limits(max_side: Option<u32>) -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = max_side;
    limits.max_image_height = max_side;
    limits.max_alloc = Some(MAX_ALLOC);
    limits
}

fn corrupt(error: ImageError) -> PhotoError {
    // Some decoder messages end in a newline, which would break the report.
    PhotoError::Corrupt(error.to_string().trim_end().to_owned())
}

/// The largest centred square; in a tall image it starts near the top so the
/// face, not the chest, ends up in the middle of the card.
fn square_crop(image: &DynamicImage) -> DynamicImage {
    let (width, height) = (image.width(), image.height());
    let side = width.min(height);
    let x = (width - side) / 2;
    let y = (height - side) * TOP_BIAS_PERCENT / 100;
    image.crop_imm(x, y, side, side)
}

/// JPEG has no alpha, and a transparent PNG's hidden pixels are usually black,
/// so transparency is composited onto white, the card's background.
fn flatten_onto_white(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let Rgba([r, g, b, a]) = *rgba.get_pixel(x, y);
        let (a, inverse) = (u32::from(a), 255 - u32::from(a));
        let over_white = |c: u8| ((u32::from(c) * a + 255 * inverse + 127) / 255) as u8;
        Rgb([over_white(r), over_white(g), over_white(b)])
    })
}

/// Baseline JPEG with no metadata segments: `JpegEncoder` writes only JFIF
/// unless EXIF or ICC data is handed to it explicitly.
fn encode_jpeg(image: &RgbImage) -> Result<Vec<u8>, PhotoError> {
    let mut out = Vec::new();
    image
        .write_with_encoder(JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY))
        .map_err(corrupt)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{GenericImageView, GrayImage, Luma, RgbaImage};

    const RED: Rgb<u8> = Rgb([255, 0, 0]);
    const BLUE: Rgb<u8> = Rgb([0, 0, 255]);
    const GREEN: Rgb<u8> = Rgb([0, 255, 0]);

    fn jpeg_of(width: u32, height: u32, paint: impl Fn(u32, u32) -> Rgb<u8>) -> Vec<u8> {
        encode_jpeg(&RgbImage::from_fn(width, height, paint)).unwrap()
    }

    fn png_of(image: DynamicImage) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        image.write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack
            .windows(needle.len())
            .any(|window| window == needle)
    }

    /// Whether a pixel of an encoded image is `colour`, give or take JPEG loss.
    fn is(colour: Rgb<u8>, encoded: &[u8], x: u32, y: u32) -> bool {
        let pixel = *image::load_from_memory(encoded)
            .unwrap()
            .to_rgb8()
            .get_pixel(x, y);
        pixel
            .0
            .iter()
            .zip(colour.0)
            .all(|(&got, want)| got.abs_diff(want) < 60)
    }

    fn largest(portrait: &Portrait) -> &[u8] {
        &portrait.jpegs.last().unwrap().1
    }

    #[test]
    fn photo_becomes_square_jpegs_without_metadata() {
        // The 50 green columns on the left fall outside the centred square.
        let source = jpeg_of(400, 300, |x, _| match x {
            0..50 => GREEN,
            50..200 => RED,
            _ => BLUE,
        });
        let portrait = portrait(&source).unwrap();
        assert_eq!((portrait.source_width, portrait.source_height), (400, 300));
        let sizes: Vec<u32> = portrait.jpegs.iter().map(|(size, _)| *size).collect();
        assert_eq!(sizes, PORTRAIT_SIZES);
        for (size, jpeg) in &portrait.jpegs {
            assert!(jpeg.starts_with(&[0xFF, 0xD8]));
            assert!(contains(jpeg, &[0xFF, 0xC0]), "not baseline");
            assert!(!contains(jpeg, b"Exif") && !contains(jpeg, &[0xFF, 0xE1]));
            let decoded = image::load_from_memory(jpeg).unwrap();
            assert_eq!(decoded.dimensions(), (*size, *size));
        }
        assert!(is(RED, largest(&portrait), 20, 300));
        assert!(is(BLUE, largest(&portrait), 500, 300));
    }

    /// An APP1 segment with Orientation = 6 and a GPS IFD holding `gps`.
    fn exif_segment(gps: &[u8]) -> Vec<u8> {
        let mut tiff = b"MM\0\x2A\0\0\0\x08".to_vec();
        tiff.extend([0, 2]); // IFD0: two entries
        tiff.extend([0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]); // Orientation = 6
        tiff.extend([0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 38]); // GPS IFD at 38
        tiff.extend([0, 0, 0, 0]); // no IFD1
        tiff.extend(gps);
        let mut segment = vec![0xFF, 0xE1];
        segment.extend(u16::try_from(2 + 6 + tiff.len()).unwrap().to_be_bytes());
        segment.extend(b"Exif\0\0");
        segment.extend(tiff);
        segment
    }

    #[test]
    fn exif_orientation_is_applied_and_gps_is_dropped() {
        // GPS IFD: one entry, GPSLatitudeRef = "N".
        let gps = [0, 1, 0, 1, 0, 2, 0, 0, 0, 2, b'N', 0, 0, 0, 0, 0, 0, 0];
        let plain = jpeg_of(200, 100, |_, y| if y < 50 { RED } else { BLUE });
        let mut source = plain[..2].to_vec();
        source.extend(exif_segment(&gps));
        source.extend(&plain[2..]);
        assert!(contains(&source, &gps));

        let portrait = portrait(&source).unwrap();
        assert_eq!((portrait.source_width, portrait.source_height), (100, 200));
        for (_, jpeg) in &portrait.jpegs {
            assert!(!contains(jpeg, b"Exif") && !contains(jpeg, &gps));
        }
        // Rotated 90° clockwise: the red top is now the right side.
        assert!(is(BLUE, largest(&portrait), 100, 300));
        assert!(is(RED, largest(&portrait), 500, 300));
    }

    #[test]
    fn tall_photo_is_cropped_near_the_top() {
        let source = jpeg_of(100, 300, |_, y| if y < 60 { GREEN } else { BLUE });
        let portrait = portrait(&source).unwrap();
        // The square starts at row 30 (15% of the 200 spare rows), so rows
        // 30..60 of the band fill the top 30% of the output.
        assert!(is(GREEN, largest(&portrait), 300, 60));
        assert!(is(BLUE, largest(&portrait), 300, 300));
    }

    #[test]
    fn transparency_is_flattened_onto_white() {
        let source = RgbaImage::from_fn(50, 50, |x, _| {
            if x < 25 {
                Rgba([0, 0, 0, 0])
            } else {
                Rgba([0, 0, 255, 255])
            }
        });
        let portrait = portrait(&png_of(DynamicImage::ImageRgba8(source))).unwrap();
        assert!(is(Rgb([255, 255, 255]), largest(&portrait), 100, 300));
        assert!(is(BLUE, largest(&portrait), 500, 300));
    }

    #[test]
    fn heic_is_named_and_the_hint_says_jpeg() {
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic\0\0\0\0";
        let error = portrait(heic).err().unwrap();
        assert!(
            matches!(error, PhotoError::Unsupported("HEIC")),
            "{error:?}"
        );
        assert!(error.hint().contains("JPEG"));
        assert_eq!(
            error.to_string(),
            "the file is a HEIC image, which hui cannot read"
        );
        let avif = b"\0\0\0\x1Cftypmif1\0\0\0\0mif1avifmiaf";
        assert!(matches!(
            portrait(avif),
            Err(PhotoError::Unsupported("AVIF"))
        ));
        assert!(matches!(
            portrait(b"GIF89a\x01\0"),
            Err(PhotoError::Unsupported("GIF"))
        ));
    }

    #[test]
    fn random_bytes_are_unknown() {
        let noise: Vec<u8> = (0u32..4096)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert!(matches!(portrait(&noise), Err(PhotoError::Unknown)));
        assert!(matches!(wechat_qr(b""), Err(PhotoError::Unknown)));
    }

    #[test]
    fn truncated_jpeg_is_corrupt() {
        let source = jpeg_of(64, 64, |x, y| Rgb([x as u8 * 4, y as u8 * 4, 0]));
        // Cut in the headers, and in the scan, which `image` alone accepts.
        for cut in [source.len() / 4, source.len() * 3 / 4] {
            let result = portrait(&source[..cut]);
            assert!(
                matches!(result, Err(PhotoError::Corrupt(_))),
                "{cut}: {:?}",
                result.err()
            );
        }
        // Data after the end marker, like the video of a motion photo, is fine.
        assert!(portrait(&[source, b"\0\0\0\x18ftypmp42".to_vec()].concat()).is_ok());
    }

    fn crc32(bytes: &[u8]) -> u32 {
        !bytes.iter().fold(!0u32, |crc, &byte| {
            (0..8).fold(crc ^ u32::from(byte), |c, _| {
                (c >> 1) ^ (0xEDB8_8320 & (c & 1).wrapping_neg())
            })
        })
    }

    #[test]
    fn decompression_bomb_is_refused_before_allocating() {
        let mut png = png_of(DynamicImage::new_luma8(1, 1));
        // Rewrite IHDR (bytes 16..29 after the length) to claim 100000×100000.
        png[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        png[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        let crc = crc32(&png[12..29]);
        png[29..33].copy_from_slice(&crc.to_be_bytes());
        let result = portrait(&png);
        assert!(
            matches!(result, Err(PhotoError::TooLarge(100_000, 100_000))),
            "{:?}",
            result.err()
        );
    }

    fn qr_like(side: u32) -> Vec<u8> {
        // A 25×25 checkerboard of "modules".
        let module = |v: u32| v * 25 / side;
        let modules = GrayImage::from_fn(side, side, |x, y| {
            Luma([((module(x) ^ module(y)) & 1) as u8 * 255])
        });
        png_of(DynamicImage::ImageLuma8(modules))
    }

    #[test]
    fn wechat_qr_is_shrunk_to_a_grayscale_png() {
        let qr = wechat_qr(&qr_like(1000)).unwrap();
        assert!(qr.starts_with(b"\x89PNG"));
        let decoded = image::load_from_memory(&qr).unwrap();
        assert_eq!(decoded.dimensions(), (360, 360));
        assert_eq!(decoded.color(), image::ColorType::L8);
    }

    #[test]
    fn small_wechat_qr_keeps_its_size() {
        let qr = wechat_qr(&qr_like(200)).unwrap();
        assert_eq!(
            image::load_from_memory(&qr).unwrap().dimensions(),
            (200, 200)
        );
    }
}
