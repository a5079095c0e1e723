//! Bands: each value of the scored range falls in exactly one band.

use super::interval::Interval;
use super::Checker;
use crate::diagnostic;
use crate::num::Num;
use crate::source::Span;
use crate::syntax::ast;

/// One end of a band: a value and whether it belongs to the band.
#[derive(Clone, Debug)]
struct End {
    value: Num,
    closed: bool,
}

/// Whether the values strictly between two ends (plus the ends where not
/// covered) contain anything, or anything whole when `integer`.
fn gap_exists(after: &End, before: &End, integer: bool) -> bool {
    if integer {
        let candidate = if after.closed {
            &after.value.floor() + &Num::from_int(1)
        } else {
            after.value.ceil()
        };
        candidate < before.value || (candidate == before.value && !before.closed)
    } else {
        after.value < before.value
            || (after.value == before.value && !after.closed && !before.closed)
    }
}

/// The uncovered stretch between two ends, as an interval (or a single value).
fn stretch(after: Option<&End>, before: Option<&End>) -> String {
    if let (Some(a), Some(b)) = (after, before) {
        if a.value == b.value {
            return format!("the value {}", a.value);
        }
    }
    let lower = match after {
        Some(e) => format!("{}{}", if e.closed { "(" } else { "[" }, e.value),
        None => "(-∞".to_owned(),
    };
    let upper = match before {
        Some(e) => format!("{}{}", e.value, if e.closed { ")" } else { "]" }),
        None => "∞)".to_owned(),
    };
    format!("{lower}, {upper}")
}

pub(super) fn check(
    checker: &mut Checker<'_>,
    bands: &[ast::Band],
    domain: &Interval,
    integer: bool,
    subject: &str,
    subject_span: Span,
) -> bool {
    let mut ok = true;
    if bands.is_empty() {
        checker.report(diagnostic::no_bands(subject_span, subject));
        return false;
    }
    for b in bands {
        let empty = match &b.upper {
            Some(u) => {
                u.value < b.lower.value
                    || (u.value == b.lower.value && !(b.lower_closed && b.upper_closed))
            }
            None => b.upper_closed,
        };
        if empty {
            checker.report(diagnostic::empty_band(b.span, b.upper.is_none()));
            ok = false;
        }
    }
    if !ok {
        return false;
    }
    let mut sorted: Vec<&ast::Band> = bands.iter().collect();
    sorted
        .sort_by(|a, b| (&a.lower.value, !a.lower_closed).cmp(&(&b.lower.value, !b.lower_closed)));

    let lower_end = |b: &ast::Band| End {
        value: b.lower.value.clone(),
        closed: b.lower_closed,
    };
    let upper_end = |b: &ast::Band| {
        b.upper.as_ref().map(|u| End {
            value: u.value.clone(),
            closed: b.upper_closed,
        })
    };

    // Below the first band.
    let first = sorted[0];
    let uncovered_below = match &domain.lo {
        None => true,
        Some(lo) => {
            let start = End {
                value: lo.clone(),
                closed: false,
            };
            gap_exists(&start, &lower_end(first), integer)
        }
    };
    if uncovered_below {
        let from = domain.lo.as_ref().map(|lo| End {
            value: lo.clone(),
            closed: false,
        });
        let range = stretch(from.as_ref(), Some(&lower_end(first)));
        checker.report(diagnostic::bands_not_covering(
            first.span,
            subject,
            &range,
            domain.lo.is_none(),
        ));
        ok = false;
    }

    // Between consecutive bands.
    for pair in sorted.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let Some(end) = upper_end(a) else {
            checker.report(diagnostic::bands_overlap(b.span, a.span));
            ok = false;
            continue;
        };
        let start = lower_end(b);
        let overlap =
            start.value < end.value || (start.value == end.value && start.closed && end.closed);
        if overlap {
            checker.report(diagnostic::bands_overlap(b.span, a.span));
            ok = false;
        } else if gap_exists(&end, &start, integer) {
            checker.report(diagnostic::bands_gap(
                b.span,
                a.span,
                &stretch(Some(&end), Some(&start)),
            ));
            ok = false;
        }
    }

    // Above the last band.
    let last = sorted[sorted.len() - 1];
    if let Some(end) = upper_end(last) {
        let uncovered_above = match &domain.hi {
            None => true,
            Some(hi) => {
                let stop = End {
                    value: hi.clone(),
                    closed: false,
                };
                gap_exists(&end, &stop, integer)
            }
        };
        if uncovered_above {
            let to = domain.hi.as_ref().map(|hi| End {
                value: hi.clone(),
                closed: false,
            });
            let range = stretch(Some(&end), to.as_ref());
            checker.report(diagnostic::bands_not_covering(
                last.span, subject, &range, false,
            ));
            ok = false;
        }
    }
    ok
}
