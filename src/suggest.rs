//! « did you mean »: the closest known name to a misspelt one. At the bottom
//! of the crate: the parser, the checker and the answers reader all use it.

/// The candidate closest to `name`, if close enough to be a likely typo.
pub fn closest<'c>(name: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let lower = name.to_lowercase();
    let mut best: Option<(usize, &'c str)> = None;
    for candidate in candidates {
        let distance = if candidate.to_lowercase() == lower {
            0
        } else {
            strsim::levenshtein(&lower, &candidate.to_lowercase())
        };
        let limit = (name.chars().count().max(candidate.chars().count()) / 3).max(1);
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn finds_typos() {
        let ids = ["S1", "S12", "L1", "commune"];
        assert_eq!(closest("S13", ids), Some("S1"));
        assert_eq!(closest("s12", ids), Some("S12"));
        assert_eq!(closest("comune", ids), Some("commune"));
        assert_eq!(closest("xyz", ids), None);
    }
}
