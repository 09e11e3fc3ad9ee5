//! Which of a few character classes a text holds, in one pass (cleaner/pagefacts.py).
//!
//! The repair stages each ask first whether a page holds any character of some class (a mark of
//! loss, a rare character, an invisible one): most pages hold none and the stage is done. Asked
//! with a regex per stage that is one scan of the page per stage; here the classes are known
//! together (per BMP code point, a bit per class) and one pass answers for all of them. Classes
//! are known over the Basic Multilingual Plane only: a text holding a character beyond it is
//! answered None, and the caller asks its regex.

/// Per BMP code point, bit k set when the point is a member of class k.
pub struct CharSets {
    table: Vec<u32>,
}

impl CharSets {
    /// At most 32 classes, each given by its members, all in the BMP.
    pub fn new(classes: &[Vec<char>]) -> Result<CharSets, String> {
        if classes.len() > 32 {
            return Err("at most 32 classes (one bit each)".into());
        }
        let mut table = vec![0u32; 0x10000];
        for (k, members) in classes.iter().enumerate() {
            for &c in members {
                let u = c as u32;
                if u >= 0x10000 {
                    return Err(format!("U+{u:X} is beyond the BMP"));
                }
                table[u as usize] |= 1 << k;
            }
        }
        Ok(CharSets { table })
    }

    /// Is `c` a member of class `k`, where the class is a rare class (mojibake._rare_char,
    /// ``[^...]``): every character beyond the BMP and every lone surrogate are members (the
    /// table knows the BMP's other code points only).
    pub fn rare(&self, c: u32, k: u32) -> bool {
        c >= 0x10000 || (0xD800..0xE000).contains(&c) || self.table[c as usize] >> k & 1 != 0
    }

    /// Bit k: `text` holds a member of class k; None if it holds a character beyond the BMP.
    pub fn scan(&self, text: &str) -> Option<u32> {
        let mut found = 0u32;
        for c in text.chars() {
            let u = c as u32;
            if u >= 0x10000 {
                return None;
            }
            found |= self.table[u as usize];
        }
        Some(found)
    }

    /// How many characters of `text` are members of class `k`; None if it holds a character
    /// beyond the BMP (charclass.CharClass.count, which counts those itself).
    pub fn count(&self, text: &str, k: u32) -> Option<usize> {
        let bit = 1u32 << k;
        let mut n = 0;
        for c in text.chars() {
            let u = c as u32;
            if u >= 0x10000 {
                return None;
            }
            n += usize::from(self.table[u as usize] & bit != 0);
        }
        Some(n)
    }

    /// (start, end) in characters of each sentence of `text` holding a member of class `k`, in
    /// order; None if it holds a character beyond the BMP. A sentence is a match of
    /// script/convert.py's `_SENTENCE`, `[^。！？!?\n]+[。！？!?]*`: a run of characters that end
    /// no sentence and no line, with the sentence ends after it (tests/reference_convert.py).
    pub fn sentences_with(&self, text: &str, k: u32) -> Option<Vec<(usize, usize)>> {
        let bit = 1u32 << k;
        let ends = |c: char| matches!(c, '。' | '！' | '？' | '!' | '?');
        let (mut out, mut at) = (Vec::new(), 0usize);
        // (start, holds a member, in its ends) of the sentence being read, if any.
        let mut open: Option<(usize, bool, bool)> = None;
        for c in text.chars() {
            let u = c as u32;
            if u >= 0x10000 {
                return None;
            }
            let member = self.table[u as usize] & bit != 0;
            open = match open {
                Some((start, held, in_ends)) if c != '\n' && (!in_ends || ends(c)) => {
                    Some((start, held || member, in_ends || ends(c)))
                }
                previous => {
                    if let Some((start, true, _)) = previous {
                        out.push((start, at));
                    }
                    (c != '\n' && !ends(c)).then_some((at, member, false))
                }
            };
            at += 1;
        }
        if let Some((start, true, _)) = open {
            out.push((start, at));
        }
        Some(out)
    }

