//! A certificate over as many pages as it needs. Page 1 opens with the letterhead, the
//! title and the keyword; text and the family table flow on; each continuation page
//! repeats the letterhead and names the certificate (title and ID) before the text goes on,
//! and the table its header row. Every page is numbered "Pagina N di M" and keeps the
//! bottom band free for the stamp (added to every page by `pdf`); the small print fills the
//! band of the last page, the others say that the certificate goes on.

use super::fonts::{encode_winansi, Font};
use super::layout::{Canvas, WrappedText};
use super::model::{Align, CertificateDocument, Run, Table};
use super::render::{
    column_widths, header, legal_notes, letter_spaced, paint_row, wrap_table, RowStyle, MARGIN,
    PAGE_HEIGHT, PAGE_WIDTH, STAMP_BAND_TOP, TEXT_WIDTH,
};
use super::DocumentError;

const BODY_SIZE: f32 = 10.5;
const BODY_LEADING: f32 = 15.0;
/// No baseline of the body goes below this: the stamp band and its margin.
pub const BODY_BOTTOM: f32 = STAMP_BAND_TOP + 8.0;
/// Between the table and what follows it.
const TABLE_GAP: f32 = 18.0;
/// In the band of every page but the last, where the small print would be.
pub const CONTINUES: &str = "Il presente certificato prosegue alla pagina successiva.";

/// Each page's body content stream, in page order.
pub fn render_pages(doc: &CertificateDocument) -> Result<Vec<Vec<u8>>, DocumentError> {
    let mut flow = Flow::new(doc)?;
    flow.opening()?;
    for paragraph in &doc.paragraphs {
        flow.paragraph(&paragraph.runs, paragraph.align)?;
        flow.y -= 5.0;
    }
    let closing = Closing::new(doc)?;
    if let Some(table) = &doc.table {
        flow.table(table, TABLE_GAP + closing.height)?;
        flow.y -= TABLE_GAP;
    }
    flow.closing(&closing)?;
    flow.finish()
}

/// How many of `remaining` lines fit between the baseline `y` and the body's bottom; at
/// least two must, or none is set there (no line alone at the foot of a page).
pub fn lines_that_fit(y: f32, leading: f32, remaining: usize) -> usize {
    if y < BODY_BOTTOM {
        return 0;
    }
    let room = ((y - BODY_BOTTOM) / leading).floor() as usize + 1;
    if room < 2.min(remaining) {
        0
    } else {
        room.min(remaining)
    }
}

/// The usage line, place and date, the officer, measured before they are set.
struct Closing {
    usage: WrappedText,
    /// From the first baseline to the last.
    height: f32,
}

impl Closing {
    fn new(doc: &CertificateDocument) -> Result<Self, DocumentError> {
        let usage = WrappedText::new(&[Run::normal(doc.usage_line.as_str())], 9.5, TEXT_WIDTH)?;
        let officer_lines = if doc.officer_name.is_some() { 1.0 } else { 0.0 };
        let height = usage.line_count() as f32 * 13.0 + 14.0 + officer_lines * 14.0;
        Ok(Self { usage, height })
    }
}

struct Flow<'a> {
    doc: &'a CertificateDocument,
    pages: Vec<Canvas>,
    canvas: Canvas,
    /// The next baseline.
    y: f32,
}

impl<'a> Flow<'a> {
    fn new(doc: &'a CertificateDocument) -> Result<Self, DocumentError> {
        let mut canvas = Canvas::with_capacity(6 * 1024);
        let y = header(&mut canvas, doc, PAGE_WIDTH / 2.0)?;
        Ok(Self {
            doc,
            pages: Vec::new(),
            canvas,
            y,
        })
    }

    /// Title, preamble and keyword: the top of page 1.
    fn opening(&mut self) -> Result<(), DocumentError> {
        let center = PAGE_WIDTH / 2.0;
        self.y -= 30.0;
        self.canvas.centered_text(
            Font::HelveticaBold,
            13.0,
            center,
            self.y,
            &encode_winansi(&self.doc.title)?,
        );
        self.y -= 8.0;
        for line in &self.doc.preamble {
            self.y -= 15.0;
            self.canvas.centered_text(
                Font::Helvetica,
                10.5,
                center,
                self.y,
                &encode_winansi(line)?,
            );
        }
        self.y -= 24.0;
        self.canvas.centered_text(
            Font::HelveticaBold,
            12.5,
            center,
            self.y,
            &letter_spaced(&encode_winansi(&self.doc.keyword)?),
        );
        self.y -= 24.0;
        Ok(())
    }

    /// Closes the page and opens the next: letterhead, then which certificate goes on.
    fn new_page(&mut self) -> Result<(), DocumentError> {
        let full = std::mem::replace(&mut self.canvas, Canvas::with_capacity(6 * 1024));
        self.pages.push(full);
        let center = PAGE_WIDTH / 2.0;
        self.y = header(&mut self.canvas, self.doc, center)? - 24.0;
        self.canvas.centered_text(
            Font::HelveticaBold,
            11.0,
            center,
            self.y,
            &encode_winansi(&self.doc.title)?,
        );
        self.y -= 13.0;
        let continued = format!(
            "Certificato n. {} - segue dalla pagina precedente",
            self.doc.certificate_id
        );
        self.canvas.centered_text(
            Font::Helvetica,
            8.5,
            center,
            self.y,
            &encode_winansi(&continued)?,
        );
        self.y -= 26.0;
        Ok(())
    }

