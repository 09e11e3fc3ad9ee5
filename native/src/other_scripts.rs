//! Which lines of a page may hold another script's UTF-8 read by a CJK or single-byte decoder
//! (cleaner/repair/other_scripts.py): the gate before its readings, one pass a page.
//!
//! A family gives a line a reading only where a UTF-8 run of the line's byte view in that family
//! holds a stretch of characters all of one script's class (its letters, the signs it may hold,
//! Han and Chinese punctuation) with enough of its letters (two kana, four Cyrillic letters...):
//! every reading the stage takes or names as unread is such a stretch. Clean Chinese text's GBK
//! or Big5 bytes read as UTF-8 for a character or two at most, so most lines, even those rich in
//! rare names, hold none, and the stage's Python readings (byte views as lists, a regex per
//! piece, the script of each reading) are spared them. Each stretch is given as the characters
//! of the line it was read from, for the caller to judge whether they look misread (a reading
//! is taken only from a stretch that does). The Python original is
//! tests/reference_other_scripts.py, which the property tests hold this to.

use crate::codes::{Codes, Family};

const LOST: u32 = 0xFFFD;
const NEWLINE: u32 = 0x0A;
/// In a line's byte view: a byte the decoder lost (U+FFFD), and a break between pieces (an ASCII
/// character, or one the family never gives), which no UTF-8 character holds.
const UNKNOWN: u16 = 0x100;
const BREAK: u16 = 0;

/// A script's letters and the characters a reading of it may hold (inclusive code point
/// ranges, the letters among them), and how many letters a stretch must hold. Membership in
/// the Basic Multilingual Plane is a bit of a table made once (`new`): asked for every
/// character read, the ranges' scan was a third of the gate's time.
pub struct Script {
    ranges: Vec<(u32, u32)>,
    only: Vec<(u32, u32)>,
    pub least: usize,
    bmp_holds: Vec<u64>,
    bmp_allows: Vec<u64>,
}

/// A script as Python hands it over: (letters, what a reading may hold, least letters).
pub type ScriptRanges = (Vec<(u32, u32)>, Vec<(u32, u32)>, usize);

/// The BMP code points of `ranges`, one bit each.
fn bmp_bits(ranges: &[(u32, u32)]) -> Vec<u64> {
    let mut bits = vec![0u64; 0x10000 / 64];
    for &(lo, hi) in ranges {
        for c in lo..=hi.min(0xFFFF) {
            bits[c as usize / 64] |= 1 << (c % 64);
        }
    }
    bits
}

fn member(bits: &[u64], ranges: &[(u32, u32)], c: u32) -> bool {
    if c < 0x10000 {
        bits[c as usize / 64] >> (c % 64) & 1 != 0
    } else {
        ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi)
    }
}

impl Script {
    pub fn new(ranges: Vec<(u32, u32)>, only: Vec<(u32, u32)>, least: usize) -> Script {
        Script {
            bmp_holds: bmp_bits(&ranges),
            bmp_allows: bmp_bits(&only),
            ranges,
            only,
            least,
        }
    }

    fn holds(&self, c: u32) -> bool {
        member(&self.bmp_holds, &self.ranges, c)
    }

    fn allows(&self, c: u32) -> bool {
        member(&self.bmp_allows, &self.only, c)
    }
}

