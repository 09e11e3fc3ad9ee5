//! mojibake._lone_rare_spans in one pass a page: the stretches around a single rare Han
//! character that are a character or two of UTF-8 read by a GBK- or Big5-family decoder and
//! cut off at the end (手机 cut inside 机 is 鎵嬫), which later stages keep byte for byte.
//!
//! Clean pages hold rare characters (names, terms) on nearly every page, and the Python asked
//! each of them up to five windows of two or three characters, each with a regex and a byte
//! view: a tenth of a clean page's repair time, twice a page. Here each window is viewed from
//! the code tables directly. The Python original is tests/reference_mojibake_lone.py, which the
//! property tests hold this to.

use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::codes::{Codes, Family};
use crate::repair_py::{PyCharModel, PyCharSets, PyCodes};

/// mojibake._lone_rare_spans of `text`: the rare characters are class `rare_class` of `rare` (the
/// page scan's table, cleaner/pagefacts.py), and every character beyond the BMP; `model` says
/// which pairs of characters were seen.
#[pyfunction]
pub fn lone_rare_spans(
    codes: &PyCodes,
    rare: &PyCharSets,
    rare_class: u32,
    model: &PyCharModel,
    text: &Bound<'_, PyString>,
) -> PyResult<Vec<(usize, usize)>> {
    let text = crate::code_points(text)?;
    let seen = |a: u32, b: u32| match (char::from_u32(a), char::from_u32(b)) {
        (Some(a), Some(b)) => model.core.seen(a, b),
        _ => false,
    };
    Ok(spans(&codes.core, &text, |c| rare.core.rare(c, rare_class), seen))
}

/// Characters a stretch around a lone rare character holds at most (mojibake.LONE_WIDTH).
pub const LONE_WIDTH: usize = 3;
/// A character each side of a stretch is kept with it (mojibake.PROTECT_EDGE).
pub const PROTECT_EDGE: usize = 1;

/// (start, end) in characters of the stretches kept, sorted, touching ones joined. `rare`: is a
/// code point rare by the model (mojibake._rare_char)? `seen`: has the model seen the pair?
///
/// A window whose last character makes a pair the model has seen with the character after it
/// (靚瑞 before 士: 瑞士) is no cut stretch: the cut character's bytes end where the misread
/// stretch does, and its lead read with what follows almost never makes a known pair, while
/// clean text (a name before a word, as a converter wrote it: 黃睿靚瑞士) does.
pub fn spans(
    codes: &Codes,
    text: &[u32],
    rare: impl Fn(u32) -> bool,
    seen: impl Fn(u32, u32) -> bool,
) -> Vec<(usize, usize)> {
    let n = text.len();
    let mut found = Vec::new();
    for (i, &c) in text.iter().enumerate() {
        if !(bmp_han(c) && rare(c)) {
            continue;
        }
        for lo in i.saturating_sub(LONE_WIDTH - 1)..=i {
            for hi in i + 1..=n.min(lo + LONE_WIDTH) {
                if hi - lo >= 2
                    && text[lo..hi].iter().all(|&c| han_read(c))
                    && !(hi < n && seen(text[hi - 1], text[hi]))
                    && cut_read(codes, &text[lo..hi], &rare)
                {
                    let (a, b) = with_question_marks(text, lo.saturating_sub(PROTECT_EDGE), n.min(hi + PROTECT_EDGE));
                    found.push(wide_only(text, a, b));
                }
            }
        }
    }
    joined(found)
}

/// mojibake._rare_han's class: Han of the BMP (a rare one may be a lone misread stretch).
fn bmp_han(c: u32) -> bool {
    (0x3400..=0x4DBF).contains(&c) || (0x4E00..=0x9FFF).contains(&c)
}

/// mojibake._HAN_READ's class: Han, the BMP's and the ideograph planes'.
fn han_read(c: u32) -> bool {
    bmp_han(c) || (0x20000..=0x3134F).contains(&c)
}

/// mojibake._cut_read: is `stretch` one common Han character of UTF-8 and the lead of the next
/// (with at most one of its continuation bytes), as a GBK- or Big5-family decoder shows them?
fn cut_read(codes: &Codes, stretch: &[u32], rare: &impl Fn(u32) -> bool) -> bool {
    let mut data = Vec::with_capacity(4 * stretch.len());
    [Family::Gbk, Family::Big5].into_iter().any(|family| {
        data.clear();
        for &c in stretch {
            match codes.encode(c, family) {
                Some(code) => data.extend_from_slice(code.as_slice()),
                None => return false, // a character the family never gives: no view of it all
            }
        }
        reads_to_a_cut(&data, rare)
    })
}

