//! Character pairs inside the words of web, news and spoken Chinese (cleaner/data/web_pairs.txt,
//! built by scripts/build_web_pairs.py from wordfreq's Chinese list; context.py
//! `WEB_PAIR_WEIGHT`). The model's in-word pairs are jieba's dictionary's and its running pairs
//! Wikipedia's, so a pair inside a word of news or subtitles that neither writes scored at the
//! unigram's floor, and a lost byte there came back as a commoner character. A guess decided
//! again in its line (context.rs) adds this table's pair probability to the model's. The Python
//! original is tests/reference_context.py.

use std::sync::OnceLock;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::charlm::{FastMap, Model};

/// The pairs by first character (keyed as the model keys characters): its total over every pair
/// counted (pruned pairs included), and each second character kept with its count.
pub struct WebPairs {
    firsts: FastMap<char, (u64, FastMap<char, u64>)>,
}

fn one_char(s: &str) -> Option<char> {
    let mut it = s.chars();
    let c = it.next()?;
    it.next().is_none().then_some(c)
}

impl WebPairs {
    /// The table's text: `#` lines are comments; each other line is a first character, its total,
    /// then second characters and counts, all separated by tabs.
    pub fn parse(text: &str) -> Result<WebPairs, String> {
        let mut firsts = FastMap::default();
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || format!("web pairs line {}: {line:?}", n + 1);
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() < 2 || fields.len() % 2 != 0 {
                return Err(bad());
            }
            let first = one_char(fields[0]).ok_or_else(bad)?;
            let total: u64 = fields[1].parse().map_err(|_| bad())?;
            let mut seconds = FastMap::default();
            for pair in fields[2..].chunks(2) {
                let second = one_char(pair[0]).ok_or_else(bad)?;
                seconds.insert(second, pair[1].parse().map_err(|_| bad())?);
            }
            firsts.insert(first, (total, seconds));
        }
        Ok(WebPairs { firsts })
    }

    pub fn len(&self) -> usize {
        self.firsts.values().map(|(_, seconds)| seconds.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.firsts.is_empty()
    }

    /// `bigram` (the model's log-probability of `b` after `a`) with `weight` times this table's
    /// P(b | a) added inside the logarithm, where the table has the pair; else `bigram` as it is.
    pub fn with(&self, lm: &Model, a: char, b: char, bigram: f64, weight: f64) -> f64 {
        let (Some(ka), Some(kb)) = (lm.key(Some(a)), lm.key(Some(b))) else {
            return bigram;
        };
        match self.firsts.get(&ka).and_then(|(total, seconds)| seconds.get(&kb).map(|n| (*total, *n))) {
            Some((total, n)) if total > 0 => (bigram.exp() + weight * n as f64 / total as f64).ln(),
            _ => bigram,
        }
    }
}

/// The Python face: the table's path, read on the first guess decided (clean text never loads it).
#[pyclass(frozen, module = "cleaner._native", name = "WebPairs")]
pub struct PyWebPairs {
    path: String,
    pairs: OnceLock<Result<WebPairs, String>>,
}

impl PyWebPairs {
    /// The table, read on first use.
    pub fn pairs(&self) -> PyResult<&WebPairs> {
        self.pairs
            .get_or_init(|| {
                let text = std::fs::read_to_string(&self.path).map_err(|e| format!("{}: {e}", self.path))?;
                WebPairs::parse(&text)
            })
            .as_ref()
            .map_err(|e| PyValueError::new_err(e.clone()))
    }
}

#[pymethods]
impl PyWebPairs {
    #[new]
    fn new(path: String) -> Self {
        PyWebPairs {
            path,
            pairs: OnceLock::new(),
        }
    }

    /// Has the table been read?
    fn loaded(&self) -> bool {
        self.pairs.get().is_some()
    }

    /// How many pairs the table keeps (reads it).
    fn __len__(&self) -> PyResult<usize> {
        Ok(self.pairs()?.len())
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyWebPairs>()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charlm::tests::small;

    #[test]
    fn a_pair_the_table_has_adds_to_the_bigram() {
        let lm = small();
        let pairs = WebPairs::parse("# a comment\n原\t40\t声\t10\n声\t7\n").unwrap();
        assert_eq!(pairs.len(), 1);
        let with = pairs.with(&lm, '原', '声', (0.01f64).ln(), 0.2);
        assert!((with - (0.01 + 0.2 * 10.0 / 40.0f64).ln()).abs() < 1e-12);
        assert_eq!(pairs.with(&lm, '原', '带', -5.0, 0.2), -5.0); // a pair the table dropped
        assert_eq!(pairs.with(&lm, '带', '声', -5.0, 0.2), -5.0); // a first character it never saw
    }

    #[test]
    fn a_malformed_line_is_refused() {
        assert!(WebPairs::parse("原\t40\t声\n").is_err());
        assert!(WebPairs::parse("原声\t40\n").is_err());
        assert!(WebPairs::parse("原\tforty\n").is_err());
    }
}
