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
        apply_trial_mask(number, &unmasked, width, &mut trial);
        let score = packed_penalty(&trial, width).unwrap_or_else(|| penalty(&trial, width));
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

/// Masks the data modules with mask `number`.
fn apply_trial_mask(number: usize, unmasked: &[(bool, bool)], width: usize, trial: &mut [bool]) {
    let pattern = &mask_patterns(width)[number];
    for ((cell, &(is_data, is_dark)), &flip) in trial.iter_mut().zip(unmasked).zip(pattern) {
        *cell = is_dark ^ (is_data && flip);
    }
}

type MaskPatterns = std::sync::Arc<[Vec<bool>; 8]>;

/// Where each of the eight masks flips a module (ISO/IEC 18004 table 10; x is the
/// column, y the row), per symbol width, computed once: the conditions are divisions,
/// and evaluating them for every module of every mask cost more than scoring the masks.
fn mask_patterns(width: usize) -> MaskPatterns {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock};
    static CACHE: OnceLock<Mutex<HashMap<usize, MaskPatterns>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(patterns) = cache.lock().ok().and_then(|c| c.get(&width).cloned()) {
        return patterns;
    }
    let conditions: [fn(usize, usize) -> bool; 8] = [
        |x, y| (x + y) % 2 == 0,
        |_, y| y % 2 == 0,
        |x, _| x % 3 == 0,
        |x, y| (x + y) % 3 == 0,
        |x, y| (y / 2 + x / 3) % 2 == 0,
        |x, y| (x * y) % 2 + (x * y) % 3 == 0,
        |x, y| ((x * y) % 2 + (x * y) % 3) % 2 == 0,
        |x, y| ((x + y) % 2 + (x * y) % 3) % 2 == 0,
    ];
    let patterns: MaskPatterns = Arc::new(conditions.map(|flips| {
        (0..width * width)
            .map(|i| flips(i % width, i / width))
            .collect()
    }));
    if let Ok(mut cache) = cache.lock() {
        cache.insert(width, patterns.clone());
    }
    patterns
}

/// The same score as [`penalty`], computed on rows and columns packed into bits: each
/// rule becomes a few shifts, ANDs and popcounts per line, so the eight masks cost a few
/// microseconds instead of most of a certificate's time. For symbols 21 to 120 modules
/// wide (versions 1 to 26: a line fits in 128 bits); `None` for larger ones.
pub fn packed_penalty(dark: &[bool], width: usize) -> Option<u32> {
    if !(21..=120).contains(&width) {
        return None;
    }
    let mut rows = vec![0u128; width];
    let mut columns = vec![0u128; width];
    for (y, line) in dark.chunks(width).enumerate() {
        for (x, &is_dark) in line.iter().enumerate() {
            if is_dark {
                rows[y] |= 1 << x;
                columns[x] |= 1 << y;
            }
        }
    }
    let pairs = ((1u128 << width) - 1) >> 1;
    let mut score: u32 = rows
        .iter()
        .chain(&columns)
        .map(|&line| packed_line_score(line, width))
        .sum();
    // Rule 2: 2×2 blocks of one colour.
    for pair in rows.windows(2) {
        let (top, bottom) = (pair[0], pair[1]);
        let same = !(top ^ (top >> 1)) & !(bottom ^ (bottom >> 1)) & !(top ^ bottom) & pairs;
        score += 3 * same.count_ones();
    }
    // Rule 4: the balance of dark and light.
    let dark_count: u32 = rows.iter().map(|r| r.count_ones()).sum();
    let percent = dark_count * 100 / (width * width) as u32;
    Some(score + percent.abs_diff(50) / 5 * 10)
}

/// Rules 1 and 3 on one line packed into bits (bit x = module x), as [`line_penalty`]
/// scores them: beyond the symbol is light only next to a pattern that touches the edge.
fn packed_line_score(line: u128, width: usize) -> u32 {
    let full = (1u128 << width) - 1;
    let pairs = full >> 1;
    // Rule 1: a run of n ≥ 5 scores n - 2 = (its n - 4 windows of five) + 2.
    let equal_next = !(line ^ (line >> 1)) & pairs;
    let five = equal_next & (equal_next >> 1) & (equal_next >> 2) & (equal_next >> 3);
    let run_starts = five & !(five << 1);
    let mut score = five.count_ones() + 2 * run_starts.count_ones();
    // Rule 3: dark, light, three dark, light, dark starting at x, with four light modules
    // before or after it inside the symbol, or touching the edge on that side.
    let light = !line & full;
    let core =
        line & (light >> 1) & (line >> 2) & (line >> 3) & (line >> 4) & (light >> 5) & (line >> 6);
    let light_before = (light << 1) & (light << 2) & (light << 3) & (light << 4);
    let light_after = (light >> 7) & (light >> 8) & (light >> 9) & (light >> 10);
    let at_edge = 1 | (1u128 << (width - 7));
    score += 40 * (core & (light_before | light_after | at_edge)).count_ones();
    score
}

