//! A minimal content-stream writer and a line breaker: enough typesetting for one page of
//! certificate in the standard fonts.

use super::fonts::{encode_winansi, Font, Unencodable};
use super::model::{Align, Run};

/// Page content operators, built in memory.
#[derive(Debug, Default)]
pub struct Canvas {
    ops: Vec<u8>,
}

impl Canvas {
    pub fn with_capacity(bytes: usize) -> Self {
        Self {
            ops: Vec::with_capacity(bytes),
        }
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.ops
    }

    fn number(&mut self, value: f32) {
        // Two decimals are 1/7200 inch: below any printer's resolution. Written by hand:
        // `write!` made number formatting the larger part of drawing the QR.
        let hundredths = (value * 100.0).round() as i64;
        if hundredths < 0 {
            self.ops.push(b'-');
        }
        let abs = hundredths.unsigned_abs();
        self.integer(abs / 100);
        let fraction = (abs % 100) as u8;
        if fraction != 0 {
            self.ops.push(b'.');
            self.ops.push(b'0' + fraction / 10);
            if !fraction.is_multiple_of(10) {
                self.ops.push(b'0' + fraction % 10);
            }
        }
        self.ops.push(b' ');
    }

    fn integer(&mut self, value: u64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = value;
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        self.ops.extend_from_slice(&digits[at..]);
    }

    fn op(&mut self, operator: &str) {
        self.ops.extend_from_slice(operator.as_bytes());
        self.ops.push(b'\n');
    }

    fn numbers(&mut self, values: &[f32]) {
        for &v in values {
            self.number(v);
        }
    }

    fn string(&mut self, text: &[u8]) {
        self.ops.push(b'(');
        for &byte in text {
            if matches!(byte, b'(' | b')' | b'\\') {
                self.ops.push(b'\\');
            }
            self.ops.push(byte);
        }
        self.ops.extend_from_slice(b") ");
    }

    fn font(&mut self, font: Font, size: f32) {
        self.ops.push(b'/');
        self.ops.extend_from_slice(font.resource().as_bytes());
        self.ops.push(b' ');
        self.number(size);
        self.op("Tf");
    }

    /// One line of already-encoded text with its baseline starting at (x, y).
    pub fn text(&mut self, font: Font, size: f32, x: f32, y: f32, text: &[u8]) {
        self.op("BT");
        self.font(font, size);
        self.numbers(&[x, y]);
        self.op("Td");
        self.string(text);
        self.op("Tj\nET");
    }

    pub fn centered_text(&mut self, font: Font, size: f32, center_x: f32, y: f32, text: &[u8]) {
        let x = center_x - font.width(text, size) / 2.0;
        self.text(font, size, x, y, text);
    }

    /// A laid-out line: segments in possibly different fonts, spaces stretched by
    /// `word_spacing` (the `Tw` operator acts on the single-byte space).
    fn line(&mut self, size: f32, x: f32, y: f32, segments: &[(Font, Vec<u8>)], word_spacing: f32) {
        self.op("BT");
        self.numbers(&[x, y]);
        self.op("Td");
        self.number(word_spacing);
        self.op("Tw");
        for (font, bytes) in segments {
            self.font(*font, size);
            self.string(bytes);
            self.op("Tj");
        }
        // Text state outlives BT/ET: reset so the next line is not stretched.
        self.op("0 Tw\nET");
    }

    pub fn fill_rect(&mut self, x: f32, y: f32, width: f32, height: f32) {
        self.numbers(&[x, y, width, height]);
        self.op("re");
    }

    /// Fills the rectangles added since the last paint.
    pub fn fill(&mut self) {
        self.op("f");
    }

    pub fn gray_fill(&mut self, level: f32) {
        self.number(level);
        self.op("g");
    }

    pub fn line_segment(&mut self, from: (f32, f32), to: (f32, f32), width: f32) {
        self.number(width);
        self.op("w");
        self.numbers(&[from.0, from.1]);
        self.op("m");
        self.numbers(&[to.0, to.1]);
        self.op("l S");
    }

    /// A heraldic shield outline: flat top, straight sides, two curves to the point.
    pub fn shield(&mut self, center_x: f32, top: f32, width: f32, height: f32) {
        let (left, right) = (center_x - width / 2.0, center_x + width / 2.0);
        let shoulder = top - height * 0.5;
        let bottom = top - height;
        self.number(1.2);
        self.op("w");
        self.numbers(&[left, top]);
        self.op("m");
        self.numbers(&[right, top]);
        self.op("l");
        self.numbers(&[right, shoulder]);
        self.op("l");
        self.numbers(&[
            right,
            bottom + height * 0.18,
            center_x + width * 0.2,
            bottom + height * 0.05,
            center_x,
            bottom,
        ]);
        self.op("c");
        self.numbers(&[
            center_x - width * 0.2,
            bottom + height * 0.05,
            left,
            bottom + height * 0.18,
            left,
            shoulder,
        ]);
        self.op("c h S");
    }

