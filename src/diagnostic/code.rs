//! The stable diagnostic codes. A code, once published, keeps its meaning;
//! `docs/diagnostics.md` has a section per code and `tests/it/codes.rs` checks
//! that each has a fixture.

use super::Severity;

macro_rules! codes {
    ($($name:ident $severity:ident $title:literal,)*) => {
        /// A stable diagnostic code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($name,)* }

        impl Code {
            /// Every code, in order.
            pub const ALL: &'static [Code] = &[$(Code::$name,)*];

            /// `E0001`…
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$name => stringify!($name),)* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$name => Severity::$severity,)* }
            }

            /// A short title, as in the docs' headings.
            pub fn title(self) -> &'static str {
                match self { $(Code::$name => $title,)* }
            }
        }
    };
}

codes! {
    E0001 Error "syntax error",
    E0002 Error "duplicate identifier",
    E0003 Error "undefined reference",
    E0004 Error "unknown option",
    E0005 Error "type mismatch",
    E0006 Error "condition is not a yes/no value",
    E0007 Error "reference to a later question",
    E0008 Error "condition refers to itself",
    E0009 Error "cycle between conditions and computed values",
    E0010 Error "division by a value that can be zero",
    E0011 Error "level thresholds not strictly increasing",
    E0012 Error "unreachable level",
    E0013 Error "overlapping bands",
    E0014 Error "gap between bands",
    E0015 Error "bands do not cover the range",
    E0016 Error "invalid jury range",
    E0017 Error "empty section",
    E0018 Error "attribute not allowed here",
    E0019 Error "missing part",
    E0020 Error "attribute given twice",
    E0021 Error "invalid bounds",
    E0022 Error "score used outside levels",
    E0023 Error "invalid value",
    E0024 Error "unknown header field",
    E0025 Error "choice without options",
    E0026 Error "invalid level number",
    E0027 Error "reserved word used as identifier",
    E0028 Error "invalid text formatting",
    E0029 Error "expression too deeply nested",
    E0030 Error "file is not valid UTF-8",
    E0031 Error "invalid example",
    E0032 Error "unsupported language",
    E0033 Error "unknown function",
    E0034 Error "invalid function arguments",
    E0035 Error "mention never awarded",
    W0001 Warning "cap never reached",
    W0002 Warning "duplicate label",
    W0003 Warning "unused computed value",
    W0004 Warning "no levels",
    W0005 Warning "level not shown reachable",
    W0006 Warning "percentage of no points",
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