    /// The lines of `text` (cut at '\n', by index) holding at least `least` members of class `k`
    /// (a line's characters only: its break is not counted), in order; None if the text holds a
    /// character beyond the BMP.
    pub fn lines_with(&self, text: &str, k: u32, least: usize) -> Option<Vec<usize>> {
        let bit = 1u32 << k;
        let (mut out, mut line, mut held) = (Vec::new(), 0, 0);
        for c in text.chars() {
            let u = c as u32;
            if u >= 0x10000 {
                return None;
            }
            if c == '\n' {
                (line, held) = (line + 1, 0);
            } else if self.table[u as usize] & bit != 0 {
                held += 1;
                if held == least {
                    out.push(line);
                }
            }
        }
        Some(out)
    }

    /// (start, end) in characters of each run of non-ASCII characters of `text` (a match of
    /// `[^\x00-\x7f]+`) at least `least` long, holding a member of class `held` and a share of
    /// at least `share` members of class `dense` (members / length, as Python divides), and, if
    /// `readers` are given, one some reader may have written (`RunReader::may_write`); None if the
    /// text holds a character beyond the BMP. The runs a repair of whole runs reads (utf8_marks'
    /// dropped bytes), found in one pass instead of one Python test a run.
    pub fn runs_with(
        &self,
        text: &str,
        held: u32,
        dense: u32,
        least: usize,
        share: f64,
        readers: &[RunReader],
    ) -> Option<Vec<(usize, usize)>> {
        let (held, dense) = (1u32 << held, 1u32 << dense);
        let mut out = Vec::new();
        let mut run = Run::new(0, readers.len());
        let mut open = false;
        for (at, c) in text.chars().enumerate() {
            let u = c as u32;
            if u >= 0x10000 {
                return None;
            }
            if u < 0x80 {
                if open && run.taken(least, share, readers) {
                    out.push((run.start, run.start + run.n));
                }
                open = false;
                continue;
            }
            if !open {
                run = Run::new(at, readers.len());
                open = true;
            }
            let bits = self.table[u as usize];
            if run.n > 0 {
                run.fold_last(readers);
            }
            run.n += 1;
            run.members += usize::from(bits & dense != 0);
            run.holds |= bits & held != 0;
            run.last = bits;
        }
        if open && run.taken(least, share, readers) {
            out.push((run.start, run.start + run.n));
        }
        Some(out)
    }
}

/// A decoder a run may have come through (utf8_marks' readings of dropped bytes): class `writes`
/// holds the characters it reads from high bytes, class `clean` those it reads from bytes that
/// are all UTF-8's (continuation bytes, leads c2-ef; by any of its codes for the character),
/// `widest` the bytes of its longest code, `most_unclean` the share of a reading's bytes at most
/// that are not UTF-8's (1 - utf8_marks.MIN_UTF8_SHARE).
#[derive(Clone, Copy)]
pub struct RunReader {
    pub writes: u32,
    pub clean: u32,
    /// Classes `tail` and `tail_clean`: the characters it reads from a high lead and an ASCII
    /// trail, and those whose lead is UTF-8's. A run's last character may be one (the repair
    /// views it as its lead alone, the letter after the run its trail: `utf8_marks._view_and_tail`).
    pub tail: Option<(u32, u32)>,
    pub widest: usize,
    pub most_unclean: f64,
}

impl RunReader {
    /// Could a run of `n` characters, `unclean` of them with no code all of UTF-8's bytes, read
    /// as bytes UTF-8's enough? Each such character holds a byte that is not (at least one),
    /// and the run holds `widest * n` bytes at most: a run this says no to has too few.
    fn may_write(&self, n: usize, unclean: usize) -> bool {
        unclean as f64 <= self.most_unclean * (self.widest * n) as f64 + 1e-9
    }
}

/// A run being read by `CharSets::runs_with`.
struct Run {
    start: usize,
    n: usize,
    members: usize,
    holds: bool,
    /// Per reader, of the characters before the last: one it does not write; those with no
    /// clean code.
    unwritten: Vec<bool>,
    unclean: Vec<usize>,
    /// The last character's classes (it may be a reader's tail).
    last: u32,
}

