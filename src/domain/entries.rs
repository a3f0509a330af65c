//! A unit's entries by component code: a vector kept sorted by code. A unit has a few dozen components, so a
//! binary search is as quick as a tree, and a national round's 400 000 entries take half the memory.

use super::code::ComponentCode;
use super::scoring::ComponentScore;
use std::cmp::Ordering;

/// What was entered for each component of one unit, by component code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entries {
    /// Sorted by code, each code once.
    sorted: Vec<(ComponentCode, ComponentScore)>,
    /// Each code's first eight bytes as a number (`prefix`), beside `sorted`: the search compares these,
    /// side by side in memory, and reads a code's text only when two prefixes are equal.
    prefixes: Vec<u64>,
}

/// A code's first eight bytes, big-endian and padded with zeros: two codes' prefixes are in the codes' order,
/// or equal (a code of eight bytes or more, or one ending in zero bytes, is then told apart by its text).
fn prefix(code: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let head = &code.as_bytes()[..code.len().min(8)];
    bytes[..head.len()].copy_from_slice(head);
    u64::from_be_bytes(bytes)
}

impl Entries {
    fn position(&self, code: &str) -> Result<usize, usize> {
        let wanted = prefix(code);
        let (mut low, mut high) = (0, self.prefixes.len());
        while low < high {
            let middle = low + (high - low) / 2;
            let order = self.prefixes[middle].cmp(&wanted).then_with(|| self.sorted[middle].0.as_str().cmp(code));
            match order {
                Ordering::Less => low = middle + 1,
                Ordering::Greater => high = middle,
                Ordering::Equal => return Ok(middle),
            }
        }
        Err(low)
    }

    /// The entry of the component with this code, if one was recorded.
    pub fn get(&self, code: &str) -> Option<&ComponentScore> {
        self.position(code).ok().map(|at| &self.sorted[at].1)
    }

    /// The entry of the component with this code, to change, if one was recorded.
    pub fn get_mut(&mut self, code: &str) -> Option<&mut ComponentScore> {
        self.position(code).ok().map(|at| &mut self.sorted[at].1)
    }

    /// An entry was recorded for the component with this code.
    pub fn contains_key(&self, code: &str) -> bool {
        self.position(code).is_ok()
    }

    /// Records the entry of a component, returning the one it replaces.
    pub fn insert(&mut self, code: impl Into<ComponentCode>, entry: ComponentScore) -> Option<ComponentScore> {
        let code = code.into();
        match self.position(&code) {
            Ok(at) => Some(std::mem::replace(&mut self.sorted[at].1, entry)),
            Err(at) => {
                self.prefixes.insert(at, prefix(&code));
                self.sorted.insert(at, (code, entry));
                None
            }
        }
    }

    /// Forgets the entry of a component, returning it.
    pub fn remove(&mut self, code: &str) -> Option<ComponentScore> {
        let at = self.position(code).ok()?;
        self.prefixes.remove(at);
        Some(self.sorted.remove(at).1)
    }

    /// The entry of a component, made empty (applicable, unscored) when there was none.
    pub fn or_default(&mut self, code: &str) -> &mut ComponentScore {
        let at = match self.position(code) {
            Ok(at) => at,
            Err(at) => {
                self.prefixes.insert(at, prefix(code));
                self.sorted.insert(at, (code.into(), ComponentScore::default()));
                at
            }
        };
        &mut self.sorted[at].1
    }

    /// How many components have an entry.
    pub fn len(&self) -> usize {
        self.sorted.len()
    }

    /// No component has an entry.
    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }

    /// In code order.
    pub fn iter(&self) -> impl Iterator<Item = (&ComponentCode, &ComponentScore)> {
        self.sorted.iter().map(|(code, entry)| (code, entry))
    }

    /// The component codes with an entry, in code order.
    pub fn keys(&self) -> impl Iterator<Item = &ComponentCode> {
        self.sorted.iter().map(|(code, _)| code)
    }

    /// The entries, in code order.
    pub fn values(&self) -> impl Iterator<Item = &ComponentScore> {
        self.sorted.iter().map(|(_, entry)| entry)
    }

    /// The entries to change, in code order.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut ComponentScore> {
        self.sorted.iter_mut().map(|(_, entry)| entry)
    }
}

