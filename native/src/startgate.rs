//! The start gate of the mojibake re-read (cleaner/repair/startgate.py): which starts of a window
//! could give an accepted re-read, answered from one scan of the page.
//!
//! The re-read tries each start of a window around rare characters; on clean text almost every
//! start is refused, after the costly reading, choosing and scoring. A start can only be
//! accepted if, in some view and source, a reading from it covers a character that marks the
//! stretch as misread and enough non-ASCII characters to be evidence; clean text read in a wrong
//! source breaks off within a character or two. `PageGate` builds each family's byte view of the
//! whole page once, with where each character's bytes begin and where a start's view ends (a
//! character the family never gives); a window's starts are then answered in place, with the window's own bounds, exactly as the
//! Python original answers them on the window alone (tests/reference_startgate.py, which the
//! property tests hold this to).
//!
//! A window holding U+FFFD (bytes of unknown value) or another mark of lost bytes lets every
//! start through: the caller knows that and does not ask. Here U+FFFD ends a view like a
//! character the family never gives, so a window without it reads what the original reads.

use crate::codes::{Codes, Family, Source};
use crate::reread::acceptable_in;

/// Bytes `utf8_like` looks at from a start (startgate.UTF8_LIKE_BYTES).
pub const UTF8_LIKE_BYTES: usize = 48;
/// No such position (no mark at or after a character).
const NONE: u32 = u32::MAX;

/// One family's byte view of the page.
struct View {
    data: Vec<u8>,
    /// Byte offset where each character's bytes begin (one more entry: the end).
    offset: Vec<u32>,
    /// Per character, the first character at or after it that the family never gives (or the
    /// page's length): a start's view ends there.
    segment_end: Vec<u32>,
}

impl View {
    fn new(codes: &Codes, text: &[u32], family: Family) -> View {
        let n = text.len();
        let mut data = Vec::with_capacity(n * 2);
        let mut offset = Vec::with_capacity(n + 1);
        for &cp in text {
            offset.push(data.len() as u32);
            if cp != 0xFFFD {
                if let Some(code) = codes.encode(cp, family) {
                    data.extend_from_slice(code.as_slice());
                }
            }
        }
        offset.push(data.len() as u32);
        // A character the family gives has bytes; one it never gives (or U+FFFD) has none.
        let mut segment_end = vec![n as u32; n + 1];
        let mut end = n as u32;
        for k in (0..n).rev() {
            if offset[k + 1] == offset[k] {
                end = k as u32;
            }
            segment_end[k] = end;
        }
        View {
            data,
            offset,
            segment_end,
        }
    }

    /// startgate.utf8_like of the view's bytes from `start`, ending at `end` (at most
    /// UTF8_LIKE_BYTES of them): could they be UTF-8 Chinese with some bytes dropped?
    fn utf8_like(&self, start: usize, end: usize) -> bool {
        let end = end.min(start + UTF8_LIKE_BYTES);
        let (mut h, mut c, mut le) = (0u32, 0u32, 0u32);
        for &b in &self.data[start..end] {
            h += u32::from(b >= 0x80);
            c += u32::from((0x80..0xC0).contains(&b));
            le += u32::from((0xE0..=0xEF).contains(&b));
        }
        h >= 6 && 100 * c >= 55 * h && 100 * le >= 20 * h && 100 * (c + le) >= 90 * h
    }

    /// Does a reading in `source` from byte `start` (no bytes taken back) get to `target`, each
    /// character's bytes before `size` (the window's end)? Each step reads one character from
    /// its own bytes, as the re-read does when every byte is known.
    fn reaches(&self, codes: &Codes, source: Source, mut start: usize, target: usize, size: usize) -> bool {
        while start < target {
            let width = unit_length(source, self.data[start]);
            if width == 0 || start + width > size || !unit_reads(codes, source, &self.data[start..start + width]) {
                return false;
            }
            start += width;
        }
        true
    }
}

/// The bytes of the character `lead` starts when none are lost or dropped (0: none starts): an
/// ASCII byte alone; in UTF-8 a lead byte and its continuation bytes; in a two-byte source a
/// byte from 80 up and the byte after it.
fn unit_length(source: Source, lead: u8) -> usize {
    if lead < 0x80 {
        return 1;
    }
    match source {
        Source::Utf8 => match lead {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 0,
        },
        Source::Gbk | Source::Big5 => 2,
    }
}

/// Does the re-read read `unit` (one character's known bytes) as one character of `source`? An
/// ASCII byte reads as itself; other codes must decode to a character a Chinese span may hold
/// (reread.rs's `matches` with every byte known).
fn unit_reads(codes: &Codes, source: Source, unit: &[u8]) -> bool {
    match unit {
        [b] => *b < 0x80,
        _ => codes.decode(source, unit).is_some_and(|c| acceptable_in(source, c)),
    }
}

