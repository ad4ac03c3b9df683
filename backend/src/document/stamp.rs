//! The digital stamp (page 1, content stream 2): the QR as vector rectangles, the ID under
//! it, and where to verify. Kept apart from the body so the seal can hash the body alone.

use qrcode::EcLevel;

use super::fonts::{encode_winansi, Font};
use super::layout::Canvas;
use super::qr;
use super::render::MARGIN;
use super::DocumentError;

/// About 40 mm: phone cameras read version-15 QR codes at this size from print.
pub const QR_SIZE: f32 = 112.0;
pub const QR_X: f32 = MARGIN;
pub const QR_Y: f32 = 48.0;

/// The stamp's content stream and the area a link annotation should cover.
pub struct Stamp {
    pub content: Vec<u8>,
    /// `[x1, y1, x2, y2]` of the QR.
    pub link_rect: [f32; 4],
}

/// Error correction M: the URL is long (the seal is ~300 characters) and Q would make the
/// modules too small to print at this size.
pub fn render_stamp(
    verify_url: &str,
    certificate_id: &str,
    public_base_url: &str,
) -> Result<Stamp, DocumentError> {
    let code = qr::encode(verify_url.as_bytes(), EcLevel::M)
        .map_err(|e| DocumentError::Qr(e.to_string()))?;
    let mut canvas = Canvas::with_capacity(24 * 1024);
    canvas.save_state();
    // In module units with y pointing down, so that each run is four small integers.
    let module = QR_SIZE / code.width as f32;
    canvas.transform([module, 0.0, 0.0, -module, QR_X, QR_Y + QR_SIZE]);
    canvas.gray_fill(0.0);
    for (row, start, length) in dark_runs(&code.dark, code.width) {
        canvas.fill_rect(start as f32, row as f32, length as f32, 1.0);
    }
    canvas.fill();
    canvas.restore_state();

    let caption = encode_winansi("Timbro digitale — ID certificato")?;
    canvas.text(Font::Helvetica, 6.5, QR_X, QR_Y - 10.0, &caption);
    canvas.text(
        Font::Courier,
        9.0,
        QR_X,
        QR_Y - 19.5,
        &encode_winansi(certificate_id)?,
    );
    let verify_at = format!(
        "Verifica: {}/verifica",
        public_base_url.trim_end_matches('/')
    );
    canvas.text(
        Font::Helvetica,
        6.5,
        QR_X,
        QR_Y - 28.0,
        &encode_winansi(&verify_at)?,
    );
    Ok(Stamp {
        content: canvas.into_bytes(),
        link_rect: [QR_X, QR_Y, QR_X + QR_SIZE, QR_Y + QR_SIZE],
    })
}

/// Horizontal runs of dark modules as (row, first column, length): one rectangle per run
/// instead of one per module roughly halves the stream and the time to draw it.
pub fn dark_runs(dark: &[bool], width: usize) -> Vec<(usize, usize, usize)> {
    let mut runs = Vec::new();
    for (row, cells) in dark.chunks(width).enumerate() {
        let mut column = 0;
        while column < cells.len() {
            if cells[column] {
                let start = column;
                while column < cells.len() && cells[column] {
                    column += 1;
                }
                runs.push((row, start, column - start));
            } else {
                column += 1;
            }
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dark_modules_merge_into_runs_per_row() {
        let (x, o) = (true, false);
        let grid = [
            x, x, o, x, /* row 1 */ o, o, o, o, /* row 2 */ x, x, x, x,
        ];
        assert_eq!(dark_runs(&grid, 4), [(0, 0, 2), (0, 3, 1), (2, 0, 4)]);
    }

    #[test]
    fn the_runs_cover_exactly_the_dark_modules() {
        let code = qr::encode(b"https://example.it/verifica/ABCD#xyz", EcLevel::M).expect("qr");
        let (width, dark) = (code.width, code.dark);
        let mut painted = vec![false; dark.len()];
        let runs = dark_runs(&dark, width);
        for &(row, start, length) in &runs {
            for cell in &mut painted[row * width + start..row * width + start + length] {
                assert!(!*cell, "runs overlap");
                *cell = true;
            }
        }
        assert_eq!(painted, dark);
        assert!(
            runs.len() * 3 < dark.iter().filter(|d| **d).count() * 2,
            "merging should save rectangles"
        );
    }

    #[test]
    fn the_stamp_prints_the_id_and_where_to_verify() {
        let stamp = render_stamp(
            "https://x.it/verifica/7KQF#abc",
            "7KQF-9XMA-2R4D-HV0C",
            "https://x.it/",
        )
        .expect("stamp");
        let text = String::from_utf8_lossy(&stamp.content);
        assert!(text.contains("(7KQF-9XMA-2R4D-HV0C) Tj"));
        assert!(text.contains("(Verifica: https://x.it/verifica) Tj"));
        assert!(
            text.contains("Timbro digitale \u{FFFD} ID certificato"),
            "the em dash is one WinAnsi byte"
        );
        assert_eq!(
            stamp.link_rect,
            [QR_X, QR_Y, QR_X + QR_SIZE, QR_Y + QR_SIZE]
        );
    }
}