/// mojibake._reads_to_a_cut with the cuts of _HAN_LEADS: `data` is UTF-8 of common Han (one
/// character at least, none rare), then a lead of the Han of UTF-8 (e4-e9) with at most one of
/// its continuation bytes, cut off at the end; nothing cut off at the start.
fn reads_to_a_cut(data: &[u8], rare: &impl Fn(u32) -> bool) -> bool {
    let cont = |b: u8| (0x80..=0xBF).contains(&b);
    if data.first().is_some_and(|&b| cont(b)) {
        return false; // a cut at the start (_CUT_START): with one at the end too, no reading
    }
    // _CUT_END's leftmost match: a lead with fewer continuation bytes than it needs, at the end.
    let cut_end = |tail: &[u8]| match tail {
        [lead, rest @ ..] if (0xE0..=0xEF).contains(lead) => rest.len() <= 1 && rest.iter().all(|&b| cont(b)),
        [lead, rest @ ..] if (0xF0..=0xF4).contains(lead) => rest.len() <= 2 && rest.iter().all(|&b| cont(b)),
        _ => false,
    };
    let Some(at) = (data.len().saturating_sub(3)..data.len()).find(|&p| cut_end(&data[p..])) else {
        return false;
    };
    let cut = &data[at..];
    if !(0xE4..=0xE9).contains(&cut[0]) {
        return false;
    }
    let Ok(read) = std::str::from_utf8(&data[..at]) else {
        return false;
    };
    !read.is_empty()
        && read
            .chars()
            .all(|c| (0x4E00..=0x9FFF).contains(&u32::from(c)) && !rare(u32::from(c)))
}

/// mojibake._with_question_marks: (start, end) widened over the `?` right before and after.
fn with_question_marks(text: &[u32], mut start: usize, mut end: usize) -> (usize, usize) {
    let question = u32::from('?');
    while start > 0 && text[start - 1] == question {
        start -= 1;
    }
    while end < text.len() && text[end] == question {
        end += 1;
    }
    (start, end)
}

/// mojibake._wide_only: (lo, hi) without ASCII at its ends.
fn wide_only(text: &[u32], mut lo: usize, mut hi: usize) -> (usize, usize) {
    while lo < hi && text[lo] < 0x80 {
        lo += 1;
    }
    while hi > lo && text[hi - 1] < 0x80 {
        hi -= 1;
    }
    (lo, hi)
}

/// mojibake._joined: sorted, and those that overlap or touch joined.
fn joined(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (lo, hi) in spans {
        match out.last_mut() {
            Some(last) if last.1 >= lo => last.1 = last.1.max(hi),
            _ => out.push((lo, hi)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cut_is_a_han_lead_after_common_han_and_nothing_is_cut_at_the_start() {
        let none = |_: u32| false;
        // 手 (e6 89 8b) then the lead of 机 (e6), with or without one continuation byte.
        assert!(reads_to_a_cut(&[0xE6, 0x89, 0x8B, 0xE6], &none));
        assert!(reads_to_a_cut(&[0xE6, 0x89, 0x8B, 0xE6, 0x9C], &none));
        assert!(!reads_to_a_cut(&[0xE6, 0x89, 0x8B], &none)); // no cut
        assert!(!reads_to_a_cut(&[0x89, 0xE6, 0x89, 0x8B, 0xE6], &none)); // a cut at both ends
        assert!(!reads_to_a_cut(&[0xE6, 0x89, 0x8B, 0xE2], &none)); // e2: no lead of Han
        assert!(!reads_to_a_cut(&[0xE6, 0x89, 0x8B, 0xF0, 0x9F], &none)); // a four-byte lead
        assert!(!reads_to_a_cut(&[0xE6], &none)); // nothing read before the cut
        assert!(!reads_to_a_cut(&[0xE6, 0x89, 0x8B, 0xE6], &|c| c == u32::from('手'))); // rare read
        assert!(!reads_to_a_cut(&[0x61, 0xE6], &none)); // ASCII read: no Han
    }

    #[test]
    fn spans_are_widened_trimmed_and_joined() {
        let text: Vec<u32> = "a?中文?b".chars().map(u32::from).collect();
        assert_eq!(with_question_marks(&text, 2, 4), (1, 5));
        assert_eq!(wide_only(&text, 0, 6), (2, 4)); // "?" is ASCII: trimmed too
        assert_eq!(joined(vec![(5, 7), (0, 2), (2, 3), (6, 9)]), vec![(0, 3), (5, 9)]);
    }
}
