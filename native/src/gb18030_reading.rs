//! width_folded's test of which lines show UTF-8 read as GBK, in one pass a page.
//!
//! The stage (cleaner/repair/width_folded.py) reads a line only where its GB18030 bytes, read
//! as UTF-8, give Chinese for a good part of its characters beyond ASCII. Asked in Python, every
//! page with a character beyond ASCII was encoded, decoded and cut into lines, and each line
//! encoded again and searched: some 60 us of a clean page, whose lines almost never pass. Here the
//! page's bytes are taken from a table of each BMP character's GB18030 code and read as UTF-8
//! as Python's decoder reads them with errors="ignore" (each maximal ill-formed subpart left
//! out), line by line. The Python original is tests/reference_width_folded.py, which the
//! property tests hold this to.

use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::codes::{gb18030_supplementary, Code, UNIT};

/// Each BMP character's GB18030 bytes, and the ranges of characters counted as Chinese.
pub struct Gb18030Reading {
    bmp: Vec<Code>,
    chinese: Vec<(u32, u32)>,
    /// The least code point of the ranges.
    least: u32,
}

impl Gb18030Reading {
    /// `bmp`: 65536 x [count, b0, b1, b2, b3], each code point's `encode("gb18030",
    /// errors="replace")` (a lone surrogate's is "?"); `chinese`: inclusive ranges.
    pub fn new(bmp: &[u8], chinese: Vec<(u32, u32)>) -> Result<Gb18030Reading, String> {
        if bmp.len() != 0x10000 * UNIT {
            return Err(format!(
                "a GB18030 table is {} bytes, not {}",
                0x10000 * UNIT,
                bmp.len()
            ));
        }
        let bmp = bmp
            .chunks_exact(UNIT)
            .map(|c| Code {
                len: c[0].min(4),
                bytes: [c[1], c[2], c[3], c[4]],
            })
            .collect();
        let least = chinese.iter().map(|&(a, _)| a).min().unwrap_or(u32::MAX);
        Ok(Gb18030Reading { bmp, chinese, least })
    }

    fn code(&self, c: u32) -> Code {
        if c < 0x10000 {
            self.bmp[c as usize]
        } else {
            gb18030_supplementary(c)
        }
    }

    /// The lines of `text` (cut at '\n', by index) holding `least_wide` characters beyond ASCII
    /// at least, of which the page's GB18030 bytes, read as UTF-8 (ill-formed bytes left out),
    /// give on that line a `share` at least of Chinese characters (width_folded._shows_utf8_as_gbk
    /// of each line and its reading, width_folded._read_lines).
    pub fn lines_reading_chinese(&self, text: &[u32], least_wide: usize, share: f64) -> Vec<usize> {
        let mut bytes = Vec::with_capacity(text.len() * 4);
        // Characters beyond ASCII of each line, from the text.
        let mut wide = vec![0usize];
        for &c in text {
            if c < 0x80 {
                bytes.push(c as u8);
                if c == u32::from('\n') {
                    wide.push(0);
                }
                continue;
            }
            *wide.last_mut().unwrap() += 1;
            bytes.extend_from_slice(self.code(c).as_slice());
        }
        // Chinese characters of each line's reading: a line break is the byte 0a in both, never
        // inside another character's bytes.
        let mut chinese = vec![0usize; wide.len()];
        let mut line = 0;
        read_ignoring(&bytes, |c| {
            if c == u32::from('\n') {
                line += 1;
            } else if self.is_chinese(c) {
                chinese[line] += 1;
            }
        });
        (0..wide.len())
            .filter(|&k| wide[k] >= least_wide && chinese[k] as f64 >= share * wide[k] as f64)
            .collect()
    }

    fn is_chinese(&self, c: u32) -> bool {
        // Most of a clean page's reading is ASCII and two-byte letters, below every range.
        c >= self.least && self.chinese.iter().any(|&(a, b)| a <= c && c <= b)
    }
}