/// For each line (cut at '\n', by index) whose byte view in some family of `families` may give
/// a reading, (index, bit k set for families[k]), in order. `misread`: does a character look
/// misread (rare by the model, or U+FFFD)? A GBK or Big5 reading is taken only from characters
/// of which a third do (other_scripts._strong; unread ones too): a stretch holding none gives
/// none, and a line holding none is not viewed in those families at all. The single-byte
/// family's readings are judged by themselves.
pub fn lines(
    codes: &Codes,
    text: &[u32],
    families: &[Family],
    scripts: &[Script],
    fills: &[u8],
    misread: impl Fn(u32) -> bool,
) -> Vec<(usize, u8)> {
    let mut out = Vec::new();
    let mut data = Vec::new(); // one buffer for every view
    let mut owner = Vec::new(); // the line's character each byte of the view came from
    let mut marks = Vec::new(); // misread characters of the line before each of its characters
    let mut open = Vec::with_capacity(scripts.len());
    for (index, line) in text.split(|&c| c == NEWLINE).enumerate() {
        if line.iter().all(|&c| c < 0x80) {
            continue; // no piece to view
        }
        marks.clear();
        marks.push(0usize);
        for &c in line {
            marks.push(marks[marks.len() - 1] + usize::from(misread(c)));
        }
        let mut mask = 0u8;
        for (k, &family) in families.iter().enumerate() {
            let single = family == Family::Single;
            if !single && marks[line.len()] == 0 {
                continue; // nothing looks misread: no stretch of it does
            }
            if single && !codes.single_view_may_lead(line) {
                continue; // no UTF-8 character begins in its view: no stretch reads
            }
            let fills = if single { fills } else { &[] };
            let looks_misread = |a: usize, b: usize| single || marks[b] > marks[a];
            // No UTF-8 run spans a break (an ASCII character, or one the family never gives): in
            // a two-byte family only the pieces between breaks that hold a misread character
            // are viewed (a clean line's rare name is a piece of a few characters).
            let pieces = if single {
                vec![(0, line.len())]
            } else {
                pieces(codes, line, family)
            };
            for (a, b) in pieces {
                if !looks_misread(a, b) {
                    continue;
                }
                view(codes, &line[a..b], a, family, &mut data, &mut owner);
                if may_read(&data, &owner, scripts, fills, &mut open, looks_misread) {
                    mask |= 1 << k;
                    break;
                }
            }
        }
        if mask != 0 {
            out.push((index, mask));
        }
    }
    out
}