    fn paragraph(&mut self, runs: &[Run], align: Align) -> Result<(), DocumentError> {
        let wrapped = WrappedText::new(runs, BODY_SIZE, TEXT_WIDTH)?;
        let total = wrapped.line_count();
        let mut drawn = 0;
        while drawn < total {
            let fit = lines_that_fit(self.y, BODY_LEADING, total - drawn);
            if fit == 0 {
                self.new_page()?;
                continue;
            }
            self.y = wrapped.draw_lines(
                &mut self.canvas,
                MARGIN,
                self.y,
                TEXT_WIDTH,
                BODY_LEADING,
                align,
                drawn..drawn + fit,
            );
            drawn += fit;
        }
        Ok(())
    }

    /// Header row on a light grey band, rows separated by hairlines, cells wrap; long
    /// tables (large families) are set tighter. A row is never split; the header row is
    /// repeated on each page the table runs onto; the last row goes with the `after`
    /// points that follow it (the closing), so that the closing never stands alone.
    fn table(&mut self, table: &Table, after: f32) -> Result<(), DocumentError> {
        let style = if table.rows.len() > 10 {
            RowStyle {
                size: 8.0,
                leading: 9.5,
                padding: 2.0,
            }
        } else {
            RowStyle {
                size: 8.5,
                leading: 10.5,
                padding: 3.0,
            }
        };
        let widths = column_widths(table);
        let (header_row, rows) = wrap_table(table, &widths, &style)?;
        // The table's top edge sits a little above the next baseline.
        let mut top = self.y + 4.0;
        let first_row = rows.first().map_or(0.0, |r| r.height);
        if top - header_row.height - first_row < BODY_BOTTOM {
            self.new_page()?;
            top = self.y + 4.0;
        }
        top = paint_row(
            &mut self.canvas,
            &header_row,
            &widths,
            top,
            &style,
            Some(0.9),
        );
        for (index, row) in rows.iter().enumerate() {
            let also = if index + 1 == rows.len() { after } else { 0.0 };
            if top - row.height - also < BODY_BOTTOM {
                self.new_page()?;
                top = self.y + 4.0;
                top = paint_row(
                    &mut self.canvas,
                    &header_row,
                    &widths,
                    top,
                    &style,
                    Some(0.9),
                );
            }
            top = paint_row(&mut self.canvas, row, &widths, top, &style, None);
            self.canvas
                .line_segment((MARGIN, top), (PAGE_WIDTH - MARGIN, top), 0.3);
        }
        self.y = top;
        Ok(())
    }

    /// What the certificate is for, place and date, the officer: kept together.
    fn closing(&mut self, closing: &Closing) -> Result<(), DocumentError> {
        let doc = self.doc;
        if self.y - closing.height < BODY_BOTTOM {
            self.new_page()?;
        }
        self.y = closing.usage.draw(
            &mut self.canvas,
            MARGIN,
            self.y,
            TEXT_WIDTH,
            13.0,
            Align::Left,
        ) - 14.0;
        self.canvas.text(
            Font::Helvetica,
            BODY_SIZE,
            MARGIN,
            self.y,
            &encode_winansi(&doc.place_and_date)?,
        );
        let officer_center = MARGIN + TEXT_WIDTH * 0.75;
        self.canvas.centered_text(
            Font::HelveticaBold,
            10.0,
            officer_center,
            self.y,
            &encode_winansi(&doc.officer_title)?,
        );
        if let Some(name) = &doc.officer_name {
            self.y -= 14.0;
            self.canvas.centered_text(
                Font::Helvetica,
                10.0,
                officer_center,
                self.y,
                &encode_winansi(name)?,
            );
        }
        Ok(())
    }

    /// Numbers the pages; the small print on the last, "prosegue" on the others.
    fn finish(mut self) -> Result<Vec<Vec<u8>>, DocumentError> {
        self.pages.push(self.canvas);
        let count = self.pages.len();
        let mut bodies = Vec::with_capacity(count);
        for (index, mut page) in self.pages.into_iter().enumerate() {
            let number = format!("Pagina {} di {count}", index + 1);
            let width = Font::Helvetica.width(number.as_bytes(), 8.0);
            page.text(
                Font::Helvetica,
                8.0,
                PAGE_WIDTH - MARGIN - width,
                PAGE_HEIGHT - 30.0,
                number.as_bytes(),
            );
            if index + 1 == count {
                legal_notes(&mut page, &self.doc.legal_notes)?;
            } else {
                legal_notes(&mut page, &[CONTINUES.to_owned()])?;
            }
            bodies.push(page.into_bytes());
        }
        Ok(bodies)
    }
}

#[cfg(test)]
#[path = "pages_tests.rs"]
mod tests;