/// Each code point of `data` read as UTF-8, each maximal ill-formed subpart left out (Python's
/// errors="ignore", which follows Unicode's practice: a lead and the continuation bytes after it
/// that may still begin a well-formed sequence are one subpart; a byte that cannot is one).
fn read_ignoring(data: &[u8], mut each: impl FnMut(u32)) {
    let mut i = 0;
    while i < data.len() {
        let lead = data[i];
        if lead < 0x80 {
            each(u32::from(lead));
            i += 1;
            continue;
        }
        // The sequence's length and the range of its second byte (Unicode's table 3-7).
        let (len, lo, hi) = match lead {
            0xC2..=0xDF => (2, 0x80, 0xBF),
            0xE0 => (3, 0xA0, 0xBF),
            0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
            0xED => (3, 0x80, 0x9F),
            0xF0 => (4, 0x90, 0xBF),
            0xF1..=0xF3 => (4, 0x80, 0xBF),
            0xF4 => (4, 0x80, 0x8F),
            _ => {
                i += 1;
                continue;
            }
        };
        let mut cp = u32::from(lead) & (0x7F >> len);
        let mut k = 1;
        while k < len {
            let Some(&byte) = data.get(i + k) else { break };
            let (a, b) = if k == 1 { (lo, hi) } else { (0x80, 0xBF) };
            if !(a..=b).contains(&byte) {
                break;
            }
            cp = cp << 6 | u32::from(byte & 0x3F);
            k += 1;
        }
        if k == len {
            each(cp);
        }
        i += k; // a whole sequence, or the subpart read so far
    }
}

/// width_folded's GB18030 table and Chinese ranges, handed over once
/// (`width_folded._reading`).
#[pyclass(frozen, module = "cleaner._native", name = "Gb18030Reading")]
pub struct PyGb18030Reading {
    core: Gb18030Reading,
}

#[pymethods]
impl PyGb18030Reading {
    /// `bmp`: 65536 x [count, b0, b1, b2, b3] GB18030 codes; `chinese`: inclusive ranges.
    #[new]
    fn new(bmp: &[u8], chinese: Vec<(u32, u32)>) -> PyResult<Self> {
        let core = Gb18030Reading::new(bmp, chinese).map_err(pyo3::exceptions::PyValueError::new_err)?;
        Ok(PyGb18030Reading { core })
    }

    /// The lines of `text` (by index, in order) whose GB18030 bytes read as UTF-8 Chinese for
    /// `share` of their `least_wide` or more characters beyond ASCII.
    fn lines_reading_chinese(&self, text: &Bound<'_, PyString>, least_wide: usize, share: f64) -> PyResult<Vec<usize>> {
        Ok(self
            .core
            .lines_reading_chinese(&crate::code_points(text)?, least_wide, share))
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyGb18030Reading>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(u32::from).collect()
    }

    /// A table in which ASCII is itself and the given characters have the given codes.
    fn table(codes: &[(char, &[u8])]) -> Gb18030Reading {
        let mut blob = vec![0u8; 0x10000 * UNIT];
        for c in 0..0x80usize {
            blob[c * UNIT] = 1;
            blob[c * UNIT + 1] = c as u8;
        }
        for &(c, code) in codes {
            let at = c as usize * UNIT;
            blob[at] = code.len() as u8;
            blob[at + 1..at + 1 + code.len()].copy_from_slice(code);
        }
        Gb18030Reading::new(&blob, vec![(0x4E00, 0x9FFF)]).unwrap()
    }

    fn read(data: &[u8]) -> String {
        let mut out = String::new();
        read_ignoring(data, |c| out.push(char::from_u32(c).unwrap()));
        out
    }

    #[test]
    fn ill_formed_bytes_are_left_out_one_maximal_subpart_at_a_time() {
        assert_eq!(read(b"a\xe4\xb8b"), "ab");
        assert_eq!(read(b"\xe4\xb8\xad\xff\xe4"), "中");
        assert_eq!(read(b"\xf0\x80\x80a"), "a");
        assert_eq!(read(b"\xe4\xe4\xb8\xad\xed\xa0\x80\xf0\x9f\x98\x80"), "中😀");
        // The same as the standard library's lossy reading without its replacement marks.
        let data = b"\xc3\x28\xe2\x82\xe2\x82\xac\xf4\x90\x80\x80z\xc0\xaf";
        assert_eq!(read(data), String::from_utf8_lossy(data).replace('\u{fffd}', ""));
    }

    #[test]
    fn a_line_passes_where_its_bytes_read_as_enough_chinese() {
        // 涓 (e4 b8) and 枃 (96 87) read as 中 and a lone byte; 中 alone reads as none.
        let reading = table(&[
            ('涓', &[0xE4, 0xB8]),
            ('枃', &[0xAD, 0xE6]),
            ('鏂', &[0x96, 0x87]),
            ('中', &[0xD6, 0xD0]),
        ]);
        let page = cps("涓枃鏂涓枃鏂\n中中中中中\nab");
        assert_eq!(reading.lines_reading_chinese(&page, 4, 0.2), vec![0]);
        assert_eq!(reading.lines_reading_chinese(&page, 7, 0.2), Vec::<usize>::new());
    }
}
