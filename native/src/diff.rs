//! How many places differ between two texts: the count each pipeline `Step` records.
//!
//! The same count as the Python reference (`tests/reference_steps.py`): lines aligned greedily in
//! one pass (a line missing on one side is looked for `LOOKAHEAD` lines ahead on the other), and
//! inside a pair of changed lines, the non-equal opcodes of `difflib.SequenceMatcher(None, a, b,
//! autojunk=False)` on what lies between their common prefix and suffix. The matcher below is
//! difflib's algorithm step for step (longest match first, earliest in `a`, then earliest in `b`;
//! recursion on both sides; adjacent blocks merged), so the count is the same to the unit. Texts
//! are sequences of code points (`u32`), so lone surrogates compare as Python compares them.

use crate::charlm::FastMap;

/// Lines looked ahead for a line that went missing on one side.
pub const LOOKAHEAD: usize = 8;
/// Characters of one changed line diffed exactly; a longer change counts once.
pub const DIFF_LIMIT: usize = 4000;

const NEWLINE: u32 = '\n' as u32;

/// Places (runs of changed characters, lines added or removed) between `old` and `new`.
pub fn changed_places(old: &[u32], new: &[u32]) -> usize {
    if old == new {
        return 0;
    }
    let a: Vec<&[u32]> = old.split(|&c| c == NEWLINE).collect();
    let b: Vec<&[u32]> = new.split(|&c| c == NEWLINE).collect();
    let (mut i, mut j, mut places) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        let ahead_a = find(&a, b[j], i + 1);
        let ahead_b = find(&b, a[i], j + 1);
        match (ahead_a, ahead_b) {
            (Some(k), None) => {
                places += 1; // lines of the old text removed
                i = k;
            }
            (Some(k), Some(l)) if k - i <= l - j => {
                places += 1;
                i = k;
            }
            (_, Some(l)) => {
                places += 1; // lines added
                j = l;
            }
            (None, None) => {
                places += changed_runs(a[i], b[j]);
                i += 1;
                j += 1;
            }
        }
    }
    places + usize::from(i < a.len()) + usize::from(j < b.len())
}

fn find(lines: &[&[u32]], line: &[u32], start: usize) -> Option<usize> {
    (start..lines.len().min(start + LOOKAHEAD)).find(|&k| lines[k] == line)
}

/// Runs of changed characters between two lines (1 for a change too long to diff cheaply).
pub fn changed_runs(old: &[u32], new: &[u32]) -> usize {
    if old == new {
        return 0;
    }
    let shorter = old.len().min(new.len());
    let mut start = 0;
    while start < shorter && old[start] == new[start] {
        start += 1;
    }
    let mut end = 0;
    while end < shorter - start && old[old.len() - 1 - end] == new[new.len() - 1 - end] {
        end += 1;
    }
    let a = &old[start..old.len() - end];
    let b = &new[start..new.len() - end];
    if a.len() + b.len() > DIFF_LIMIT {
        return 1;
    }
    Matcher::new(a, b).changed_opcodes()
}

/// The number of an element of `a` that `b` lacks (`Matcher::a_ids`): no list has it.
const NOT_IN_B: u32 = u32::MAX;

/// `difflib.SequenceMatcher` without junk (isjunk None, autojunk False).
struct Matcher<'s> {
    a: &'s [u32],
    b: &'s [u32],
    /// The positions in `b` of each element of `b`, ascending, by the element's number; and
    /// the number of each element of `a` (`NOT_IN_B` for one `b` lacks). Numbered once per pair
    /// of lines, so that the recursion, which scans `a` again for every block it looks inside,
    /// finds an element's positions by index, not by a hash lookup each time.
    b2j: Vec<Vec<usize>>,
    a_ids: Vec<u32>,
    /// Match lengths ending at b[j-1] for the previous and the current element of `a`, indexed
    /// j (so that "ending at j-1" is index j); zero everywhere between calls.
    prev: Vec<usize>,
    cur: Vec<usize>,
    prev_set: Vec<usize>,
    cur_set: Vec<usize>,
}

impl<'s> Matcher<'s> {
    fn new(a: &'s [u32], b: &'s [u32]) -> Self {
        let mut ids: FastMap<u32, u32> = FastMap::default();
        let mut b2j: Vec<Vec<usize>> = Vec::new();
        for (j, &c) in b.iter().enumerate() {
            let id = *ids.entry(c).or_insert_with(|| {
                b2j.push(Vec::new());
                (b2j.len() - 1) as u32
            });
            b2j[id as usize].push(j);
        }
        let a_ids = a.iter().map(|c| ids.get(c).copied().unwrap_or(NOT_IN_B)).collect();
        Matcher {
            a,
            b,
            b2j,
            a_ids,
            prev: vec![0; b.len() + 1],
            cur: vec![0; b.len() + 1],
            prev_set: Vec::new(),
            cur_set: Vec::new(),
        }
    }

