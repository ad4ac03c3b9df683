//! The QR matrix. The `qrcode` crate encodes; the mask is chosen here, because the crate's
//! own penalty scoring allocates per module and took ~3 ms for a version-16 symbol, more than
//! the rest of a certificate together.

use qrcode::bits::encode_auto;
use qrcode::canvas::{Canvas, MaskPattern, Module};
use qrcode::ec::construct_codewords;
use qrcode::{Color, EcLevel};

const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// A square of modules, row by row from the top; `true` is dark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    pub width: usize,
    pub dark: Vec<bool>,
}

/// Encodes `data` at error correction level `ec_level`, with the mask of least penalty
/// (ISO/IEC 18004 §7.8.3).
pub fn encode(data: &[u8], ec_level: EcLevel) -> Result<QrMatrix, qrcode::types::QrError> {
    let bits = encode_auto(data, ec_level)?;
    let version = bits.version();
    let (codewords, ec) = construct_codewords(&bits.into_bytes(), version, ec_level)?;
    let mut canvas = Canvas::new(version, ec_level);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&codewords, &ec);
    let width = usize::try_from(version.width()).unwrap_or_default();

    // Masks are tried on plain booleans (the crate's clone-and-mask costs ~25 µs each);
    // the format information, which differs per mask, is left out of the comparison.
    let mut unmasked = Vec::with_capacity(width * width);
    for y in 0..version.width() {
        for x in 0..version.width() {
            unmasked.push(match canvas.get(x, y) {
                Module::Unmasked(color) => (true, color == Color::Dark),
                module => (false, Color::from(module) == Color::Dark),
            });
        }
    }
    let mut trial = vec![false; width * width];
    let mut best = (u32::MAX, MaskPattern::Checkerboard);
    for (number, mask) in MASKS.iter().enumerate() {
        for (index, &(is_data, is_dark)) in unmasked.iter().enumerate() {
            trial[index] = is_dark ^ (is_data && flips(number, index % width, index / width));
        }
        let score = penalty(&trial, width);
        if score < best.0 {
            best = (score, *mask);
        }
    }
    canvas.apply_mask(best.1);
    let dark = canvas
        .into_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Ok(QrMatrix { width, dark })
}

/// Whether mask `number` (ISO/IEC 18004 table 10) flips the module in column `x`, row `y`.
fn flips(number: usize, x: usize, y: usize) -> bool {
    match number {
        0 => (x + y) % 2 == 0,
        1 => y % 2 == 0,
        2 => x % 3 == 0,
        3 => (x + y) % 3 == 0,
        4 => (y / 2 + x / 3) % 2 == 0,
        5 => (x * y) % 2 + (x * y) % 3 == 0,
        6 => ((x * y) % 2 + (x * y) % 3) % 2 == 0,
        _ => ((x + y) % 2 + (x * y) % 3) % 2 == 0,
    }
}

/// The four penalty rules: runs of five or more, 2×2 blocks, finder-like 1:1:3:1:1
/// patterns next to four light modules, and the dark/light balance.
pub fn penalty(dark: &[bool], width: usize) -> u32 {
    let at = |x: usize, y: usize| dark[y * width + x];
    let mut score = 0;
    let mut column = vec![false; width];
    for i in 0..width {
        let row = &dark[i * width..(i + 1) * width];
        for (j, cell) in column.iter_mut().enumerate() {
            *cell = at(i, j);
        }
        score +=
            run_penalty(row) + finder_penalty(row) + run_penalty(&column) + finder_penalty(&column);
    }
    for y in 0..width.saturating_sub(1) {
        for x in 0..width - 1 {
            let c = at(x, y);
            if at(x + 1, y) == c && at(x, y + 1) == c && at(x + 1, y + 1) == c {
                score += 3;
            }
        }
    }
    let dark_count = dark.iter().filter(|d| **d).count();
    let percent = (dark_count * 100 / dark.len().max(1)) as u32;
    score + percent.abs_diff(50) / 5 * 10
}

fn run_penalty(line: &[bool]) -> u32 {
    let mut score = 0;
    let mut run = 0u32;
    for (index, &module) in line.iter().enumerate() {
        run = if index > 0 && module == line[index - 1] {
            run + 1
        } else {
            1
        };
        let run_ends = line.get(index + 1) != Some(&module);
        if run_ends && run >= 5 {
            score += run - 2;
        }
    }
    score
}

fn finder_penalty(line: &[bool]) -> u32 {
    const CORE: [bool; 7] = [true, false, true, true, true, false, true];
    let light = |range: std::ops::Range<usize>| {
        range
            .into_iter()
            .all(|k| !line.get(k).copied().unwrap_or(false))
    };
    let mut score = 0;
    for start in 0..line.len().saturating_sub(6) {
        if line[start..start + 7] == CORE {
            // Beyond the symbol is the light quiet zone.
            if light(start.saturating_sub(4)..start) || light(start + 7..start + 11) {
                score += 40;
            }
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn penalty_rules_score_as_the_standard_says() {
        assert_eq!(run_penalty(&[true, true, true, true, true, false]), 3);
        assert_eq!(
            run_penalty(&[false, true, true, true, true, true, true, true]),
            5
        );
        assert_eq!(run_penalty(&[true, false, true, false]), 0);
        let finder = [
            false, false, false, false, true, false, true, true, true, false, true,
        ];
        assert_eq!(finder_penalty(&finder), 40);
        // A 2×2 square of one colour on a 2-wide symbol: one block, balance off by 50%.
        assert_eq!(penalty(&[true, true, true, true], 2), 3 + 100);
    }

    #[test]
    fn the_chosen_mask_is_the_crates_symbol_with_the_least_penalty() {
        let data = b"https://servizi.comune.valdoria.it/verifica/7KQF-9XMA-2R4D-HV0C#0oRDoQEm";
        let matrix = encode(data, EcLevel::M).expect("encodable");
        let reference =
            qrcode::QrCode::with_error_correction_level(data, EcLevel::M).expect("encodable");
        assert_eq!(matrix.width, reference.width());
        // Function patterns (the top-left finder) are the same whatever the mask.
        for y in 0..7 {
            for x in 0..7 {
                assert_eq!(
                    matrix.dark[y * matrix.width + x],
                    reference[(x, y)] == Color::Dark
                );
            }
        }
        let chosen = penalty(&matrix.dark, matrix.width);
        let bits = encode_auto(data, EcLevel::M).expect("bits");
        let version = bits.version();
        let (codewords, ec) =
            construct_codewords(&bits.into_bytes(), version, EcLevel::M).expect("ec");
        let mut canvas = Canvas::new(version, EcLevel::M);
        canvas.draw_all_functional_patterns();
        canvas.draw_data(&codewords, &ec);
        let mut is_a_crate_symbol = false;
        for mask in MASKS {
            let mut other = canvas.clone();
            other.apply_mask(mask);
            let dark: Vec<bool> = other
                .into_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect();
            is_a_crate_symbol |= dark == matrix.dark;
            // The choice ignores the 30 format modules; they can shift a score by one
            // finder-like pattern at most.
            assert!(chosen <= penalty(&dark, matrix.width) + 40);
        }
        assert!(
            is_a_crate_symbol,
            "the symbol must carry its mask's format information"
        );
    }
}
