//! truncated_runs' search for line ends that may end a cut character, in one pass a page.
//!
//! The stage (cleaner/repair/truncated_runs.py) looks at every line end and truncation mark of
//! every page holding a character above U+2FFF, and views the last four characters before each
//! in GBK: on a clean page some thirty ends, each a few Python calls, and none of them cut (a
//! tenth of a clean page's repair stages). Here the same test (`_ends` and `_ends_cut`, with no
//! floor: the stage's state before its first repair) is asked of the code points directly, from
//! a table of each BMP character's two GBK bytes. The Python original is
//! tests/reference_truncated_runs.py, which the property tests hold this to.

use pyo3::prelude::*;
use pyo3::types::PyString;

/// U+FFFD, a decoder's mark for a byte it could not read.
const MARK: u32 = 0xFFFD;
/// Each BMP character's two GBK bytes, and the truncation marks a cut text may end with.
pub struct GbkPairs {
    /// By code point: `lead << 8 | trail`; 0: none, or not two bytes.
    pairs: Vec<u16>,
    /// truncated_runs._MARKS by code points (each non-empty), besides the line's end.
    marks: Vec<Vec<u32>>,
}

/// A character's bytes in the stage's byte view (truncated_runs._pair).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Pair {
    /// A character with no view: it ends a stretch.
    None,
    /// A decoder's mark: one byte, unknown.
    Mark,
    /// An ASCII letter or digit: its byte.
    One(u8),
    /// A two-byte GBK character.
    Two(u8, u8),
}

impl GbkPairs {
    /// `pairs`: 65536 code points x 2 bytes (lead, trail), both 0 where `ch.encode("gbk")` is not
    /// two bytes; `marks`: the truncation marks, each one character or more.
    pub fn new(pairs: &[u8], marks: &[Vec<u32>]) -> Result<GbkPairs, String> {
        if marks.iter().any(Vec::is_empty) {
            return Err("an empty truncation mark".to_string());
        }
        if pairs.len() != 0x10000 * 2 {
            return Err(format!(
                "a GBK pair table is {} bytes, not {}",
                0x10000 * 2,
                pairs.len()
            ));
        }
        let pairs = pairs
            .chunks_exact(2)
            .map(|c| u16::from(c[0]) << 8 | u16::from(c[1]))
            .collect();
        Ok(GbkPairs {
            pairs,
            marks: marks.to_vec(),
        })
    }

    fn pair(&self, c: u32) -> Pair {
        if c == MARK {
            return Pair::Mark;
        }
        if c < 0x80 {
            let b = c as u8;
            return if b.is_ascii_alphanumeric() {
                Pair::One(b)
            } else {
                Pair::None
            };
        }
        match self.pairs.get(c as usize) {
            Some(&p) if p != 0 => Pair::Two((p >> 8) as u8, p as u8),
            _ => Pair::None,
        }
    }

    /// The ends of `text` after `floor` (truncated_runs._ends: each line's end, each truncation
    /// mark's start where the same mark does not stand before it, the text's end), in order, at
    /// which `_ends_cut(text, end, floor)` holds. `floor`: where the stage's last repair ended
    /// (0 before any); nothing before it is looked at.
    pub fn cut_ends(&self, text: &[u32], floor: usize) -> Vec<usize> {
        ends(text, &self.marks)
            .into_iter()
            .filter(|&end| end > floor && self.ends_cut(text, end, floor))
            .collect()
    }

    /// truncated_runs._ends_cut: do the GBK bytes before `end` (after the marks that end it, and
    /// not before `floor`) end as a cut character's do?
    fn ends_cut(&self, text: &[u32], end: usize, floor: usize) -> bool {
        let mut k = end;
        while k > floor && text[k - 1] == MARK {
            k -= 1;
        }
        let marks = end - k;
        let tail = self.tail_bytes(text, k, floor);
        let (cut, need) = dangling(&tail);
        if !(if cut > 0 { need > marks } else { marks == 1 }) {
            return false;
        }
        let whole = &tail[..tail.len() - cut];
        if whole.is_empty() {
            return true;
        }
        (0..whole.len().min(3)).any(|at| std::str::from_utf8(&whole[at..]).is_ok())
    }

    /// truncated_runs._tail_bytes: the bytes of the last four characters before `k` (not before
    /// `floor`), from the last mark or character of no view on.
    fn tail_bytes(&self, text: &[u32], k: usize, floor: usize) -> Vec<u8> {
        let mut tail = Vec::with_capacity(8);
        for &c in &text[k.saturating_sub(4).max(floor)..k] {
            match self.pair(c) {
                Pair::None | Pair::Mark => tail.clear(),
                Pair::One(b) => tail.push(b),
                Pair::Two(a, b) => tail.extend([a, b]),
            }
        }
        tail
    }
}

/// truncated_runs._ends: where a cut text may end, sorted, each once.
fn ends(text: &[u32], marks: &[Vec<u32>]) -> Vec<usize> {
    let mut found = Vec::new();
    for (at, &c) in text.iter().enumerate() {
        if c == u32::from('\n') {
            found.push(at);
            continue;
        }
        let starts_mark = marks
            .iter()
            .any(|m| m[0] == c && text[at..].starts_with(m) && (at == 0 || text[at - 1] != c));
        if starts_mark {
            found.push(at);
        }
    }
    found.push(text.len()); // after every position below it: the list stays sorted
    found.dedup();
    found
}