impl Run {
    fn new(start: usize, readers: usize) -> Run {
        Run {
            start,
            n: 0,
            members: 0,
            holds: false,
            unwritten: vec![false; readers],
            unclean: vec![0; readers],
            last: 0,
        }
    }

    /// The last character taken into the counts of the characters before it.
    fn fold_last(&mut self, readers: &[RunReader]) {
        for (k, reader) in readers.iter().enumerate() {
            self.unwritten[k] |= self.last >> reader.writes & 1 == 0;
            self.unclean[k] += usize::from(self.last >> reader.clean & 1 == 0);
        }
    }

    /// May reader `k` have written the run: its last character one it writes, or its tail.
    fn written_by(&self, k: usize, r: &RunReader) -> bool {
        let has = |class: u32| self.last >> class & 1 != 0;
        if self.unwritten[k] {
            return false;
        }
        let whole = has(r.writes) && r.may_write(self.n, self.unclean[k] + usize::from(!has(r.clean)));
        whole
            || r.tail.is_some_and(|(tail, tail_clean)| {
                self.n >= 2 && has(tail) && r.may_write(self.n, self.unclean[k] + usize::from(!has(tail_clean)))
            })
    }

    fn taken(&self, least: usize, share: f64, readers: &[RunReader]) -> bool {
        self.holds
            && self.n >= least
            && self.members as f64 / self.n as f64 >= share
            && (readers.is_empty() || readers.iter().enumerate().any(|(k, r)| self.written_by(k, r)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_class_is_a_bit_and_a_character_beyond_the_bmp_is_no_answer() {
        let sets = CharSets::new(&[vec!['\u{fffd}'], vec!['a', '国'], vec![]]).unwrap();
        assert_eq!(sets.scan("中国"), Some(0b010));
        assert_eq!(sets.scan("a\u{fffd}"), Some(0b011));
        assert_eq!(sets.scan(""), Some(0));
        assert_eq!(sets.scan("国\u{20000}"), None);
        assert!(CharSets::new(&[vec!['\u{20000}']]).is_err());
    }

    #[test]
    fn the_sentences_holding_a_member_are_found_with_their_ends() {
        let sets = CharSets::new(&[vec!['國']]).unwrap();
        assert_eq!(
            sets.sentences_with("一國。！二\n三國?四國", 0),
            Some(vec![(0, 4), (6, 9), (9, 11)])
        );
        assert_eq!(sets.sentences_with("。國\n\n國", 0), Some(vec![(1, 2), (4, 5)]));
        assert_eq!(sets.sentences_with("", 0), Some(vec![]));
        assert_eq!(sets.sentences_with("國\u{20000}", 0), None);
    }

    #[test]
    fn a_rare_class_holds_every_character_beyond_the_bmp_and_every_lone_surrogate() {
        let sets = CharSets::new(&[vec!['a'], vec!['鑫']]).unwrap();
        assert!(sets.rare(u32::from('鑫'), 1) && !sets.rare(u32::from('鑫'), 0));
        assert!(!sets.rare(u32::from('中'), 1));
        assert!(sets.rare(0x20000, 1) && sets.rare(0xD800, 1));
    }

    #[test]
    fn a_class_is_counted_over_the_text() {
        let sets = CharSets::new(&[vec!['a'], vec!['国', '務']]).unwrap();
        assert_eq!(sets.count("国a務国\n", 1), Some(3));
        assert_eq!(sets.count("国a務国\n", 0), Some(1));
        assert_eq!(sets.count("", 0), Some(0));
        assert_eq!(sets.count("国\u{20000}", 1), None);
    }

    #[test]
    fn the_runs_of_non_ascii_long_and_dense_enough_holding_a_member_are_found() {
        // Class 0: held (国); class 1: dense (国, 中, 文).
        let sets = CharSets::new(&[vec!['国'], vec!['国', '中', '文']]).unwrap();
        assert_eq!(
            sets.runs_with("a中国文。b中文中文c", 0, 1, 4, 0.5, &[]),
            Some(vec![(1, 5)])
        );
        // Too short, no member of class 0, too few of class 1 (1 of 4 < 0.5).
        assert_eq!(
            sets.runs_with("中国文 中文中文 国。。。", 0, 1, 4, 0.5, &[]),
            Some(vec![])
        );
        // Half exactly is enough; a run to the text's end is closed.
        assert_eq!(sets.runs_with("x国中。。", 0, 1, 4, 0.5, &[]), Some(vec![(1, 5)]));
        assert_eq!(sets.runs_with("", 0, 1, 1, 0.0, &[]), Some(vec![]));
        assert_eq!(sets.runs_with("国\u{20000}", 0, 1, 1, 0.0, &[]), None);
    }

    #[test]
    fn a_run_is_kept_only_where_some_reader_writes_it_with_enough_clean_bytes() {
        // Classes: 0 held and dense (every character here); reader A writes 1, clean 2.
        let all = vec!['中', '国', '文', '字', '甲'];
        let sets = CharSets::new(&[all.clone(), all.clone(), vec!['中', '国', '文', '字']]).unwrap();
        let a = RunReader {
            writes: 1,
            clean: 2,
            tail: None,
            widest: 2,
            most_unclean: 0.05,
        };
        // 20 characters of 2 bytes at most: two unclean may be (2 <= 0.05 * 40), three may not.
        let one = "中国文字".repeat(3) + "中国文甲中国文甲";
        let two = "中国文字".repeat(2) + &"中国文甲".repeat(3);
        assert_eq!(sets.runs_with(&one, 0, 1, 4, 0.5, &[a]), Some(vec![(0, 20)]));
        assert_eq!(sets.runs_with(&two, 0, 1, 4, 0.5, &[a]), Some(vec![]));
        // A character the reader does not write (乙: no class) rules it out.
        let sets = CharSets::new(&[vec!['中', '乙'], vec!['中', '乙'], vec!['中'], vec!['中']]).unwrap();
        let b = RunReader {
            writes: 2,
            clean: 3,
            tail: None,
            widest: 2,
            most_unclean: 0.05,
        };
        assert_eq!(sets.runs_with("中中中中", 0, 1, 4, 0.5, &[b]), Some(vec![(0, 4)]));
        assert_eq!(sets.runs_with("中中中乙", 0, 1, 4, 0.5, &[b]), Some(vec![]));
    }

    #[test]
    fn a_reader_s_tail_may_end_a_run_and_nowhere_else() {
        // Classes: 0 held and dense; reader writes 1, clean 2; tail 3 (乙), its clean tail 4 (乙).
        let sets = CharSets::new(&[
            vec!['中', '乙'],
            vec!['中', '乙'],
            vec!['中'],
            vec!['中'],
            vec!['乙'],
            vec!['乙'],
        ])
        .unwrap();
        let tailed = RunReader {
            writes: 2,
            clean: 3,
            tail: Some((4, 5)),
            widest: 2,
            most_unclean: 0.05,
        };
        let untailed = RunReader { tail: None, ..tailed };
        assert_eq!(sets.runs_with("中中中乙", 0, 1, 4, 0.5, &[tailed]), Some(vec![(0, 4)]));
        assert_eq!(sets.runs_with("中中中乙", 0, 1, 4, 0.5, &[untailed]), Some(vec![]));
        assert_eq!(sets.runs_with("中乙中中", 0, 1, 4, 0.5, &[tailed]), Some(vec![]));
    }

    #[test]
    fn the_lines_holding_enough_members_are_counted_line_by_line() {
        let sets = CharSets::new(&[vec!['a'], vec!['b', '\n']]).unwrap();
        assert_eq!(sets.lines_with("aa\na\n\naaa", 0, 2), Some(vec![0, 3]));
        assert_eq!(sets.lines_with("b\nb", 1, 2), Some(vec![]));
        assert_eq!(sets.lines_with("", 0, 1), Some(vec![]));
        assert_eq!(sets.lines_with("a\u{20000}", 0, 1), None);
    }
}
