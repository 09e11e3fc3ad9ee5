//! Any pattern against any text: compiling never panics, and what `search`, `find_all`, the
//! character offsets and `LineMatcherCore` report agree with each other.
#![no_main]

use _native::engine::{self, CharOffsets, LineMatcherCore};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = data.to_vec();
    engine::replace_surrogates(&mut bytes);
    let Ok(input) = std::str::from_utf8(&bytes) else { return };
    let (pattern, text) = input.split_once('\n').unwrap_or((input, ""));
    if engine::unsupported(pattern).is_some() {
        return;
    }
    let Ok(re) = engine::compile(pattern, 1 << 16) else { return };
    let first = engine::search(&re, text);
    let all = engine::find_all(&re, text);
    assert_eq!(first.is_some(), !all.is_empty());
    let mut offsets = CharOffsets::new(text, None);
    let mut last = 0;
    for found in &all {
        assert!(found.start <= found.end && found.end <= text.len());
        let start = offsets.at(found.start);
        assert!(start >= last);
        last = offsets.at(found.end);
        assert!(last <= engine::count_chars(text.as_bytes()));
    }
    let lines: Vec<&str> = text.split('\n').collect();
    if let Ok(matcher) = LineMatcherCore::new(vec![pattern.to_string()], vec![None], 1 << 16) {
        for (line, hits) in lines.iter().zip(matcher.match_lines(&lines)) {
            assert_eq!(!hits.is_empty(), engine::search(&re, line).is_some(), "line {line:?}");
        }
    }
});
