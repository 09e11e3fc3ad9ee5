//! The code tables of the re-read (cleaner/repair/decoders.py, reread.py): what bytes each
//! family of wrong decoders read as a character (the byte view), which byte pairs a family
//! rejects, and what the GB18030 and Big5 codecs give for a pair of bytes.
//!
//! The tables are Python's codecs' own answers, taken once per process (and cached on disk) by
//! `decoders.native_codes()`, so the native reading cannot drift from the codecs the damage was
//! made and measured with. Only GB18030's four-byte codes beyond the Basic Multilingual Plane
//! are computed here: they are a linear run of all supplementary code points.

use crate::charlm::FastMap;

/// The families of wrong decoders (decoders.GBK_FAMILY, BIG5_FAMILY, SINGLE_FAMILY).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Family {
    Gbk,
    Big5,
    Single,
}

impl Family {
    pub fn parse(name: &str) -> Option<Family> {
        match name {
            "gbk" => Some(Family::Gbk),
            "big5" => Some(Family::Big5),
            "single" => Some(Family::Single),
            _ => None,
        }
    }
    fn index(self) -> usize {
        self as usize
    }
}

/// The sources a byte view is read in (reread.SOURCE_CODEC).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Source {
    Utf8,
    Gbk,
    Big5,
}

impl Source {
    pub fn parse(name: &str) -> Option<Source> {
        match name {
            "utf-8" => Some(Source::Utf8),
            "gbk" => Some(Source::Gbk),
            "big5" => Some(Source::Big5),
            _ => None,
        }
    }
}

/// Bytes of one character: up to four, with their count.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Code {
    pub len: u8,
    pub bytes: [u8; 4],
}

impl Code {
    pub fn as_slice(&self) -> &[u8] {
        &self.bytes[..self.len as usize]
    }
}

pub struct Codes {
    /// Per family, the code of every BMP code point (len 0: the family never gives it).
    bmp: [Vec<Code>; 3],
    /// Per family, codes beyond the BMP that its codecs know (Big5-HKSCS's plane 2).
    astral: [FastMap<u32, Code>; 3],
    /// Per CJK family (gbk, big5): does it reject `first second`, first 0x80..=0xFF, by
    /// `(first - 0x80) * 256 + second`.
    rejects: [Vec<bool>; 2],
    /// Single-byte family: the bytes it leaves undefined (by `first - 0x80`).
    single_undefined: Vec<bool>,
    /// Per two-byte source (gbk = GB18030, big5): the one character a pair decodes to, or None,
    /// by `(first - 0x80) * 256 + second`.
    pair: [Vec<Option<char>>; 2],
    /// The least and the greatest code point the single-byte family gives for a byte that
    /// begins a multi-byte UTF-8 character (c2-f4), or None: a line holding none between them
    /// (nor a U+FFFD, a byte it lost) holds no UTF-8 it misread.
    single_leads: Option<(u32, u32)>,
}

pub const UNIT: usize = 5; // bytes per code in the tables Python hands over: count, then 4 bytes

fn parse_codes(blob: &[u8]) -> Result<Vec<Code>, String> {
    if blob.len() != 0x10000 * UNIT {
        return Err(format!(
            "a BMP code table is {} bytes, not {}",
            0x10000 * UNIT,
            blob.len()
        ));
    }
    Ok(blob
        .chunks_exact(UNIT)
        .map(|c| Code {
            len: c[0].min(4),
            bytes: [c[1], c[2], c[3], c[4]],
        })
        .collect())
}

fn parse_flags(blob: &[u8], n: usize, what: &str) -> Result<Vec<bool>, String> {
    if blob.len() != n {
        return Err(format!("{what}: {} bytes, not {n}", blob.len()));
    }
    Ok(blob.iter().map(|&b| b != 0).collect())
}