    /// Concatenates `[a b c d e f]` to the current transformation matrix.
    pub fn transform(&mut self, matrix: [f32; 6]) {
        self.numbers(&matrix);
        self.op("cm");
    }

    pub fn save_state(&mut self) {
        self.op("q");
    }

    pub fn restore_state(&mut self) {
        self.op("Q");
    }
}

/// A word: pieces in possibly different weights with no space between them ("ROSSI,").
#[derive(Debug, Clone, PartialEq)]
struct Word {
    pieces: Vec<(Font, Vec<u8>)>,
    width: f32,
}

/// Lines of words that fit a width, ready to be drawn.
#[derive(Debug)]
pub struct WrappedText {
    lines: Vec<Vec<Word>>,
    size: f32,
    space: f32,
}

impl WrappedText {
    /// Breaks runs into lines no wider than `max_width` at `size` points, in Helvetica
    /// (bold runs in Helvetica-Bold). A word longer than a line stands alone on it.
    pub fn new(runs: &[Run], size: f32, max_width: f32) -> Result<Self, Unencodable> {
        Self::with_fonts(runs, size, max_width, Font::Helvetica, Font::HelveticaBold)
    }

    pub fn with_fonts(
        runs: &[Run],
        size: f32,
        max_width: f32,
        regular: Font,
        bold: Font,
    ) -> Result<Self, Unencodable> {
        let space = regular.width(b" ", size);
        let mut lines: Vec<Vec<Word>> = Vec::new();
        let mut line: Vec<Word> = Vec::new();
        let mut line_width = 0.0;
        for word in split_words(runs, size, regular, bold)? {
            let needed = if line.is_empty() {
                word.width
            } else {
                line_width + space + word.width
            };
            if needed > max_width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = word.width;
            } else {
                line_width = needed;
            }
            line.push(word);
        }
        if !line.is_empty() {
            lines.push(line);
        }
        Ok(Self { lines, size, space })
    }

    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// Draws the lines from the baseline `top` downwards; returns the baseline after the last.
    pub fn draw(
        &self,
        canvas: &mut Canvas,
        x: f32,
        top: f32,
        width: f32,
        leading: f32,
        align: Align,
    ) -> f32 {
        self.draw_lines(canvas, x, top, width, leading, align, 0..self.lines.len())
    }

    /// Draws some of the lines (a paragraph split across pages); justification still
    /// knows which line is the paragraph's last.
    #[allow(clippy::too_many_arguments)]
    pub fn draw_lines(
        &self,
        canvas: &mut Canvas,
        x: f32,
        top: f32,
        width: f32,
        leading: f32,
        align: Align,
        lines: std::ops::Range<usize>,
    ) -> f32 {
        let mut y = top;
        let first = lines.start;
        for (offset, words) in self.lines[lines].iter().enumerate() {
            let index = first + offset;
            let natural: f32 =
                words.iter().map(|w| w.width).sum::<f32>() + self.space * (words.len() - 1) as f32;
            let gaps = words.len().saturating_sub(1);
            let last = index + 1 == self.lines.len();
            let (offset, word_spacing) = match align {
                Align::Left => (0.0, 0.0),
                Align::Center => ((width - natural) / 2.0, 0.0),
                Align::Justify if last || gaps == 0 => (0.0, 0.0),
                Align::Justify => (0.0, ((width - natural) / gaps as f32).max(0.0)),
            };
            canvas.line(self.size, x + offset, y, &segments(words), word_spacing);
            y -= leading;
        }
        y
    }
}

/// Words joined by single spaces, consecutive pieces in the same font merged.
fn segments(words: &[Word]) -> Vec<(Font, Vec<u8>)> {
    let mut segments: Vec<(Font, Vec<u8>)> = Vec::new();
    for (index, word) in words.iter().enumerate() {
        for (piece_index, (font, bytes)) in word.pieces.iter().enumerate() {
            let space = index > 0 && piece_index == 0;
            match segments.last_mut() {
                Some((last_font, last)) if last_font == font => {
                    if space {
                        last.push(b' ');
                    }
                    last.extend_from_slice(bytes);
                }
                Some((_, last)) if space => {
                    // The space belongs to the previous font's segment: it is stretched
                    // all the same, and the next segment starts clean.
                    last.push(b' ');
                    segments.push((*font, bytes.clone()));
                }
                _ => segments.push((*font, bytes.clone())),
            }
        }
    }
    segments
}

