//! The dictionary words a guess may complete (cleaner/repair/context.py `WORD_WEIGHT`): the
//! words of two to four characters of jieba's word-frequency dictionary (`jieba/dict.txt`, the
//! same file the character model counts), keyed as the model keys characters (folded to
//! Simplified), so a guess decided again in its line can ask which of its candidates makes a word
//! with the characters beside it. The bigram knows a word's pairs only mixed with running text
//! and the unigram, and a word of three or four characters not at all: 原声带 lost the last byte
//! of 带 and came back 原声币. The Python original is tests/reference_context.py.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use std::sync::OnceLock;

use crate::charlm::{CharHasher, Model};
use crate::repair_py::PyCharModel;

/// The longest word counted: a four-character idiom (成语) is the longest common kind.
pub const LONGEST: usize = 4;

/// A word's characters packed into one key (21 bits each; no word holds U+0000).
fn pack(chars: impl Iterator<Item = char>) -> u128 {
    chars.fold(0u128, |key, c| (key << 21) | u128::from(u32::from(c)))
}

/// The words, keyed.
pub struct Words {
    set: HashSet<u128, BuildHasherDefault<CharHasher>>,
}

impl Words {
    /// The words of 2..=LONGEST characters of a jieba dictionary (`word freq [tag]` a line), each
    /// character keyed by `lm` (a character the model cannot key leaves its word out).
    pub fn parse(lm: &Model, text: &str) -> Words {
        let mut set = HashSet::default();
        for line in text.lines() {
            let Some(word) = line.split(' ').next() else { continue };
            let n = word.chars().count();
            if !(2..=LONGEST).contains(&n) {
                continue;
            }
            let keyed: Option<Vec<char>> = word.chars().map(|c| lm.key(Some(c))).collect();
            if let Some(keyed) = keyed {
                set.insert(pack(keyed.into_iter()));
            }
        }
        Words { set }
    }

    pub fn len(&self) -> usize {
        self.set.len()
    }

    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }

    /// The longest word (0 for none) that `ch` at `at` makes with the characters of `chars`
    /// around it, as they stand.
    pub fn longest(&self, lm: &Model, chars: &[char], at: usize, ch: char) -> usize {
        for n in (2..=LONGEST).rev() {
            for start in at.saturating_sub(n - 1)..=at {
                if start + n > chars.len() {
                    break;
                }
                let keyed: Option<Vec<char>> = (start..start + n)
                    .map(|k| lm.key(Some(if k == at { ch } else { chars[k] })))
                    .collect();
                if keyed.is_some_and(|keyed| self.set.contains(&pack(keyed.into_iter()))) {
                    return n;
                }
            }
        }
        0
    }
}

/// The Python face: the dictionary's path, read and keyed on the first guess decided (clean text
/// never loads it).
#[pyclass(frozen, module = "cleaner._native", name = "Words")]
pub struct PyWords {
    path: String,
    words: OnceLock<Result<Words, String>>,
}

impl PyWords {
    /// The words, read on first use and keyed by `lm`.
    pub fn words(&self, lm: &Model) -> PyResult<&Words> {
        self.words
            .get_or_init(|| {
                let text = std::fs::read_to_string(&self.path).map_err(|e| format!("{}: {e}", self.path))?;
                Ok(Words::parse(lm, &text))
            })
            .as_ref()
            .map_err(|e| PyValueError::new_err(e.clone()))
    }
}

#[pymethods]
impl PyWords {
    #[new]
    fn new(path: String) -> Self {
        PyWords {
            path,
            words: OnceLock::new(),
        }
    }

    /// Has the dictionary been read?
    fn loaded(&self) -> bool {
        self.words.get().is_some()
    }

    /// `Words::longest` of `ch` at `at` of `text` (reads the dictionary).
    fn longest(&self, lm: &PyCharModel, text: &str, at: usize, ch: char) -> PyResult<usize> {
        let chars: Vec<char> = text.chars().collect();
        if at >= chars.len() {
            return Err(PyValueError::new_err(format!("{at} beyond the text ({})", chars.len())));
        }
        Ok(self.words(&lm.core)?.longest(&lm.core, &chars, at, ch))
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyWords>()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charlm::tests::small;

    #[test]
    fn the_longest_word_a_candidate_makes_counts() {
        let lm = small();
        let words = Words::parse(&lm, "原声 3 n\n原声带 5 n\n声带 4 n\n一 9 m\n一二三四五 1 i\n");
        assert_eq!(words.len(), 3); // one character and five are no word counted
        let chars: Vec<char> = "乐原声币单".chars().collect();
        assert_eq!(words.longest(&lm, &chars, 3, '带'), 3);
        assert_eq!(words.longest(&lm, &chars, 3, '币'), 0); // 原声 is a word, but not of the guess
        assert_eq!(words.longest(&lm, &chars, 2, '声'), 2); // 原声 (原声币 is none)
        assert_eq!(words.longest(&lm, &chars, 4, '单'), 0); // the text's end cuts every window short
    }
}