    /// The longest block a[i..i+k] == b[j..j+k] inside the bounds: earliest i, then earliest j.
    fn longest_match(&mut self, alo: usize, ahi: usize, blo: usize, bhi: usize) -> (usize, usize, usize) {
        let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0);
        for i in alo..ahi {
            if let Some(js) = self.b2j.get(self.a_ids[i] as usize) {
                // difflib walks the positions before `blo` and skips them; they are ascending,
                // so the walk starts at the first one inside (deep in the recursion on a long
                // line, the skipped ones were most of the work).
                for &j in &js[js.partition_point(|&j| j < blo)..] {
                    if j >= bhi {
                        break;
                    }
                    let k = self.prev[j] + 1;
                    self.cur[j + 1] = k;
                    self.cur_set.push(j + 1);
                    if k > bestsize {
                        (besti, bestj, bestsize) = (i + 1 - k, j + 1 - k, k);
                    }
                }
            }
            for &t in &self.prev_set {
                self.prev[t] = 0;
            }
            self.prev_set.clear();
            std::mem::swap(&mut self.prev, &mut self.cur);
            std::mem::swap(&mut self.prev_set, &mut self.cur_set);
        }
        for &t in &self.prev_set {
            self.prev[t] = 0;
        }
        self.prev_set.clear();
        // difflib extends the block over equal neighbours; without junk the block found is
        // already maximal, but the step is kept so that the two stay the same algorithm.
        let (a, b) = (self.a, self.b);
        while besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1] {
            besti -= 1;
            bestj -= 1;
            bestsize += 1;
        }
        while besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] == b[bestj + bestsize] {
            bestsize += 1;
        }
        (besti, bestj, bestsize)
    }

    /// `get_matching_blocks()`, without the final (len(a), len(b), 0).
    fn matching_blocks(&mut self) -> Vec<(usize, usize, usize)> {
        let mut queue = vec![(0, self.a.len(), 0, self.b.len())];
        let mut blocks = Vec::new();
        while let Some((alo, ahi, blo, bhi)) = queue.pop() {
            let (i, j, k) = self.longest_match(alo, ahi, blo, bhi);
            if k > 0 {
                blocks.push((i, j, k));
                if alo < i && blo < j {
                    queue.push((alo, i, blo, j));
                }
                if i + k < ahi && j + k < bhi {
                    queue.push((i + k, ahi, j + k, bhi));
                }
            }
        }
        blocks.sort_unstable();
        let mut merged = Vec::with_capacity(blocks.len());
        let (mut i1, mut j1, mut k1) = (0, 0, 0);
        for (i2, j2, k2) in blocks {
            if i1 + k1 == i2 && j1 + k1 == j2 {
                k1 += k2;
            } else {
                if k1 > 0 {
                    merged.push((i1, j1, k1));
                }
                (i1, j1, k1) = (i2, j2, k2);
            }
        }
        if k1 > 0 {
            merged.push((i1, j1, k1));
        }
        merged
    }

    /// How many of `get_opcodes()` are not "equal".
    fn changed_opcodes(&mut self) -> usize {
        let mut blocks = self.matching_blocks();
        blocks.push((self.a.len(), self.b.len(), 0));
        let (mut i, mut j, mut n) = (0, 0, 0);
        for (ai, bj, size) in blocks {
            if i < ai || j < bj {
                n += 1;
            }
            i = ai + size;
            j = bj + size;
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cp(s: &str) -> Vec<u32> {
        s.chars().map(u32::from).collect()
    }

    fn places(old: &str, new: &str) -> usize {
        changed_places(&cp(old), &cp(new))
    }

    fn runs(old: &str, new: &str) -> usize {
        changed_runs(&cp(old), &cp(new))
    }

    #[test]
    fn equal_texts_have_no_places() {
        assert_eq!(places("", ""), 0);
        assert_eq!(places("国务院\n会议", "国务院\n会议"), 0);
    }

    #[test]
    fn separate_changes_in_a_line_count_apart() {
        // 國務->国务 is one run; 開會->开会, after 院召, is another.
        assert_eq!(runs("國務院召開會議", "国务院召开会议"), 2);
        assert_eq!(runs("abcdef", "aXcdeY"), 2);
        assert_eq!(runs("abc", "abc"), 0);
    }

    #[test]
    fn difflib_examples() {
        // SequenceMatcher(None, "qabxcd", "abycdf").get_opcodes(): delete, equal, replace,
        // equal, insert -> three that are not equal (prefix/suffix stripping changes nothing here).
        assert_eq!(runs("qabxcd", "abycdf"), 3);
        // " abcd" vs "abcd abcd": the longest block is " abcd" at the end of b; one insert.
        assert_eq!(runs(" abcd", "abcd abcd"), 1);
    }

    #[test]
    fn removed_and_added_lines_count_once_each() {
        assert_eq!(places("a\nb\nc", "a\nc"), 1);
        assert_eq!(places("a\nc", "a\nb\nc"), 1);
        assert_eq!(places("a\nb", "a"), 1);
        assert_eq!(places("a", "a\nb"), 1);
    }

    #[test]
    fn a_long_change_counts_once() {
        let old = "x".repeat(DIFF_LIMIT);
        let new = "y".repeat(DIFF_LIMIT);
        assert_eq!(runs(&old, &new), 1);
        let new = format!("{}y{}", "x".repeat(10), "x".repeat(DIFF_LIMIT - 11));
        assert_eq!(runs(&old, &new), 1);
    }

    #[test]
    fn ties_take_the_earliest_block() {
        // "ab" matches at b[0] and b[3]; difflib takes b[0], leaving "xab" inserted after it.
        assert_eq!(runs("ab", "abxab"), 1);
        assert_eq!(runs("abab", "ab"), 1);
    }
}
