//! The dictionary words a guess may complete (cleaner/repair/context.py `WORD_WEIGHT`): the
//! words of two to four characters of jieba's word-frequency dictionary (`jieba/dict.txt`, the
//! same file the character model counts), keyed as the model keys characters (folded to
//! Simplified), so a guess decided again in its line can ask which of its candidates makes a word
//! with the characters beside it. The bigram knows a word's pairs only mixed with running text
//! and the unigram, and a word of three or four characters not at all: 原声带 lost the last byte
//! of 带 and came back 原声币. The Python original is tests/reference_context.py.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::sync::OnceLock;

use crate::charlm::Model;
use crate::repair_py::PyCharModel;

/// The longest word counted: a four-character idiom (成语) is the longest common kind.
pub const LONGEST: usize = 4;

/// A word's characters packed into one key (21 bits each; no word holds U+0000).
fn pack(chars: impl Iterator<Item = char>) -> u128 {
    chars.fold(0u128, |key, c| (key << 21) | u128::from(u32::from(c)))
}

/// The layout of the words' table (`Words::table`): a process that finds it on disk reads it in
/// one piece (cleaner/tablecache.py) instead of reading and keying jieba's dictionary again
/// (0.09-0.11 s and 15 MiB of CPU and memory a process). Change it with the layout or the keying.
pub const TABLE_VERSION: u32 = 1;
const MAGIC: &[u8; 4] = b"CLWD";
const HEAD: usize = 4 + 4 + 8;

/// The words, keyed: sorted, each once (a binary search a window; as a table, one copy of the
/// bytes, no hashing: read back in a few ms).
pub struct Words {
    keys: Vec<u128>,
}

impl Words {
    /// The words of 2..=LONGEST characters of a jieba dictionary (`word freq [tag]` a line), each
    /// character keyed by `lm` (a character the model cannot key leaves its word out).
    pub fn parse(lm: &Model, text: &str) -> Words {
        let mut keys = Vec::new();
        for line in text.lines() {
            let Some(word) = line.split(' ').next() else { continue };
            let n = word.chars().count();
            if !(2..=LONGEST).contains(&n) {
                continue;
            }
            let keyed: Option<Vec<char>> = word.chars().map(|c| lm.key(Some(c))).collect();
            if let Some(keyed) = keyed {
                keys.push(pack(keyed.into_iter()));
            }
        }
        keys.sort_unstable();
        keys.dedup();
        Words { keys }
    }

    /// The words as bytes: `CLWD`, TABLE_VERSION and the count (little-endian u32, u64), then
    /// each key, in order, as 16 little-endian bytes.
    pub fn table(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEAD + 16 * self.keys.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&TABLE_VERSION.to_le_bytes());
        out.extend_from_slice(&(self.keys.len() as u64).to_le_bytes());
        for key in &self.keys {
            out.extend_from_slice(&key.to_le_bytes());
        }
        out
    }

    /// The words of a `table`; an error for bytes that are not one of this version (a damaged or
    /// older copy, which the cache then builds again), keys out of order included.
    pub fn from_table(data: &[u8]) -> Result<Words, String> {
        if data.len() < HEAD || &data[..4] != MAGIC {
            return Err("not a words table".into());
        }
        let version = u32::from_le_bytes(data[4..8].try_into().expect("4 bytes"));
        if version != TABLE_VERSION {
            return Err(format!("words table version {version}, not {TABLE_VERSION}"));
        }
        let count = u64::from_le_bytes(data[8..HEAD].try_into().expect("8 bytes"));
        let body = &data[HEAD..];
        if body.len() % 16 != 0 || (body.len() / 16) as u64 != count {
            return Err(format!("words table of {} bytes for {count} words", data.len()));
        }
        let keys: Vec<u128> = body
            .chunks_exact(16)
            .map(|b| u128::from_le_bytes(b.try_into().expect("16 bytes")))
            .collect();
        if keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err("words table out of order".into());
        }
        Ok(Words { keys })
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    fn contains(&self, key: u128) -> bool {
        self.keys.binary_search(&key).is_ok()
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
                if keyed.is_some_and(|keyed| self.contains(pack(keyed.into_iter()))) {
                    return n;
                }
            }
        }
        0
    }
}

/// The Python face: the dictionary's path, read and keyed on first use, or the words of a table
/// (`from_table`).
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

    /// The words of a table `table` made (the words keyed as that model keyed them); ValueError
    /// for bytes that are none.
    #[staticmethod]
    fn from_table(data: &[u8]) -> PyResult<Self> {
        let words = OnceLock::new();
        let _ = words.set(Ok(Words::from_table(data).map_err(PyValueError::new_err)?));
        Ok(PyWords {
            path: String::new(),
            words,
        })
    }

    /// The words as a table (`Words::table`), keyed by `lm` (reads the dictionary).
    fn table<'py>(&self, py: Python<'py>, lm: &PyCharModel) -> PyResult<Bound<'py, PyBytes>> {
        Ok(PyBytes::new(py, &self.words(&lm.core)?.table()))
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
    m.add("WORDS_TABLE_VERSION", TABLE_VERSION)?;
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

    #[test]
    fn a_table_reads_back_as_the_same_words() {
        let lm = small();
        let words = Words::parse(&lm, "原声 3 n\n原声带 5 n\n声带 4 n\n原声 2 n\n");
        assert_eq!(words.len(), 3); // a word listed twice counts once
        let table = words.table();
        let back = Words::from_table(&table).unwrap();
        assert_eq!(back.keys, words.keys);
        let chars: Vec<char> = "乐原声币单".chars().collect();
        assert_eq!(back.longest(&lm, &chars, 3, '带'), 3);
        // A copy cut short, of another version or out of order is refused.
        assert!(Words::from_table(&table[..table.len() - 1]).is_err());
        let mut other = table.clone();
        other[4] ^= 1;
        assert!(Words::from_table(&other).is_err());
        let mut swapped = table.clone();
        swapped[HEAD..HEAD + 32].rotate_left(16);
        assert!(Words::from_table(&swapped).is_err());
        assert!(Words::from_table(b"CLCM").is_err());
    }
}