fn split_words(
    runs: &[Run],
    size: f32,
    regular: Font,
    bold: Font,
) -> Result<Vec<Word>, Unencodable> {
    let mut words = Vec::new();
    let mut current = Word {
        pieces: Vec::new(),
        width: 0.0,
    };
    for run in runs {
        let font = if run.bold { bold } else { regular };
        let encoded = encode_winansi(&run.text)?;
        for (index, chunk) in encoded.split(|&b| b == b' ' || b == 0xa0).enumerate() {
            if index > 0 && !current.pieces.is_empty() {
                words.push(std::mem::replace(
                    &mut current,
                    Word {
                        pieces: Vec::new(),
                        width: 0.0,
                    },
                ));
            }
            if !chunk.is_empty() {
                current.width += font.width(chunk, size);
                current.pieces.push((font, chunk.to_vec()));
            }
        }
    }
    if !current.pieces.is_empty() {
        words.push(current);
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(wrapped: &WrappedText) -> Vec<String> {
        wrapped
            .lines
            .iter()
            .map(|words| {
                segments(words)
                    .iter()
                    .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
                    .collect::<String>()
            })
            .collect()
    }

    #[test]
    fn lines_break_at_spaces_within_the_measured_width() {
        let runs = [Run::normal("aaa bbb ccc ddd")];
        // "aaa bbb" is 556*6 + 278 = 3614 units, "bbb ccc" 3446 ("c" is 500).
        let wrapped = WrappedText::new(&runs, 1.0, 3.7).expect("encodable");
        assert_eq!(text_of(&wrapped), ["aaa bbb", "ccc ddd"]);
        let narrow = WrappedText::new(&runs, 1.0, 3.4).expect("encodable");
        assert_eq!(narrow.line_count(), 4);
    }

    #[test]
    fn bold_runs_join_their_neighbours_without_inventing_spaces() {
        let runs = [
            Run::normal("residente in "),
            Run::bold("VIA DELL'ÀNCORA"),
            Run::normal(", 5."),
        ];
        let wrapped = WrappedText::new(&runs, 10.0, 1000.0).expect("encodable");
        let segs = segments(&wrapped.lines[0]);
        assert_eq!(segs.len(), 3);
        assert_eq!(segs[0], (Font::Helvetica, b"residente in ".to_vec()));
        assert_eq!(segs[1].0, Font::HelveticaBold);
        assert_eq!(segs[1].1, b"VIA DELL'\xc0NCORA");
        assert_eq!(segs[2], (Font::Helvetica, b", 5.".to_vec()));
    }

    #[test]
    fn an_overlong_word_stands_alone() {
        let wrapped =
            WrappedText::new(&[Run::normal("a PRECIPITEVOLISSIMEVOLMENTE b")], 10.0, 50.0)
                .expect("ok");
        assert_eq!(text_of(&wrapped), ["a", "PRECIPITEVOLISSIMEVOLMENTE", "b"]);
    }

    #[test]
    fn justified_lines_stretch_spaces_except_the_last() {
        let runs = [Run::normal(
            "uno due tre quattro cinque sei sette otto nove dieci",
        )];
        let wrapped = WrappedText::new(&runs, 10.0, 80.0).expect("ok");
        let mut canvas = Canvas::default();
        wrapped.draw(&mut canvas, 0.0, 100.0, 80.0, 12.0, Align::Justify);
        let ops = String::from_utf8(canvas.into_bytes()).expect("ascii");
        let stretched = ops
            .lines()
            .filter(|l| l.ends_with(" Tw") && *l != "0 Tw")
            .count();
        assert!(wrapped.line_count() >= 3);
        assert_eq!(stretched, wrapped.line_count() - 1, "{ops}");
    }

    fn canvas_numbers_are_exact() {
        let mut canvas = Canvas::default();
        canvas.numbers(&[0.0, -1.25, 595.28, 10.05, 12345.0, 0.004, -0.001]);
        assert_eq!(canvas.into_bytes(), b"0 -1.25 595.28 10.05 12345 0 0 ");
    }

    #[test]
    fn strings_escape_parentheses_and_numbers_are_short() {
        let mut canvas = Canvas::default();
        canvas.text(Font::Helvetica, 10.0, 56.0, 700.5, b"a (b) \\");
        let ops = String::from_utf8(canvas.into_bytes()).expect("ascii");
        assert!(ops.contains("56 700.5 Td"), "{ops}");
        canvas_numbers_are_exact();
        assert!(ops.contains(r"(a \(b\) \\) Tj"), "{ops}");
    }
}
