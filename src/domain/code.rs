//! The codes that name things in a round: a unit (`snv`), a bloc (`khoi-1`), a component of a framework
//! (`I.1.a`). Each is its own type, so a bloc code can never be passed where a unit code is meant; each reads
//! as the text it holds (`Deref<Target = str>`, `Display`), is stored and serialised as that text, and
//! compares with a `&str` or a `String` directly.

use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

macro_rules! code {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The code as the data and the files write it; not checked here (the store checks it against the round).
            pub fn new(code: impl Into<String>) -> Self {
                Self(code.into())
            }

            /// The code's text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The code's text, owned.
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(code: &str) -> Self {
                Self(code.to_string())
            }
        }

        impl From<String> for $name {
            fn from(code: String) -> Self {
                Self(code)
            }
        }

        impl From<&$name> for $name {
            fn from(code: &$name) -> Self {
                code.clone()
            }
        }

        impl From<&String> for $name {
            fn from(code: &String) -> Self {
                Self(code.clone())
            }
        }

        impl From<$name> for String {
            fn from(code: $name) -> String {
                code.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                self == other.0
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }

        impl PartialEq<$name> for String {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }
    };
}

code! {
    /// A unit's code in the round (`snv`, `stc`): what the unit list, the scores and the audit name it by.
    UnitCode
}

code! {
    /// A bloc's code in the regulation (`khoi-1`): the pool a unit is ranked in and its quota counted over.
    BlocCode
}

code! {
    /// A component's code in its framework (`I.1.a`; a criterion printed without components is its own
    /// component, with the criterion's code).
    ComponentCode
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_reads_compares_and_serialises_as_its_text() {
        let unit = UnitCode::from("snv");
        assert_eq!(unit, "snv");
        assert_eq!("snv", unit);
        assert_eq!(unit.to_string(), "snv");
        assert_eq!(unit.len(), 3);
        assert_eq!(format!("[{unit:<5}]"), "[snv  ]", "a code pads in a column as its text does");
        assert_eq!(serde_json::to_string(&unit).ok().as_deref(), Some("\"snv\""));
        let map: std::collections::BTreeMap<UnitCode, u8> = [(unit.clone(), 1)].into();
        assert_eq!(map.get("snv"), Some(&1));
    }
}