impl<Code: Into<ComponentCode>> FromIterator<(Code, ComponentScore)> for Entries {
    /// As a map collects: where a code comes twice, the later entry counts.
    fn from_iter<I: IntoIterator<Item = (Code, ComponentScore)>>(entries: I) -> Entries {
        let mut sorted: Vec<(ComponentCode, ComponentScore)> =
            entries.into_iter().map(|(code, entry)| (code.into(), entry)).collect();
        // Stable: of equal codes the later stays last, and is the one kept.
        sorted.sort_by(|(a, _), (b, _)| a.cmp(b));
        let mut kept: Vec<(ComponentCode, ComponentScore)> = Vec::with_capacity(sorted.len());
        for (code, entry) in sorted {
            match kept.last_mut() {
                Some(last) if last.0 == code => last.1 = entry,
                _ => kept.push((code, entry)),
            }
        }
        kept.shrink_to_fit();
        let prefixes = kept.iter().map(|(code, _)| prefix(code)).collect();
        Entries { sorted: kept, prefixes }
    }
}

impl<'a> IntoIterator for &'a Entries {
    type Item = (&'a ComponentCode, &'a ComponentScore);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (ComponentCode, ComponentScore)>,
        fn(&'a (ComponentCode, ComponentScore)) -> (&'a ComponentCode, &'a ComponentScore),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.sorted.iter().map(|(code, entry)| (code, entry))
    }
}

impl std::ops::Index<&str> for Entries {
    type Output = ComponentScore;

    /// Panics when the component has no entry, as a map's index does: for tests and known codes only.
    fn index(&self, code: &str) -> &ComponentScore {
        match self.get(code) {
            Some(entry) => entry,
            None => panic!("no entry for component {code}"),
        }
    }
}

impl<Code: Into<ComponentCode>, const N: usize> From<[(Code, ComponentScore); N]> for Entries {
    fn from(entries: [(Code, ComponentScore); N]) -> Entries {
        entries.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn scored(points: i64) -> ComponentScore {
        ComponentScore { self_score: Some(Decimal::from(points)), ..ComponentScore::default() }
    }

    #[test]
    fn entries_stay_sorted_and_a_code_is_kept_once() {
        let mut entries: Entries =
            [("III.2", 1), ("I.1", 2), ("III.10", 3), ("I.1", 4)].map(|(c, p)| (c.to_string(), scored(p))).into();
        assert_eq!(entries.keys().map(ComponentCode::as_str).collect::<Vec<_>>(), ["I.1", "III.10", "III.2"]);
        assert_eq!(entries["I.1"], scored(4), "the later of two entries of one code counts");
        assert_eq!(entries.insert("II.1", scored(5)), None);
        assert_eq!(entries.insert("II.1", scored(6)), Some(scored(5)));
        entries.or_default("A").version = 7;
        assert_eq!(
            entries.keys().map(ComponentCode::as_str).collect::<Vec<_>>(),
            ["A", "I.1", "II.1", "III.10", "III.2"]
        );
        assert_eq!(entries.remove("III.10"), Some(scored(3)));
        assert!(entries.get("III.10").is_none() && entries.get_mut("A").is_some_and(|e| e.version == 7));
        assert_eq!(entries.len(), 4);
    }

    #[test]
    fn codes_of_any_length_are_found_in_text_order() {
        let codes = ["C.3.2", "A", "", "A\0", "VIII.10", "LONGCODE.1", "LONGCODE.10", "LONGCODE", "I.1", "II.10"];
        let entries: Entries = codes.iter().zip(0..).map(|(c, p)| (c.to_string(), scored(p))).collect();
        let mut sorted: Vec<&str> = codes.to_vec();
        sorted.sort_unstable();
        assert_eq!(entries.keys().map(ComponentCode::as_str).collect::<Vec<_>>(), sorted);
        for (code, points) in codes.iter().zip(0..) {
            assert_eq!(entries.get(code), Some(&scored(points)), "{code:?}");
        }
        for absent in ["B", "LONGCODE.2", "A\0\0", "I.10", "Z"] {
            assert!(entries.get(absent).is_none(), "{absent:?}");
        }
    }
}
