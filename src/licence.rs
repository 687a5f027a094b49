//! The licences `site.yaml`'s `open_data.licence` may name: open-data
//! licences of the Open Definition's list, by their SPDX identifier, with
//! the title and address the data package gives portals. A fixed list
//! rather than any text, so that a typo (`CC-BY-40`) is an error instead of
//! a package no portal can classify.

/// An open-data licence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Licence {
    /// Its SPDX identifier (`CC-BY-4.0`), as `site.yaml` names it.
    pub id: &'static str,
    /// Its full title.
    pub title: &'static str,
    /// Its text.
    pub url: &'static str,
}

/// Every licence aqparat knows.
pub const LICENCES: [Licence; 7] = [
    Licence {
        id: "CC-BY-4.0",
        title: "Creative Commons Attribution 4.0",
        url: "https://creativecommons.org/licenses/by/4.0/",
    },
    Licence {
        id: "CC-BY-SA-4.0",
        title: "Creative Commons Attribution Share-Alike 4.0",
        url: "https://creativecommons.org/licenses/by-sa/4.0/",
    },
    Licence {
        id: "CC0-1.0",
        title: "Creative Commons CC0 1.0",
        url: "https://creativecommons.org/publicdomain/zero/1.0/",
    },
    Licence {
        id: "ODC-BY-1.0",
        title: "Open Data Commons Attribution License 1.0",
        url: "https://opendatacommons.org/licenses/by/1-0/",
    },
    Licence {
        id: "ODbL-1.0",
        title: "Open Data Commons Open Database License 1.0",
        url: "https://opendatacommons.org/licenses/odbl/1-0/",
    },
    Licence {
        id: "PDDL-1.0",
        title: "Open Data Commons Public Domain Dedication and License 1.0",
        url: "https://opendatacommons.org/licenses/pddl/1-0/",
    },
    Licence {
        id: "OGL-UK-3.0",
        title: "Open Government Licence 3.0",
        url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    },
];

/// The licence `id`, if aqparat knows it.
pub fn find(id: &str) -> Option<&'static Licence> {
    LICENCES.iter().find(|l| l.id == id)
}
