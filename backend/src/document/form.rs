//! Forms the citizen prints and signs (self-declarations): text that flows over as many
//! A4 pages as it needs, with a light letterhead, page numbers, no seal and no signature
//! of ours. Same fonts, canvas and line breaker as the certificates.

use super::fonts::{encode_winansi, Font};
use super::layout::{Canvas, WrappedText};
use super::model::{Align, Metadata, Paragraph, Run, Table};
use super::render::{
    column_widths, letter_spaced, paint_row, wrap_table, RowStyle, MARGIN, PAGE_HEIGHT, PAGE_WIDTH,
    TEXT_WIDTH,
};
use super::DocumentError;

#[derive(Debug, Clone, PartialEq)]
pub struct FormDocument {
    /// "COMUNE DI VALDORIA - Ufficio Servizi Demografici", small, at the top of each page.
    pub letterhead: String,
    pub title: String,
    /// Centred under the title: the legal basis, the form's subject.
    pub subtitles: Vec<String>,
    pub blocks: Vec<Block>,
    /// Left of the page number on every page: "Modulo n. … generato il …".
    pub footer: String,
    pub metadata: Metadata,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Paragraph),
    /// "D I C H I A R A", centred.
    Keyword(String),
    Table(Table),
    /// Place and date on the left, the signer and a line to sign on the right; never
    /// split from the paragraph before it.
    Signature {
        place_and_date: String,
        signer: String,
    },
    /// Bold lines in a frame: what must be done before handing the form over.
    Boxed(Vec<String>),
    Heading(String),
    SmallPrint(String),
}

const BODY_SIZE: f32 = 10.5;
const BODY_LEADING: f32 = 15.0;
const SMALL_SIZE: f32 = 8.0;
const SMALL_LEADING: f32 = 10.0;
const TOP: f32 = PAGE_HEIGHT - 40.0;
/// Text stops here; the footer sits below.
const BOTTOM: f32 = 60.0;
const SIGNATURE_HEIGHT: f32 = 62.0;

/// Lays the form out page by page; returns each page's content stream.
pub fn render_pages(doc: &FormDocument) -> Result<Vec<Vec<u8>>, DocumentError> {
    let mut flow = Flow::new(doc)?;
    let center = PAGE_WIDTH / 2.0;
    flow.y -= 10.0;
    flow.canvas.centered_text(
        Font::HelveticaBold,
        13.0,
        center,
        flow.y,
        &encode_winansi(&doc.title)?,
    );
    for line in &doc.subtitles {
        flow.y -= 14.0;
        flow.canvas
            .centered_text(Font::Helvetica, 9.5, center, flow.y, &encode_winansi(line)?);
    }
    flow.y -= 26.0;
    for block in &doc.blocks {
        match block {
            Block::Paragraph(p) => {
                flow.paragraph(&p.runs, p.align, BODY_SIZE, BODY_LEADING)?;
                flow.y -= 5.0;
            }
            Block::Keyword(word) => {
                flow.ensure(40.0);
                flow.y -= 8.0;
                flow.canvas.centered_text(
                    Font::HelveticaBold,
                    12.5,
                    center,
                    flow.y,
                    &letter_spaced(&encode_winansi(word)?),
                );
                flow.y -= 24.0;
            }
            Block::Table(table) => flow.table(table)?,
            Block::Signature {
                place_and_date,
                signer,
            } => {
                flow.ensure(SIGNATURE_HEIGHT + 10.0);
                flow.signature(place_and_date, signer)?;
            }
            Block::Boxed(lines) => flow.boxed(lines)?,
            Block::Heading(text) => {
                flow.ensure(40.0);
                flow.y -= 6.0;
                flow.canvas.text(
                    Font::HelveticaBold,
                    8.5,
                    MARGIN,
                    flow.y,
                    &encode_winansi(text)?,
                );
                flow.y -= 12.0;
            }
            Block::SmallPrint(text) => {
                flow.paragraph(
                    &[Run::normal(text.as_str())],
                    Align::Justify,
                    SMALL_SIZE,
                    SMALL_LEADING,
                )?;
                flow.y -= 3.0;
            }
        }
    }
    flow.finish(&doc.footer)
}

struct Flow {
    pages: Vec<Canvas>,
    canvas: Canvas,
    y: f32,
    letterhead: Vec<u8>,
}

impl Flow {
    fn new(doc: &FormDocument) -> Result<Self, DocumentError> {
        let mut flow = Self {
            pages: Vec::new(),
            canvas: Canvas::with_capacity(8 * 1024),
            y: TOP,
            letterhead: encode_winansi(&doc.letterhead)?,
        };
        flow.start_page();
        Ok(flow)
    }