/// (start, end) of the pieces of `line` between breaks in a `family` view: the runs of
/// characters beyond ASCII that the family gives (U+FFFD among them).
pub fn pieces(codes: &Codes, line: &[u32], family: Family) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, &c) in line.iter().enumerate() {
        let given = c == LOST || (c >= 0x80 && codes.encode(c, family).is_some());
        match (given, start) {
            (true, None) => start = Some(at),
            (false, Some(a)) => {
                out.push((a, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push((a, line.len()));
    }
    out
}

/// The bytes a `family` decoder read as `line`, piece by piece (other_scripts._views), into
/// `out`, and the character each came from into `owner` (counted from `offset`): each non-ASCII character the family
/// gives, U+FFFD as an unknown byte; anything else a break.
fn view(codes: &Codes, line: &[u32], offset: usize, family: Family, out: &mut Vec<u16>, owner: &mut Vec<usize>) {
    out.clear();
    owner.clear();
    for (at, &c) in (offset..).zip(line) {
        if c == LOST {
            out.push(UNKNOWN);
        } else if c < 0x80 {
            out.push(BREAK);
        } else {
            match codes.encode(c, family) {
                // A real ff (ÿ in cp1252) is no UTF-8 byte either: fe, as the Python writes it.
                Some(code) => out.extend(
                    code.as_slice()
                        .iter()
                        .map(|&b| if b == 0xFF { 0xFE } else { u16::from(b) }),
                ),
                None => out.push(BREAK),
            }
        }
        owner.resize(out.len(), at);
    }
}

/// Is `b` in the byte range, or unknown (other_scripts._CHAR: an unknown byte stands for any)?
fn fits(b: u16, lo: u16, hi: u16) -> bool {
    b == UNKNOWN || (lo <= b && b <= hi)
}

/// The length of the UTF-8 character other_scripts._CHAR matches at the start of `data`, its
/// alternatives tried in its order (three bytes, four, two), or 0.
fn char_at(data: &[u16]) -> usize {
    let cont = |n: usize| data.len() >= n && data[1..n].iter().all(|&b| fits(b, 0x80, 0xBF));
    let Some(&lead) = data.first() else { return 0 };
    if fits(lead, 0xE0, 0xEF) && cont(3) {
        3
    } else if fits(lead, 0xF0, 0xF4) && cont(4) {
        4
    } else if fits(lead, 0xC2, 0xDF) && cont(2) {
        2
    } else {
        0
    }
}

/// Does a UTF-8 run of `data` (other_scripts.UTF8_RUN's matches, as ``finditer`` finds them)
/// hold a stretch of characters all of one script's class, with its least letters, read from
/// characters of the line (`owner` gives them) that `looks_misread` (start, end)? A character
/// with an unknown byte is the letter the bytes its decoder can lose (`fills`: the single-byte
/// family's) make of it, if one, else U+FFFD (lost, which any reading may hold); one that is no
/// UTF-8 (overlong, a surrogate) leaves its reading empty, so ends every stretch.
fn may_read(
    data: &[u16],
    owner: &[usize],
    scripts: &[Script],
    fills: &[u8],
    open: &mut Vec<(Option<usize>, usize)>,
    looks_misread: impl Fn(usize, usize) -> bool,
) -> bool {
    let mut i = 0;
    while i < data.len() {
        let mut n = char_at(&data[i..]);
        if n == 0 {
            i += 1;
            continue;
        }
        // Per script: where its stretch began (a byte of `data`) and the letters it holds.
        open.clear();
        open.resize(scripts.len(), (None, 0));
        while n > 0 {
            let piece = &data[i..i + n];
            let read = if piece.contains(&UNKNOWN) {
                Some(filled(piece, fills, scripts).unwrap_or(LOST))
            } else {
                decoded(piece)
            };
            for (state, script) in open.iter_mut().zip(scripts) {
                match read {
                    Some(c) if script.allows(c) => {
                        let start = state.0.unwrap_or(i);
                        let letters = state.1 + usize::from(script.holds(c));
                        if letters >= script.least && looks_misread(owner[start], owner[i + n - 1] + 1) {
                            return true;
                        }
                        *state = (Some(start), letters);
                    }
                    _ => *state = (None, 0),
                }
            }
            i += n;
            n = char_at(&data[i..]);
        }
    }
    false
}

/// other_scripts._filled: the one letter of some script that the unknown bytes of `piece` (at
/// most two) make, each one of `fills`, or None.
fn filled(piece: &[u16], fills: &[u8], scripts: &[Script]) -> Option<u32> {
    let holes: Vec<usize> = (0..piece.len()).filter(|&k| piece[k] == UNKNOWN).collect();
    if fills.is_empty() || holes.len() > 2 {
        return None;
    }
    let mut found: Option<u32> = None;
    let combos = fills.len().pow(holes.len() as u32);
    for combo in 0..combos {
        let mut bytes = [0u8; 4];
        let mut rest = combo;
        for (k, &b) in piece.iter().enumerate() {
            bytes[k] = if b == UNKNOWN {
                let value = fills[rest % fills.len()];
                rest /= fills.len();
                value
            } else {
                b as u8
            };
        }
        let Ok(s) = std::str::from_utf8(&bytes[..piece.len()]) else {
            continue;
        };
        let Some(c) = s.chars().next().map(u32::from) else {
            continue;
        };
        if scripts.iter().any(|script| script.holds(c)) {
            match found {
                Some(other) if other != c => return None, // two letters: no telling which
                _ => found = Some(c),
            }
        }
    }
    found
}

/// The one character known bytes (at most four) decode to as strict UTF-8, or None.
fn decoded(piece: &[u16]) -> Option<u32> {
    let mut bytes = [0u8; 4];
    for (to, &b) in bytes.iter_mut().zip(piece) {
        *to = b as u8;
    }
    let s = std::str::from_utf8(&bytes[..piece.len()]).ok()?;
    s.chars().next().map(u32::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::tests::{cps, with_views};
    use crate::codes::UNIT;

    /// Views where each given character is its UTF-8 bytes read one a character: 'é' is byte e9.
    fn latin_codes() -> Codes {
        let none = vec![0u8; 0x10000 * UNIT];
        with_views([&none, &none, &latin_view()], 0)
    }

    fn kana() -> Vec<Script> {
        vec![Script::new(
            vec![(0x3041, 0x3096)],
            vec![(0x3041, 0x3096), (0x4E00, 0x9FFF), (0xFFFD, 0xFFFD)],
            2,
        )]
    }

    #[test]
    fn membership_is_the_ranges_in_and_beyond_the_bmp() {
        let ranges = vec![(0x3041, 0x3096), (0xFFF0, 0x1F64F), (0x20000, 0x2A6DF)];
        let script = Script::new(ranges.clone(), ranges.clone(), 1);
        for c in [
            0x80, 0x3040, 0x3041, 0x3096, 0x3097, 0xFFEF, 0xFFF0, 0xFFFF, 0x10000, 0x1F64F, 0x1F650, 0x20000, 0x2A6E0,
        ] {
            let want = ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi);
            assert_eq!((script.holds(c), script.allows(c)), (want, want), "U+{c:X}");
        }
    }

    /// UTF-8 of `s` read one byte a character (Latin-1).
    fn misread(s: &str) -> String {
        s.bytes().map(char::from).collect()
    }

    /// Every character looks misread.
    fn any(_: u32) -> bool {
        true
    }

    #[test]
    fn a_line_whose_bytes_read_as_enough_letters_passes() {
        let codes = latin_codes();
        let text = format!("{}\nplain\n{}", misread("ひらがな"), misread("ひ"));
        let found = lines(&codes, &cps(&text), &[Family::Gbk, Family::Single], &kana(), &[], any);
        assert_eq!(found, vec![(0, 0b10)]); // one kana is too few; the gbk view gives nothing
    }

    #[test]
    fn a_stretch_holds_only_its_scripts_class() {
        let codes = latin_codes();
        let passes = |text: String| !lines(&codes, &cps(&text), &[Family::Single], &kana(), &[], any).is_empty();
        // Han may stand among kana (a kanji); é may not, and cuts the stretch in two.
        assert!(passes(misread("ひ漢ら")));
        assert!(!passes(misread("ひéら")));
        assert!(passes(misread("ひéらが")));
        // A character that lost a byte is read as U+FFFD, which any reading may hold.
        assert!(passes(format!(
            "{}\u{e3}\u{fffd}\u{89}{}",
            misread("ひ"),
            misread("ら")
        )));
    }

    #[test]
    fn a_two_byte_familys_stretch_must_be_read_from_a_character_that_looks_misread() {
        let view = latin_view();
        let codes = with_views([&view, &view, &view], 0);
        let text = format!("{}\u{a1}\n{}", misread("ひら"), misread("ひら"));
        let marked = |c: u32| c == 0xA1; // the line's last character, outside the stretch
        let found = lines(
            &codes,
            &cps(&text),
            &[Family::Gbk, Family::Single],
            &kana(),
            &[],
            marked,
        );
        assert_eq!(found, vec![(0, 0b10), (1, 0b10)]); // the single-byte family is judged by the reading
        let in_stretch = |c: u32| c == u32::from(misread("ら").chars().last().unwrap());
        let found = lines(&codes, &cps(&text), &[Family::Gbk], &kana(), &[], in_stretch);
        assert_eq!(found, vec![(0, 1), (1, 1)]);
    }

    #[test]
    fn an_ascii_character_or_one_never_given_breaks_the_run() {
        let codes = latin_codes();
        let (a, b) = (misread("ひ"), misread("ら"));
        for sep in [" ", "\u{4e00}"] {
            let text = format!("{a}{sep}{b}");
            assert!(lines(&codes, &cps(&text), &[Family::Single], &kana(), &[], any).is_empty());
        }
    }

    #[test]
    fn a_lost_byte_counts_where_the_bytes_a_decoder_loses_make_one_letter() {
        let codes = latin_codes();
        // は is e3 81 af: its middle byte lost, and of the fills only 81 makes a kana there.
        let text = format!("\u{e3}\u{fffd}\u{af}{}", misread("ら"));
        let single = |fills: &[u8]| lines(&codes, &cps(&text), &[Family::Single], &kana(), fills, any);
        assert_eq!(single(&[0x81, 0x8D]), vec![(0, 1)]);
        assert!(single(&[]).is_empty());
        assert!(single(&[0x8D]).is_empty()); // e3 8d af is a Han character
                                             // Two fills making two kana (e3 81 81 is ぁ, e3 81 82 is あ): no telling which.
        let two = format!("\u{e3}\u{81}\u{fffd}{}", misread("ら"));
        assert!(lines(&codes, &cps(&two), &[Family::Single], &kana(), &[0x81, 0x82], any).is_empty());
        let view = latin_view();
        let gbk = with_views([&view, &view, &view], 0);
        assert!(lines(&gbk, &cps(&text), &[Family::Gbk], &kana(), &[0x81], any).is_empty());
    }

    /// Each character U+0080-U+00FF is its own code point's byte.
    fn latin_view() -> Vec<u8> {
        let mut view = vec![0u8; 0x10000 * UNIT];
        for c in 0x80..0x100 {
            view[c * UNIT] = 1;
            view[c * UNIT + 1] = c as u8;
        }
        view
    }
}