/// truncated_runs._dangling: (how many bytes at the end of `data` are a UTF-8 lead and fewer
/// continuation bytes than it asks for, how many more it asks for); (0, 0) if it ends whole.
fn dangling(data: &[u8]) -> (usize, usize) {
    for back in 1..=data.len().min(3) {
        let byte = data[data.len() - back];
        if (0x80..=0xBF).contains(&byte) {
            continue;
        }
        let size = match byte {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 0,
        };
        return if size > back { (back, size - back) } else { (0, 0) };
    }
    (0, 0)
}

/// The GBK pair table of truncated_runs, handed over once (`truncated_runs._native_pairs`).
#[pyclass(frozen, module = "cleaner._native", name = "GbkPairs")]
pub struct PyGbkPairs {
    core: GbkPairs,
}

#[pymethods]
impl PyGbkPairs {
    /// `pairs`: 65536 x (lead, trail), both 0 where a BMP character has no two-byte GBK code;
    /// `marks`: the truncation marks.
    #[new]
    fn new(pairs: &[u8], marks: Vec<String>) -> PyResult<Self> {
        let marks: Vec<Vec<u32>> = marks.iter().map(|m| m.chars().map(u32::from).collect()).collect();
        let core = GbkPairs::new(pairs, &marks).map_err(pyo3::exceptions::PyValueError::new_err)?;
        Ok(PyGbkPairs { core })
    }

    /// The ends of `text` after `floor` at which truncated_runs._ends_cut(text, end, floor)
    /// holds, in order.
    fn cut_ends(&self, text: &Bound<'_, PyString>, floor: usize) -> PyResult<Vec<usize>> {
        Ok(self.core.cut_ends(&crate::code_points(text)?, floor))
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyGbkPairs>()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table holding the given characters' pairs only.
    fn table(pairs: &[(char, u8, u8)]) -> GbkPairs {
        let mut blob = vec![0u8; 0x10000 * 2];
        for &(c, a, b) in pairs {
            blob[2 * c as usize] = a;
            blob[2 * c as usize + 1] = b;
        }
        GbkPairs::new(&blob, &marks()).unwrap()
    }

    impl GbkPairs {
        fn cut_ends_from0(&self, text: &[u32]) -> Vec<usize> {
            self.cut_ends(text, 0)
        }
    }

    fn marks() -> Vec<Vec<u32>> {
        ["..", "…", "⋯"].iter().map(|m| cps(m)).collect()
    }

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(u32::from).collect()
    }

    #[test]
    fn the_ends_are_line_ends_marks_once_and_the_text_s_end() {
        assert_eq!(ends(&cps("ab\ncd...e…f"), &marks()), vec![2, 5, 9, 11]);
        assert_eq!(ends(&cps(".."), &marks()), vec![0, 2]);
        assert_eq!(ends(&cps(""), &marks()), vec![0]);
    }

    #[test]
    fn a_tail_ending_in_a_lead_short_of_its_bytes_is_cut() {
        // 3骞达 (e5 b9 b4 ef): 年 e5 b9 b4, then ef, a lead of three bytes with none after it.
        let gbk = table(&[('骞', 0xE5, 0xB9), ('达', 0xB4, 0xEF), ('中', 0xD6, 0xD0)]);
        assert_eq!(gbk.cut_ends_from0(&cps("3骞达")), vec![3]);
        // 中 (d6 d0): d0 asks for one byte more, and d6 alone reads as no UTF-8 before it.
        assert_eq!(gbk.cut_ends_from0(&cps("中")), Vec::<usize>::new());
        assert_eq!(gbk.cut_ends_from0(&cps("x中")), Vec::<usize>::new());
    }

    #[test]
    fn one_mark_after_whole_bytes_is_a_cut_and_a_character_of_no_view_starts_the_tail_again() {
        let gbk = table(&[('骞', 0xE5, 0xB9)]);
        assert_eq!(gbk.cut_ends_from0(&cps("3\u{fffd}")), vec![2]);
        assert_eq!(gbk.cut_ends_from0(&cps("3\u{fffd}\u{fffd}")), Vec::<usize>::new());
        assert_eq!(gbk.cut_ends_from0(&cps("，\u{fffd}")), vec![2]); // no bytes before the mark at all
    }

    #[test]
    fn nothing_at_or_before_the_floor_is_looked_at() {
        let gbk = table(&[('骞', 0xE5, 0xB9), ('达', 0xB4, 0xEF)]);
        // The end at 3 is at the floor; the one at 5 reads 达 alone (b4 ef: no UTF-8 before ef).
        assert_eq!(gbk.cut_ends(&cps("3骞达\n达"), 3), Vec::<usize>::new());
        assert_eq!(gbk.cut_ends(&cps("3骞达\n3骞达"), 3), vec![7]);
        // A mark right after the floor: the marks are counted from the floor on only.
        assert_eq!(gbk.cut_ends(&cps("3\u{fffd}\u{fffd}"), 2), vec![3]);
    }

    #[test]
    fn dangling_counts_the_missing_bytes() {
        assert_eq!(dangling(&[0xE5]), (1, 2));
        assert_eq!(dangling(&[0xE5, 0xB9]), (2, 1));
        assert_eq!(dangling(&[0xE5, 0xB9, 0xB4]), (0, 0));
        assert_eq!(dangling(&[0xB9, 0xB9, 0xB9]), (0, 0));
        assert_eq!(dangling(&[]), (0, 0));
    }
}
