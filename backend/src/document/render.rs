//! The pieces of a certificate's body (each page's first content stream: everything
//! printed except the stamp): page geometry, letterhead, table rows, small print. How they
//! flow over the pages is `pages`.

use super::fonts::{encode_winansi, Font};
use super::layout::{Canvas, WrappedText};
use super::model::{Align, CertificateDocument, CoatOfArms, Run, Table};
use super::DocumentError;

pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
/// 20 mm, as on the registry's printed forms.
pub const MARGIN: f32 = 56.69;
pub const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// The bottom band shared by the stamp (left, stream 2) and the small print (right).
pub const STAMP_BAND_TOP: f32 = 168.0;
/// Where the small print starts, right of the stamp and its quiet zone.
const NOTES_X: f32 = 200.0;

/// Coat of arms, municipality, subtitles, office; returns the baseline of the rule below.
pub(super) fn header(
    canvas: &mut Canvas,
    doc: &CertificateDocument,
    center: f32,
) -> Result<f32, DocumentError> {
    let header = &doc.header;
    let top = PAGE_HEIGHT - 36.0;
    let CoatOfArms::Placeholder { initials } = &header.coat_of_arms;
    canvas.shield(center, top, 36.0, 44.0);
    let initials = encode_winansi(initials)?;
    canvas.centered_text(Font::Times, 15.0, center, top - 24.0, &initials);

    let mut y = top - 62.0;
    canvas.centered_text(
        Font::HelveticaBold,
        15.0,
        center,
        y,
        &encode_winansi(&header.municipality)?,
    );
    for line in &header.subtitle_lines {
        y -= 13.0;
        canvas.centered_text(Font::Times, 10.5, center, y, &encode_winansi(line)?);
    }
    y -= 15.0;
    canvas.centered_text(
        Font::HelveticaBold,
        9.5,
        center,
        y,
        &encode_winansi(&header.office)?,
    );
    y -= 11.0;
    canvas.centered_text(
        Font::Helvetica,
        8.5,
        center,
        y,
        &encode_winansi(&header.office_address)?,
    );
    y -= 9.0;
    canvas.line_segment((MARGIN, y), (PAGE_WIDTH - MARGIN, y), 0.6);
    Ok(y)
}

/// "CERTIFICA" → "C E R T I F I C A", the way the keyword is set on printed certificates.
pub(super) fn letter_spaced(text: &[u8]) -> Vec<u8> {
    let mut spaced = Vec::with_capacity(text.len() * 2);
    for (index, &byte) in text.iter().enumerate() {
        if index > 0 {
            spaced.push(b' ');
        }
        spaced.push(byte);
    }
    spaced
}

/// A table row broken into lines, ready to be painted: the forms measure it first to
/// decide whether it still fits the page.
pub(super) struct WrappedRow {
    cells: Vec<WrappedText>,
    pub height: f32,
}

pub(super) struct RowStyle {
    pub size: f32,
    pub leading: f32,
    pub padding: f32,
}

pub(super) fn wrap_row(
    cells: &[Vec<Run>],
    widths: &[f32],
    style: &RowStyle,
) -> Result<WrappedRow, DocumentError> {
    let wrapped = cells
        .iter()
        .zip(widths)
        .map(|(runs, width)| WrappedText::new(runs, style.size, width - 2.0 * style.padding))
        .collect::<Result<Vec<_>, _>>()?;
    let lines = wrapped
        .iter()
        .map(WrappedText::line_count)
        .max()
        .unwrap_or(1)
        .max(1);
    Ok(WrappedRow {
        height: lines as f32 * style.leading + 2.0 * style.padding,
        cells: wrapped,
    })
}

/// Paints a wrapped row below `top`, on a grey band when `background` is given; returns
/// its bottom.
pub(super) fn paint_row(
    canvas: &mut Canvas,
    row: &WrappedRow,
    widths: &[f32],
    top: f32,
    style: &RowStyle,
    background: Option<f32>,
) -> f32 {
    if let Some(gray) = background {
        canvas.save_state();
        canvas.gray_fill(gray);
        canvas.fill_rect(MARGIN, top - row.height, TEXT_WIDTH, row.height);
        canvas.fill();
        canvas.restore_state();
    }
    let baseline = top - style.padding - style.size;
    let mut x = MARGIN;
    for (cell, width) in row.cells.iter().zip(widths) {
        cell.draw(
            canvas,
            x + style.padding,
            baseline,
            width - 2.0 * style.padding,
            style.leading,
            Align::Left,
        );
        x += width;
    }
    top - row.height
}

/// Column widths across the text width, in proportion to the columns' weights.
/// A table's header row and body rows, each wrapped into its columns: the same for every
/// document that prints a table, whatever it does at a page break.
pub(super) fn wrap_table(
    table: &Table,
    widths: &[f32],
    style: &RowStyle,
) -> Result<(WrappedRow, Vec<WrappedRow>), DocumentError> {
    let titles: Vec<Vec<Run>> = table
        .columns
        .iter()
        .map(|c| vec![Run::bold(c.title.as_str())])
        .collect();
    let header = wrap_row(&titles, widths, style)?;
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let cells: Vec<Vec<Run>> = row
                .iter()
                .map(|cell| vec![Run::normal(cell.as_str())])
                .collect();
            wrap_row(&cells, widths, style)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok((header, rows))
}

pub(super) fn column_widths(table: &Table) -> Vec<f32> {
    let total_weight: f32 = table
        .columns
        .iter()
        .map(|c| c.weight.max(0.0))
        .sum::<f32>()
        .max(f32::EPSILON);
    table
        .columns
        .iter()
        .map(|c| TEXT_WIDTH * c.weight.max(0.0) / total_weight)
        .collect()
}

/// Small print in the bottom band, right of the stamp.
pub(super) fn legal_notes(canvas: &mut Canvas, notes: &[String]) -> Result<(), DocumentError> {
    let width = PAGE_WIDTH - MARGIN - NOTES_X;
    let mut y = STAMP_BAND_TOP - 14.0;
    for note in notes {
        let wrapped = WrappedText::with_fonts(
            &[Run::normal(note.as_str())],
            7.5,
            width,
            Font::Helvetica,
            Font::HelveticaBold,
        )?;
        y = wrapped.draw(canvas, NOTES_X, y, width, 9.5, Align::Justify) - 3.0;
    }
    if y < 24.0 {
        return Err(DocumentError::DoesNotFit {
            overflow_points: 24.0 - y,
        });
    }
    Ok(())
}