/// The four penalty rules: runs of five or more, 2×2 blocks, finder-like 1:1:3:1:1
/// patterns next to four light modules, and the dark/light balance.
pub fn penalty(dark: &[bool], width: usize) -> u32 {
    let mut score = 0;
    let mut runs = Vec::with_capacity(width);
    for i in 0..width {
        score += line_penalty(dark[i * width..(i + 1) * width].iter().copied(), &mut runs);
        score += line_penalty(dark[i..].iter().step_by(width).copied(), &mut runs);
    }
    for y in 0..width.saturating_sub(1) {
        let (top, bottom) = (
            &dark[y * width..(y + 1) * width],
            &dark[(y + 1) * width..(y + 2) * width],
        );
        for x in 0..width - 1 {
            let c = top[x];
            if top[x + 1] == c && bottom[x] == c && bottom[x + 1] == c {
                score += 3;
            }
        }
    }
    let dark_count = dark.iter().filter(|d| **d).count();
    let percent = (dark_count * 100 / dark.len().max(1)) as u32;
    score + percent.abs_diff(50) / 5 * 10
}

/// Rules 1 and 3 on one row or column, over its runs of equal modules.
fn line_penalty(line: impl Iterator<Item = bool>, runs: &mut Vec<(bool, u32)>) -> u32 {
    runs.clear();
    for module in line {
        match runs.last_mut() {
            Some((color, length)) if *color == module => *length += 1,
            _ => runs.push((module, 1)),
        }
    }
    let mut score: u32 = runs
        .iter()
        .filter(|(_, n)| *n >= 5)
        .map(|(_, n)| n - 2)
        .sum();
    // Dark-light-dark-light-dark as 1:1:3:1:1 with four light modules on one side;
    // beyond the symbol is the light quiet zone. The outer dark run away from the light
    // side may be longer: the pattern is found inside it.
    for k in 0..runs.len().saturating_sub(4) {
        let window = &runs[k..k + 5];
        if !window[0].0 || window[1].1 != 1 || window[2].1 != 3 || window[3].1 != 1 {
            continue;
        }
        let light_before = k == 0 || runs[k - 1].1 >= 4;
        let light_after = k + 5 == runs.len() || runs[k + 5].1 >= 4;
        if (window[0].1 == 1 && light_before) || (window[4].1 == 1 && light_after) {
            score += 40;
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_scoring_equals_the_reference_on_random_symbols() {
        // A small linear congruential generator: reproducible, no dependency.
        let mut state: u64 = 0x5eed;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            state >> 33
        };
        for width in [21, 25, 45, 69, 77, 101, 117, 120] {
            for density in [2, 3, 5] {
                let dark: Vec<bool> = (0..width * width).map(|_| next() % density == 0).collect();
                assert_eq!(
                    packed_penalty(&dark, width),
                    Some(penalty(&dark, width)),
                    "width {width}, density 1/{density}"
                );
            }
        }
        let finder_row: Vec<bool> = [true, false, true, true, true, false, true]
            .into_iter()
            .chain(std::iter::repeat_n(false, 14))
            .collect();
        let mut symbol = vec![false; 21 * 21];
        symbol[..21].copy_from_slice(&finder_row);
        assert_eq!(packed_penalty(&symbol, 21), Some(penalty(&symbol, 21)));
        assert_eq!(packed_penalty(&vec![false; 121 * 121], 121), None);
        assert_eq!(packed_penalty(&[false; 49], 7), None);
    }

    #[test]
    fn penalty_rules_score_as_the_standard_says() {
        let mut runs = Vec::new();
        let (x, o) = (true, false);
        assert_eq!(line_penalty([x, x, x, x, x, o].into_iter(), &mut runs), 3);
        assert_eq!(
            line_penalty([o, x, x, x, x, x, x, x].into_iter(), &mut runs),
            5
        );
        assert_eq!(line_penalty([x, o, x, o].into_iter(), &mut runs), 0);
        // Inside a longer dark run, followed by four light modules (one run of 4: +0).
        assert_eq!(
            line_penalty([x, x, o, x, x, x, o, x, o, o, o, o].into_iter(), &mut runs),
            40
        );
        // Neither side light for four modules.
        assert_eq!(
            line_penalty(
                [o, o, o, x, o, x, x, x, o, x, o, o, o, x].into_iter(),
                &mut runs
            ),
            0
        );
        let finder = [
            false, false, false, false, true, false, true, true, true, false, true,
        ];
        assert_eq!(line_penalty(finder.into_iter(), &mut runs), 40);
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

    #[test]
    fn packed_lines_score_as_the_reference_on_random_lines() {
        let mut state: u64 = 0x5eed;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            state >> 33
        };
        let width = 69;
        for _ in 0..2000 {
            let line: Vec<bool> = (0..width).map(|_| next() % 3 == 0).collect();
            let mut packed = 0u128;
            for (x, &d) in line.iter().enumerate() {
                if d {
                    packed |= 1 << x;
                }
            }
            let mut runs = Vec::new();
            let reference = line_penalty(line.iter().copied(), &mut runs);
            let fast = packed_line_score(packed, width);
            if reference != fast {
                let drawn: String = line.iter().map(|&d| if d { '#' } else { '.' }).collect();
                panic!("{drawn}: reference {reference}, packed {fast}");
            }
        }
    }
}