    fn start_page(&mut self) {
        self.canvas
            .text(Font::Helvetica, 8.0, MARGIN, TOP, &self.letterhead);
        self.canvas
            .line_segment((MARGIN, TOP - 5.0), (PAGE_WIDTH - MARGIN, TOP - 5.0), 0.4);
        self.y = TOP - 24.0;
    }

    fn new_page(&mut self) {
        let full = std::mem::replace(&mut self.canvas, Canvas::with_capacity(8 * 1024));
        self.pages.push(full);
        self.start_page();
    }

    /// Moves to a new page unless `height` points still fit on this one.
    fn ensure(&mut self, height: f32) {
        if self.y - height < BOTTOM {
            self.new_page();
        }
    }

    /// A paragraph that continues on the next page when this one is full.
    fn paragraph(
        &mut self,
        runs: &[Run],
        align: Align,
        size: f32,
        leading: f32,
    ) -> Result<(), DocumentError> {
        let wrapped = WrappedText::new(runs, size, TEXT_WIDTH)?;
        let total = wrapped.line_count();
        let mut drawn = 0;
        while drawn < total {
            let room = (((self.y - BOTTOM) / leading).floor().max(0.0) as usize) + 1;
            // Two lines at least, so that no line is left alone at a page's foot.
            if room < 2.min(total - drawn) || (self.y - BOTTOM) < 0.0 {
                self.new_page();
                continue;
            }
            let end = (drawn + room).min(total);
            self.y = wrapped.draw_lines(
                &mut self.canvas,
                MARGIN,
                self.y,
                TEXT_WIDTH,
                leading,
                align,
                drawn..end,
            );
            drawn = end;
            if drawn < total {
                self.new_page();
            }
        }
        Ok(())
    }

    /// The header row repeats on each page the table runs onto.
    fn table(&mut self, table: &Table) -> Result<(), DocumentError> {
        let style = RowStyle {
            size: 8.5,
            leading: 10.5,
            padding: 3.0,
        };
        let widths = column_widths(table);
        let (header, rows) = wrap_table(table, &widths, &style)?;
        let min_row = rows.first().map_or(header.height, |r| r.height.max(16.0));
        self.ensure(header.height + min_row);
        self.y += BODY_SIZE - 2.0;
        self.y = paint_row(
            &mut self.canvas,
            &header,
            &widths,
            self.y,
            &style,
            Some(0.9),
        );
        for row in &rows {
            let height = row.height.max(16.0);
            if self.y - height < BOTTOM {
                self.new_page();
                self.y = paint_row(
                    &mut self.canvas,
                    &header,
                    &widths,
                    self.y,
                    &style,
                    Some(0.9),
                );
            }
            paint_row(&mut self.canvas, row, &widths, self.y, &style, None);
            self.y -= height;
            self.canvas
                .line_segment((MARGIN, self.y), (PAGE_WIDTH - MARGIN, self.y), 0.3);
        }
        self.y -= 18.0;
        Ok(())
    }

    fn signature(&mut self, place_and_date: &str, signer: &str) -> Result<(), DocumentError> {
        self.y -= 14.0;
        self.canvas.text(
            Font::Helvetica,
            BODY_SIZE,
            MARGIN,
            self.y,
            &encode_winansi(place_and_date)?,
        );
        let center = MARGIN + TEXT_WIDTH * 0.75;
        self.canvas.centered_text(
            Font::HelveticaBold,
            10.0,
            center,
            self.y,
            &encode_winansi(signer)?,
        );
        self.y -= 30.0;
        let half = TEXT_WIDTH * 0.2;
        self.canvas
            .line_segment((center - half, self.y), (center + half, self.y), 0.6);
        self.y -= 10.0;
        self.canvas.centered_text(
            Font::Helvetica,
            7.5,
            center,
            self.y,
            &encode_winansi("(firma per esteso e leggibile)")?,
        );
        self.y -= 18.0;
        Ok(())
    }