/// One (view, source) reading of the gate, with the non-ASCII characters an accepted stretch
/// holds at least in that source.
struct Reading {
    view: usize,
    source: Source,
    min_wide: usize,
}

/// The gate of one page: `starts` answers a window of it.
pub struct PageGate {
    views: Vec<View>,
    readings: Vec<Reading>,
    /// Positions of the non-ASCII characters, and per character how many come before it.
    wide: Vec<u32>,
    wide_rank: Vec<u32>,
    /// Per character, the first mark (a character that marks a misread stretch) at or after it;
    /// None when a stretch needs no mark.
    next_mark: Option<Vec<u32>>,
    max_span: usize,
}

impl PageGate {
    /// `views`: per family, its sources with their least non-ASCII characters, in the order the
    /// re-read tries them (a start's readings are reported in that order, as bits). `marks`:
    /// the ascending positions of the marks, or None. `max_span`: the characters the re-read
    /// looks ahead at once.
    pub fn new(
        codes: &Codes,
        text: &[u32],
        views: &[(Family, Vec<(Source, usize)>)],
        marks: Option<&[usize]>,
        max_span: usize,
    ) -> Result<PageGate, String> {
        let n = text.len();
        if n >= NONE as usize {
            return Err("a page of 2**32 characters or more".into());
        }
        let mut readings = Vec::new();
        let mut built = Vec::with_capacity(views.len());
        for (v, (family, sources)) in views.iter().enumerate() {
            built.push(View::new(codes, text, *family));
            for &(source, min_wide) in sources {
                readings.push(Reading {
                    view: v,
                    source,
                    min_wide,
                });
            }
        }
        if readings.len() > 32 {
            return Err("at most 32 readings (one bit each)".into());
        }
        let mut wide = Vec::new();
        let mut wide_rank = Vec::with_capacity(n + 1);
        for (k, &cp) in text.iter().enumerate() {
            wide_rank.push(wide.len() as u32);
            if cp > 0x7F {
                wide.push(k as u32);
            }
        }
        wide_rank.push(wide.len() as u32);
        let next_mark = match marks {
            None => None,
            Some(marks) => {
                if marks.windows(2).any(|w| w[0] >= w[1]) || marks.last().is_some_and(|&m| m >= n) {
                    return Err("marks must be ascending positions in the page".into());
                }
                let mut next = vec![NONE; n + 1];
                let mut k = marks.len();
                for p in (0..n).rev() {
                    while k > 0 && marks[k - 1] >= p {
                        k -= 1;
                    }
                    next[p] = marks.get(k).map_or(NONE, |&m| m as u32);
                }
                Some(next)
            }
        };
        Ok(PageGate {
            views: built,
            readings,
            wide,
            wide_rank,
            next_mark,
            max_span,
        })
    }

