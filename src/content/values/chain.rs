//! An industry's chain: its links upstream, midstream and downstream, and
//! how well the district covers each. The names and companies are texts a
//! translation carries; the status is a word the diagram and the "we are
//! looking for" line read, so it is checked where it is written.

use serde::{Deserialize, Serialize};

use super::Text;

/// The three stages of an industry chain, each a list of links.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chain {
    #[serde(default)]
    pub upstream: Vec<ChainLink>,
    #[serde(default)]
    pub midstream: Vec<ChainLink>,
    #[serde(default)]
    pub downstream: Vec<ChainLink>,
}

impl Chain {
    /// The stages in order, with their field names.
    pub fn stages(&self) -> [(&'static str, &[ChainLink]); 3] {
        [
            ("upstream", &self.upstream),
            ("midstream", &self.midstream),
            ("downstream", &self.downstream),
        ]
    }

    /// The links the district is looking for (补链招商): weak and missing,
    /// in chain order.
    pub fn wanted(&self) -> impl Iterator<Item = &ChainLink> {
        self.stages()
            .into_iter()
            .flat_map(|(_, links)| links.iter())
            .filter(|l| l.status != LinkStatus::Strong)
    }

    pub fn is_empty(&self) -> bool {
        self.stages().iter().all(|(_, links)| links.is_empty())
    }
}

/// One link of the chain: what it makes, how strong it is here, and the
/// companies that already do it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainLink {
    pub name: Text,
    pub status: LinkStatus,
    #[serde(default)]
    pub companies: Vec<Text>,
}

/// How well the district covers a link. Serde's own message for any other
/// word names the three, at the word's line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkStatus {
    Strong,
    Weak,
    Missing,
}

impl LinkStatus {
    pub const ALL: [&'static str; 3] = ["strong", "weak", "missing"];

    pub fn word(self) -> &'static str {
        match self {
            LinkStatus::Strong => "strong",
            LinkStatus::Weak => "weak",
            LinkStatus::Missing => "missing",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wanted_links_are_the_weak_and_missing_in_order() {
        let yaml = "upstream:\n  - {name: A, status: weak}\nmidstream:\n  - {name: B, status: strong, companies: [X]}\ndownstream:\n  - {name: C, status: missing}\n";
        let chain: Chain = serde_yaml::from_str(yaml).unwrap();
        let names: Vec<&str> = chain.wanted().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["A", "C"]);
    }

    #[test]
    fn an_unknown_status_names_the_valid_ones() {
        let err = serde_yaml::from_str::<Chain>("upstream:\n  - {name: A, status: good}\n")
            .unwrap_err()
            .to_string();
        for word in LinkStatus::ALL {
            assert!(err.contains(word), "{err}");
        }
    }
}