fn parse_pairs(blob: &[u8]) -> Result<Vec<Option<char>>, String> {
    if blob.len() != 0x8000 * 4 {
        return Err(format!("a pair table is {} bytes, not {}", 0x8000 * 4, blob.len()));
    }
    Ok(blob
        .chunks_exact(4)
        .map(|c| {
            let cp = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            if cp == 0 {
                None
            } else {
                char::from_u32(cp)
            }
        })
        .collect())
}

impl Codes {
    /// From the tables `decoders.native_codes()` builds: per family (gbk, big5, single) the BMP
    /// codes (65536 x [count, b0, b1, b2, b3]) and the astral ones; the rejected pairs of gbk
    /// and big5 (32768 flags each), the single family's undefined bytes (128 flags), and the
    /// pair tables of the gbk and big5 sources (32768 little-endian code points, 0 for none).
    pub fn new(
        bmp: [&[u8]; 3],
        astral: [Vec<(u32, Vec<u8>)>; 3],
        rejects: [&[u8]; 2],
        single_undefined: &[u8],
        pairs: [&[u8]; 2],
    ) -> Result<Codes, String> {
        let mut astral_maps: [FastMap<u32, Code>; 3] = Default::default();
        for (map, entries) in astral_maps.iter_mut().zip(astral) {
            for (cp, data) in entries {
                if data.is_empty() || data.len() > 4 {
                    return Err(format!("code of U+{cp:X}: {} bytes", data.len()));
                }
                let mut bytes = [0u8; 4];
                bytes[..data.len()].copy_from_slice(&data);
                map.insert(
                    cp,
                    Code {
                        len: data.len() as u8,
                        bytes,
                    },
                );
            }
        }
        let bmp = [parse_codes(bmp[0])?, parse_codes(bmp[1])?, parse_codes(bmp[2])?];
        let lead = |code: &Code| code.len > 0 && (0xC2..=0xF4).contains(&code.bytes[0]);
        let single = Family::Single.index();
        let leads = (0u32..)
            .zip(&bmp[single])
            .filter(|(_, code)| lead(code))
            .map(|(cp, _)| cp)
            .chain(
                astral_maps[single]
                    .iter()
                    .filter(|(_, code)| lead(code))
                    .map(|(&cp, _)| cp),
            );
        let single_leads = leads.fold(None, |range: Option<(u32, u32)>, cp| {
            Some(range.map_or((cp, cp), |(lo, hi)| (lo.min(cp), hi.max(cp))))
        });
        Ok(Codes {
            bmp,
            single_leads,
            astral: astral_maps,
            rejects: [
                parse_flags(rejects[0], 0x8000, "gbk rejects")?,
                parse_flags(rejects[1], 0x8000, "big5 rejects")?,
            ],
            single_undefined: parse_flags(single_undefined, 0x80, "single-byte undefined")?,
            pair: [parse_pairs(pairs[0])?, parse_pairs(pairs[1])?],
        })
    }

    /// Can the single-byte family's view of `line` hold the first byte of a multi-byte UTF-8
    /// character (a byte c2-f4, or a lost one)? Range checks only, no table: most lines of
    /// Chinese hold no character the family gives at all.
    pub fn single_view_may_lead(&self, line: &[u32]) -> bool {
        let (lo, hi) = self.single_leads.unwrap_or((1, 0));
        line.iter().any(|&c| c == 0xFFFD || (lo <= c && c <= hi))
    }

    /// decoders.encode_char: the bytes a decoder of `family` read as `c`, or None.
    pub fn encode(&self, c: u32, family: Family) -> Option<Code> {
        if c < 0x10000 {
            let code = self.bmp[family.index()][c as usize];
            return (code.len > 0).then_some(code);
        }
        if let Some(code) = self.astral[family.index()].get(&c) {
            return Some(*code);
        }
        if family == Family::Gbk && c <= 0x10FFFF {
            return Some(gb18030_supplementary(c));
        }
        None
    }