    pub fn len(&self) -> usize {
        self.wide_rank.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The readings (bits, in order) whose reading from `p` may be accepted in the window
    /// `lo..hi` of the page: StartGate._readings of the original, on the window alone.
    pub fn readings_at(&self, codes: &Codes, lo: usize, hi: usize, p: usize) -> u32 {
        debug_assert!(lo <= p && p < hi && hi <= self.len());
        let mut need_mark = 0;
        if let Some(next) = &self.next_mark {
            let m = next[p];
            if m == NONE || m as usize >= hi {
                return 0; // no mark from here on in the window
            }
            need_mark = m as usize - p + 1;
        }
        let first_wide = self.wide_rank[p] as usize;
        let mut found = 0u32;
        let mut view_bounds: Option<(usize, usize, usize, usize)> = None; // (view, end, start byte, end byte)
        for (bit, r) in self.readings.iter().enumerate() {
            let view = &self.views[r.view];
            let (end, start_byte, end_byte) = match view_bounds {
                Some((v, end, s, e)) if v == r.view => (end, s, e),
                _ => {
                    let end = (view.segment_end[p] as usize).min(hi).min(p + self.max_span);
                    let bounds = (end, view.offset[p] as usize, view.offset[end] as usize);
                    view_bounds = Some((r.view, bounds.0, bounds.1, bounds.2));
                    bounds
                }
            };
            if end < p + 2 {
                continue;
            }
            let k = first_wide + r.min_wide - 1;
            if r.min_wide == 0 || k >= self.wide.len() || self.wide[k] as usize >= hi {
                continue;
            }
            let need = 2.max(need_mark).max(self.wide[k] as usize - p + 1);
            if need > end - p {
                continue;
            }
            let size = view.offset[hi] as usize;
            // Dropped bytes may be taken back where the bytes look like UTF-8: only the full
            // re-read knows how far that reading goes.
            if view.reaches(codes, r.source, start_byte, view.offset[p + need] as usize, size)
                || (r.source == Source::Utf8 && view.utf8_like(start_byte, end_byte))
            {
                found |= 1 << bit;
            }
        }
        found
    }

    /// (start, readings) of each start `0..stop` of the window `lo..hi` (offsets in the window)
    /// whose readings are not all refused.
    pub fn starts(&self, codes: &Codes, lo: usize, hi: usize, stop: usize) -> Result<Vec<(usize, u32)>, String> {
        if lo > hi || hi > self.len() || stop > hi - lo {
            return Err(format!(
                "window {lo}..{hi} (stop {stop}) outside a page of {}",
                self.len()
            ));
        }
        Ok((0..stop)
            .filter_map(|i| {
                let found = self.readings_at(codes, lo, hi, lo + i);
                (found != 0).then_some((i, found))
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::tests::{cps, with_views};
    use crate::codes::UNIT;

    /// Codes whose "gbk" family gives every listed character as its UTF-8 bytes (so a view of
    /// them reads back in UTF-8) and ASCII as itself; nothing else.
    fn utf8_family(chars: &str) -> Codes {
        let mut bmp = vec![0u8; 0x10000 * UNIT];
        for c in chars.chars().chain((0x20u8..0x7F).map(char::from)) {
            let mut buf = [0u8; 4];
            let data = c.encode_utf8(&mut buf).as_bytes();
            let k = UNIT * c as usize;
            bmp[k] = data.len() as u8;
            bmp[k + 1..k + 1 + data.len()].copy_from_slice(data);
        }
        let empty = vec![0u8; 0x10000 * UNIT];
        with_views([&bmp, &empty, &empty], 0)
    }

    fn gate(codes: &Codes, text: &str, marks: Option<&[usize]>) -> PageGate {
        let views = [(Family::Gbk, vec![(Source::Utf8, 2), (Source::Big5, 3)])];
        PageGate::new(codes, &cps(text), &views, marks, 1024).unwrap()
    }

    #[test]
    fn a_reading_that_covers_a_mark_and_two_wide_characters_lets_its_start_through() {
        let codes = utf8_family("国家人");
        let text = "a国家b";
        let g = gate(&codes, text, Some(&[1]));
        // From 0: "a国" reads in UTF-8 through the mark; from 1 too; from 2 the mark is behind.
        assert_eq!(g.readings_at(&codes, 0, 4, 0), 1);
        assert_eq!(g.readings_at(&codes, 0, 4, 1), 1);
        assert_eq!(g.readings_at(&codes, 0, 4, 2), 0);
        // Big5 reads none of these bytes (its pair table is empty).
        assert_eq!(g.starts(&codes, 0, 4, 4).unwrap(), vec![(0, 1), (1, 1)]);
    }

    #[test]
    fn the_window_bounds_what_a_reading_may_cover() {
        let codes = utf8_family("国家");
        let g = gate(&codes, "国家国", Some(&[0]));
        assert_eq!(g.readings_at(&codes, 0, 2, 0), 1);
        // A window of one character holds no two wide ones.
        assert_eq!(g.readings_at(&codes, 0, 1, 0), 0);
        assert!(g.starts(&codes, 1, 4, 1).is_err());
    }

    #[test]
    fn a_character_the_family_never_gives_ends_the_view() {
        let codes = utf8_family("国家");
        let g = gate(&codes, "国人家", Some(&[0]));
        assert_eq!(g.readings_at(&codes, 0, 3, 0), 0); // 人 is not given: the view stops at 1
        let holed = gate(&codes, "国\u{fffd}家", Some(&[0]));
        assert_eq!(holed.readings_at(&codes, 0, 3, 0), 0);
    }

    #[test]
    fn bytes_like_utf8_let_a_utf8_start_through_without_reaching() {
        let codes = utf8_family("国");
        // Leads e0-ef and continuation bytes, but broken sequences: UTF-8 with bytes dropped,
        // which a strict reading breaks off in at once.
        let data = vec![0xE4u8, 0xB8, 0xE4, 0xB8, 0xAD, 0xE5, 0x9B, 0xBD, 0xE5];
        let n = data.len();
        let view = View {
            data,
            offset: vec![0, n as u32],
            segment_end: vec![1, 1],
        };
        assert!(view.utf8_like(0, n));
        assert!(!view.utf8_like(0, 5)); // five high bytes are not six
        assert!(!view.reaches(&codes, Source::Utf8, 0, 4, n));
        assert!(view.reaches(&codes, Source::Utf8, 2, 5, n)); // e4 b8 ad is 中
        assert!(!view.reaches(&codes, Source::Utf8, 2, 5, 4)); // but not inside a window ending at 4
    }

    #[test]
    fn marks_must_be_ascending_positions() {
        let codes = utf8_family("");
        let views = [(Family::Gbk, vec![(Source::Utf8, 2)])];
        assert!(PageGate::new(&codes, &cps("ab"), &views, Some(&[1, 0]), 8).is_err());
        assert!(PageGate::new(&codes, &cps("ab"), &views, Some(&[2]), 8).is_err());
        assert!(PageGate::new(&codes, &cps("ab"), &views, Some(&[0, 1]), 8).is_ok());
    }
}