    fn boxed(&mut self, lines: &[String]) -> Result<(), DocumentError> {
        let inner = TEXT_WIDTH - 16.0;
        let wrapped = lines
            .iter()
            .map(|l| WrappedText::new(&[Run::bold(l.as_str())], 9.0, inner))
            .collect::<Result<Vec<_>, _>>()?;
        let leading = 12.0;
        let lines_total: usize = wrapped.iter().map(WrappedText::line_count).sum();
        let height = lines_total as f32 * leading + (wrapped.len() - 1) as f32 * 4.0 + 14.0;
        self.ensure(height + 6.0);
        let top = self.y + 2.0;
        let mut y = top - 7.0 - 9.0;
        for text in &wrapped {
            y = text.draw(
                &mut self.canvas,
                MARGIN + 8.0,
                y,
                inner,
                leading,
                Align::Left,
            ) - 4.0;
        }
        let bottom = top - height;
        self.canvas
            .line_segment((MARGIN, top), (PAGE_WIDTH - MARGIN, top), 0.8);
        self.canvas
            .line_segment((MARGIN, bottom), (PAGE_WIDTH - MARGIN, bottom), 0.8);
        self.canvas
            .line_segment((MARGIN, top), (MARGIN, bottom), 0.8);
        self.canvas.line_segment(
            (PAGE_WIDTH - MARGIN, top),
            (PAGE_WIDTH - MARGIN, bottom),
            0.8,
        );
        self.y = bottom - 16.0;
        Ok(())
    }

    /// Closes the last page and writes "Pagina i di n" and the footer on each.
    fn finish(mut self, footer: &str) -> Result<Vec<Vec<u8>>, DocumentError> {
        self.pages.push(self.canvas);
        let count = self.pages.len();
        let footer = encode_winansi(footer)?;
        Ok(self
            .pages
            .into_iter()
            .enumerate()
            .map(|(index, mut page)| {
                page.line_segment((MARGIN, 42.0), (PAGE_WIDTH - MARGIN, 42.0), 0.3);
                page.text(Font::Helvetica, 7.0, MARGIN, 32.0, &footer);
                let number = format!("Pagina {} di {count}", index + 1);
                let width = Font::Helvetica.width(number.as_bytes(), 7.0);
                page.text(
                    Font::Helvetica,
                    7.0,
                    PAGE_WIDTH - MARGIN - width,
                    32.0,
                    number.as_bytes(),
                );
                page.into_bytes()
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone as _, Utc};

    use super::*;
    use crate::document::model::Column;

    fn doc(paragraphs: usize) -> FormDocument {
        let mut blocks = vec![Block::Keyword("DICHIARA".into())];
        for i in 0..paragraphs {
            blocks.push(Block::Paragraph(Paragraph::new(vec![Run::normal(
                format!("paragrafo {i} {}", "parola ".repeat(60)),
            )])));
        }
        blocks.push(Block::Table(Table {
            columns: vec![
                Column {
                    title: "Cognome e nome".into(),
                    weight: 2.0,
                },
                Column {
                    title: "Data".into(),
                    weight: 1.0,
                },
            ],
            rows: vec![vec!["ROSSI MARIO".into(), "12/03/1980".into()]; 3],
        }));
        blocks.push(Block::Signature {
            place_and_date: "Luogo e data".into(),
            signer: "Il dichiarante".into(),
        });
        blocks.push(Block::Boxed(vec!["Firmare prima di consegnare.".into()]));
        FormDocument {
            letterhead: "COMUNE DI VALDORIA".into(),
            title: "DICHIARAZIONE SOSTITUTIVA DI CERTIFICAZIONE".into(),
            subtitles: vec!["(art. 46 D.P.R. 445/2000)".into()],
            blocks,
            footer: "Modulo n. 1".into(),
            metadata: Metadata {
                title: "t".into(),
                author: "a".into(),
                subject: "s".into(),
                creation_date: Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap(),
            },
        }
    }

    #[test]
    fn a_short_form_is_one_page_and_a_long_one_flows_on() {
        let short = render_pages(&doc(2)).expect("renders");
        assert_eq!(short.len(), 1);
        let text = String::from_utf8_lossy(&short[0]);
        assert!(text.contains("(Pagina 1 di 1) Tj"), "{text}");
        assert!(text.contains("(D I C H I A R A) Tj"));

        let long = render_pages(&doc(25)).expect("renders");
        assert!(long.len() >= 3, "{} pages", long.len());
        for (i, page) in long.iter().enumerate() {
            let text = String::from_utf8_lossy(page);
            assert!(text.contains(&format!("(Pagina {} di {}) Tj", i + 1, long.len())));
            assert!(
                text.contains("(COMUNE DI VALDORIA) Tj"),
                "letterhead on page {i}"
            );
        }
    }

    #[test]
    fn text_outside_the_printable_alphabet_is_refused() {
        let mut d = doc(1);
        d.title = "Дом".into();
        assert!(matches!(
            render_pages(&d),
            Err(DocumentError::Unencodable(_))
        ));
    }
}