    /// decoders.rejects: would some decoder of `family` turn `first` (then `second`) into
    /// U+FFFD or nothing?
    pub fn rejects(&self, family: Family, first: u8, second: Option<u8>) -> bool {
        if first < 0x80 {
            return false;
        }
        let table = match family {
            Family::Single => return self.single_undefined[(first - 0x80) as usize],
            Family::Gbk => &self.rejects[0],
            Family::Big5 => &self.rejects[1],
        };
        match second {
            None => true,
            Some(s) => table[(first as usize - 0x80) * 256 + s as usize],
        }
    }

    /// The one character `data` decodes to in `source` (strictly), or None.
    pub fn decode(&self, source: Source, data: &[u8]) -> Option<char> {
        match source {
            Source::Utf8 => {
                let s = std::str::from_utf8(data).ok()?;
                let mut chars = s.chars();
                let c = chars.next()?;
                chars.next().is_none().then_some(c)
            }
            Source::Gbk | Source::Big5 => {
                if data.len() != 2 || data[0] < 0x80 {
                    return None; // the readings only ask two-byte codes with a high first byte
                }
                let table = &self.pair[if source == Source::Gbk { 0 } else { 1 }];
                table[(data[0] as usize - 0x80) * 256 + data[1] as usize]
            }
        }
    }
}

/// GB18030's four bytes for a supplementary code point: U+10000 is 90 30 81 30, and the rest
/// follow in order (the bytes count in bases 10, 126, 10).
pub fn gb18030_supplementary(c: u32) -> Code {
    let mut n = c - 0x10000;
    let b4 = (n % 10) as u8 + 0x30;
    n /= 10;
    let b3 = (n % 126) as u8 + 0x81;
    n /= 126;
    let b2 = (n % 10) as u8 + 0x30;
    n /= 10;
    let b1 = n as u8 + 0x90;
    Code {
        len: 4,
        bytes: [b1, b2, b3, b4],
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn gb18030_supplementary_codes() {
        assert_eq!(gb18030_supplementary(0x10000).as_slice(), &[0x90, 0x30, 0x81, 0x30]);
        // U+20000 (𠀀) is 95 32 82 36 in GB18030
        assert_eq!(gb18030_supplementary(0x20000).as_slice(), &[0x95, 0x32, 0x82, 0x36]);
        assert_eq!(gb18030_supplementary(0x10FFFF).as_slice(), &[0xE3, 0x32, 0x9A, 0x35]);
    }

    #[test]
    fn utf8_decode_is_strict_and_one_character() {
        let codes = empty();
        assert_eq!(codes.decode(Source::Utf8, "国".as_bytes()), Some('国'));
        assert_eq!(codes.decode(Source::Utf8, &[0xED, 0xA0, 0x80]), None); // a surrogate
        assert_eq!(codes.decode(Source::Utf8, &[0xE0, 0x80, 0x80]), None); // overlong
        assert_eq!(codes.decode(Source::Utf8, b"ab"), None);
    }

    pub(crate) fn empty() -> Codes {
        with_rejects(0)
    }

    /// No code known but UTF-8; every pair rejected (`1`) or none (`0`).
    pub(crate) fn with_rejects(flag: u8) -> Codes {
        let bmp = vec![0u8; 0x10000 * UNIT];
        with_views([&bmp, &bmp, &bmp], flag)
    }

    /// Codes with the given BMP views (gbk, big5, single family, `UNIT` bytes a code point),
    /// no astral codes, every pair rejected (`1`) or none (`0`): for the tests of the modules
    /// that read views.
    pub(crate) fn with_views(views: [&[u8]; 3], flag: u8) -> Codes {
        let flags = vec![flag; 0x8000];
        let pairs = vec![0u8; 0x8000 * 4];
        Codes::new(
            views,
            Default::default(),
            [&flags, &flags],
            &[0u8; 0x80],
            [&pairs, &pairs],
        )
        .unwrap()
    }

    /// A text as the code points the native entry points take.
    pub(crate) fn cps(s: &str) -> Vec<u32> {
        s.chars().map(u32::from).collect()
    }
}
