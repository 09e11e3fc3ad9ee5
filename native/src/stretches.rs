//! Where a first layer of mojibake can be under a second (cleaner/repair/layers.py): stretches
//! of text whose bytes in a decoder family's view are whole UTF-8 characters. Clean Chinese
//! text's GBK or Big5 bytes are almost never UTF-8 for more than a character or two, so on
//! most lines every start breaks off at once; one call per page and family scans them all.
//! The Python original is tests/reference_layers.py, which the property tests hold this to.

use crate::codes::{Codes, Family};

const LOST: u32 = 0xFFFD;
const NEWLINE: u32 = 0x0A;

/// Python's incremental strict UTF-8 decoder, as far as it matters here: whether the bytes fed
/// so far are valid (an error is found at the first byte that cannot continue a sequence, as
/// CPython finds it) and whether a character is left incomplete.
#[derive(Default)]
struct Utf8State {
    /// Continuation bytes still needed, and the range the next one must be in.
    need: u8,
    lo: u8,
    hi: u8,
}

impl Utf8State {
    /// Feed one byte: false when it makes the bytes invalid.
    fn feed(&mut self, b: u8) -> bool {
        if self.need > 0 {
            if b < self.lo || b > self.hi {
                return false;
            }
            self.need -= 1;
            (self.lo, self.hi) = (0x80, 0xBF);
            return true;
        }
        let (need, lo, hi) = match b {
            0x00..=0x7F => return true,
            0xC2..=0xDF => (1, 0x80, 0xBF),
            0xE0 => (2, 0xA0, 0xBF),
            0xE1..=0xEC | 0xEE..=0xEF => (2, 0x80, 0xBF),
            0xED => (2, 0x80, 0x9F), // no surrogates
            0xF0 => (3, 0x90, 0xBF),
            0xF1..=0xF3 => (3, 0x80, 0xBF),
            0xF4 => (3, 0x80, 0x8F),
            _ => return false,
        };
        (self.need, self.lo, self.hi) = (need, lo, hi);
        true
    }
}

/// (start, end) of the stretches of `text[from..to]` whose `family` bytes are whole UTF-8
/// characters, at least `min_chars` characters long and beyond ASCII (layers._utf8_stretches).
///
/// From each non-ASCII character, the bytes of the characters after it (to the line's end) are
/// fed to a UTF-8 decoder until one is refused or is a character the family never gives; the
/// stretch ends at the last character boundary of both readings after a non-ASCII character.
/// U+FFFD is bytes this layer's decoder lost: the decoder starts afresh after it.
pub fn utf8_stretches(
    codes: &Codes,
    text: &[u32],
    family: Family,
    from: usize,
    to: usize,
    min_chars: usize,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let to = to.min(text.len());
    let mut i = from;
    while i < to {
        if text[i] < 0x80 {
            i += 1;
            continue;
        }
        let mut decoder = Utf8State::default();
        let (mut end, mut j) = (i, i);
        while j < to && text[j] != NEWLINE {
            if text[j] == LOST && j > i {
                decoder = Utf8State::default();
                j += 1;
                continue;
            }
            let Some(code) = codes.encode(text[j], family) else {
                break;
            };
            if !code.as_slice().iter().all(|&b| decoder.feed(b)) {
                break;
            }
            j += 1;
            if decoder.need == 0 && text[j - 1] >= 0x80 {
                end = j;
            }
        }
        if end - i >= min_chars {
            out.push((i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::tests::{cps, with_views};
    use crate::codes::UNIT;

    fn valid(bytes: &[u8]) -> (bool, bool) {
        let mut state = Utf8State::default();
        let ok = bytes.iter().all(|&b| state.feed(b));
        (ok, state.need > 0)
    }

    #[test]
    fn the_decoder_refuses_what_strict_utf8_refuses_at_the_first_bad_byte() {
        assert_eq!(valid("中文".as_bytes()), (true, false));
        assert_eq!(valid(&[0xE4, 0xB8]), (true, true)); // incomplete, so far valid
        assert_eq!(valid(&[0xE0, 0x80]), (false, true)); // overlong: refused at once
        assert_eq!(valid(&[0xED, 0xA0]), (false, true)); // a surrogate
        assert_eq!(valid(&[0xF4, 0x90]), (false, true)); // beyond U+10FFFF
        assert!(!valid(&[0x80]).0 && !valid(&[0xC1, 0x80]).0 && !valid(&[0xF5]).0);
        assert_eq!(valid("𠀀".as_bytes()), (true, false));
    }

    /// Codes whose "single" family gives U+0080..U+00FF as the byte of that value (Latin-1) and
    /// ASCII as itself.
    fn latin1() -> Codes {
        let empty = vec![0u8; 0x10000 * UNIT];
        let mut single = empty.clone();
        for c in 0..0x100usize {
            single[UNIT * c] = 1;
            single[UNIT * c + 1] = c as u8;
        }
        with_views([&empty, &empty, &single], 0)
    }

    #[test]
    fn a_stretch_of_whole_utf8_characters_is_found_and_ascii_at_its_end_left_out() {
        let codes = latin1();
        // 中文中 in UTF-8 shown one byte a character, then ASCII and a clean character.
        let shown: String = "中文中".bytes().map(char::from).collect();
        let text = cps(&format!("ab{shown}cd国"));
        let found = utf8_stretches(&codes, &text, Family::Single, 0, text.len(), 4);
        assert_eq!(found, vec![(2, 11)]);
        // Too short a stretch (one character's three bytes) is none.
        let one: String = "中".bytes().map(char::from).collect();
        assert!(utf8_stretches(&codes, &cps(&one), Family::Single, 0, 3, 4).is_empty());
    }

    #[test]
    fn a_line_break_or_a_character_the_family_never_gives_ends_a_stretch() {
        let codes = latin1();
        let shown: String = "中文".bytes().map(char::from).collect();
        let text = cps(&format!("{shown}\n{shown}国{shown}"));
        let found = utf8_stretches(&codes, &text, Family::Single, 0, text.len(), 4);
        assert_eq!(found, vec![(0, 6), (7, 13), (14, 20)]);
        assert_eq!(utf8_stretches(&codes, &text, Family::Single, 7, 13, 4), vec![(7, 13)]);
    }
}
