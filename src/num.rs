//! Exact numbers: every point, threshold and computed value is a rational
//! number, so that no rounding can move a candidate across a threshold.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};
use std::fmt;
use std::ops::{Add, Mul, Neg, Sub};

/// An exact rational number: a reduced fraction of machine integers while
/// it fits (the common case, without allocation), a big rational beyond.
#[derive(Clone)]
pub struct Num(Repr);

#[derive(Clone)]
enum Repr {
    /// Numerator and denominator: the denominator is positive and the
    /// fraction reduced, so that each number has one representation.
    Small(i64, i64),
    /// Only for values that do not fit `Small`.
    Big(Box<BigRational>),
}

impl Default for Num {
    fn default() -> Num {
        Num::zero()
    }
}

/// The greatest common divisor (binary algorithm), in 64 bits when it can.
fn gcd(a: u128, b: u128) -> u128 {
    match (u64::try_from(a), u64::try_from(b)) {
        (Ok(a), Ok(b)) => u128::from(gcd64(a, b)),
        _ => gcd128(a, b),
    }
}

/// The binary gcd algorithm, for one width of unsigned integers.
macro_rules! binary_gcd {
    ($name:ident, $t:ty) => {
        fn $name(mut a: $t, mut b: $t) -> $t {
            if a == 0 {
                return b;
            }
            if b == 0 {
                return a;
            }
            let shift = (a | b).trailing_zeros();
            a >>= a.trailing_zeros();
            loop {
                b >>= b.trailing_zeros();
                if a > b {
                    std::mem::swap(&mut a, &mut b);
                }
                b -= a;
                if b == 0 {
                    return a << shift;
                }
            }
        }
    };
}

binary_gcd!(gcd64, u64);
binary_gcd!(gcd128, u128);

impl Num {
    pub fn zero() -> Num {
        Num(Repr::Small(0, 1))
    }

    pub fn from_int(value: i64) -> Num {
        Num(Repr::Small(value, 1))
    }

    /// `n / d` reduced, small when it fits.
    fn fraction(n: i128, d: i128) -> Option<Num> {
        if d == 0 {
            return None;
        }
        let (n, d) = if d < 0 {
            (n.checked_neg()?, d.checked_neg()?)
        } else {
            (n, d)
        };
        if d == 1 {
            if let Ok(n) = i64::try_from(n) {
                return Some(Num(Repr::Small(n, 1)));
            }
        }
        let g = gcd(n.unsigned_abs(), d.unsigned_abs()).max(1) as i128;
        let (n, d) = (n / g, d / g);
        Some(match (i64::try_from(n), i64::try_from(d)) {
            (Ok(n), Ok(d)) => Num(Repr::Small(n, d)),
            _ => Num(Repr::Big(Box::new(BigRational::new(
                BigInt::from(n),
                BigInt::from(d),
            )))),
        })
    }

    fn from_big(value: BigRational) -> Num {
        match (value.numer().to_i64(), value.denom().to_i64()) {
            (Some(n), Some(d)) => Num(Repr::Small(n, d)),
            _ => Num(Repr::Big(Box::new(value))),
        }
    }

    fn big(&self) -> BigRational {
        match &self.0 {
            Repr::Small(n, d) => BigRational::new_raw(BigInt::from(*n), BigInt::from(*d)),
            Repr::Big(b) => (**b).clone(),
        }
    }

    /// Combines two numbers with a small fast path and a big fallback.
    fn combine(
        &self,
        other: &Num,
        small: impl Fn(i128, i128, i128, i128) -> Option<(i128, i128)>,
        big: impl Fn(&BigRational, &BigRational) -> BigRational,
    ) -> Num {
        if let (Repr::Small(a, b), Repr::Small(c, d)) = (&self.0, &other.0) {
            if let Some(n) = small(
                i128::from(*a),
                i128::from(*b),
                i128::from(*c),
                i128::from(*d),
            )
            .and_then(|(n, d)| Num::fraction(n, d))
            {
                return n;
            }
        }
        Num::from_big(big(&self.big(), &other.big()))
    }

    /// Parses a decimal literal such as `12`, `-0.5` or `1e3` exactly.
    pub fn parse(text: &str) -> Option<Num> {
        let text = text.trim();
        if let Some(n) = Num::parse_small(text) {
            return Some(n);
        }
        let (mantissa, exponent) = match text.find(['e', 'E']) {
            Some(i) => (&text[..i], text[i + 1..].parse::<i32>().ok()?),
            None => (text, 0),
        };
        let (negative, digits) = match mantissa.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, mantissa.strip_prefix('+').unwrap_or(mantissa)),
        };
        let (whole, fraction) = match digits.split_once('.') {
            Some((_, "")) => return None,
            Some(parts) => parts,
            None => (digits, ""),
        };
        if whole.is_empty() && fraction.is_empty()
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !fraction.bytes().all(|b| b.is_ascii_digit())
            || exponent.unsigned_abs() > 4096
        {
            return None;
        }
        let numerator: BigInt = format!("{whole}{fraction}").parse().ok()?;
        let scale = i64::from(exponent) - i64::try_from(fraction.len()).ok()?;
        let ten = BigInt::from(10);
        let power = num_traits::pow(ten, usize::try_from(scale.unsigned_abs()).ok()?);
        let value = if scale >= 0 {
            BigRational::from_integer(numerator * power)
        } else {
            BigRational::new(numerator, power)
        };
        Some(Num::from_big(if negative { -value } else { value }))
    }

    /// The common case without allocation: up to 18 digits, no exponent.
    fn parse_small(text: &str) -> Option<Num> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        if digits.is_empty() || digits.len() > 18 {
            return None;
        }
        let mut value: i64 = 0;
        let mut scale: u32 = 0;
        let mut seen_point = false;
        for b in digits.bytes() {
            match b {
                b'0'..=b'9' => {
                    value = value * 10 + i64::from(b - b'0');
                    if seen_point {
                        scale += 1;
                    }
                }
                b'.' if !seen_point => seen_point = true,
                _ => return None,
            }
        }
        if seen_point && (scale == 0 || digits.starts_with('.')) {
            return None;
        }
        Num::fraction(
            i128::from(if negative { -value } else { value }),
            10i128.pow(scale),
        )
    }

    pub fn is_zero(&self) -> bool {
        matches!(self.0, Repr::Small(0, _))
    }

    pub fn is_negative(&self) -> bool {
        match &self.0 {
            Repr::Small(n, _) => *n < 0,
            Repr::Big(b) => b.is_negative(),
        }
    }

    pub fn is_integer(&self) -> bool {
        match &self.0 {
            Repr::Small(_, d) => *d == 1,
            Repr::Big(b) => b.is_integer(),
        }
    }

    /// The division, or `None` when dividing by zero.
    pub fn checked_div(&self, other: &Num) -> Option<Num> {
        if other.is_zero() {
            None
        } else {
            Some(self.combine(
                other,
                |a, b, c, d| Some((a.checked_mul(d)?, b.checked_mul(c)?)),
                |x, y| x / y,
            ))
        }
    }

    /// `self × percent / 100`.
    #[must_use]
    pub fn percent_of(&self, percent: &Num) -> Num {
        (self * percent)
            .checked_div(&Num::from_int(100))
            .unwrap_or_default()
    }

    #[must_use]
    pub fn min(self, other: Num) -> Num {
        if other < self {
            other
        } else {
            self
        }
    }

    #[must_use]
    pub fn max(self, other: Num) -> Num {
        if other > self {
            other
        } else {
            self
        }
    }

    /// The smallest integer not below this number.
    #[must_use]
    pub fn ceil(&self) -> Num {
        -&(-self).floor()
    }

    /// The largest integer not above this number.
    #[must_use]
    pub fn floor(&self) -> Num {
        match &self.0 {
            Repr::Small(n, d) => Num::from_int(n.div_euclid(*d)),
            Repr::Big(b) => Num::from_big(b.floor()),
        }
    }

    /// The exact value as a reduced fraction: `"7/2"`, or `"-3"` for a whole number.
    pub fn to_fraction(&self) -> String {
        let value = self.big();
        if value.is_integer() {
            value.numer().to_string()
        } else {
            format!("{}/{}", value.numer(), value.denom())
        }
    }

    /// Decimal text: exact when the expansion terminates, otherwise rounded
    /// to `digits` decimal places.
    pub fn to_decimal(&self, digits: usize) -> String {
        let value = self.big();
        let negative = value.is_negative();
        let abs = value.abs();
        let ten = BigInt::from(10);
        let mut whole = abs.numer() / abs.denom();
        let mut remainder = abs.numer() % abs.denom();
        let denom = abs.denom().clone();
        let mut fraction = String::new();
        while !remainder.is_zero() && fraction.len() < digits {
            remainder *= &ten;
            let digit = &remainder / &denom;
            remainder %= &denom;
            fraction.push(char::from(b'0' + digit.to_u8().unwrap_or(0)));
        }
        if !remainder.is_zero() && remainder * 2 >= denom {
            // round half up, carrying through the digits
            let mut bytes = fraction.into_bytes();
            let mut carry = true;
            for b in bytes.iter_mut().rev() {
                if *b == b'9' {
                    *b = b'0';
                } else {
                    *b += 1;
                    carry = false;
                    break;
                }
            }
            if carry {
                whole += 1;
            }
            fraction = String::from_utf8(bytes).unwrap_or_default();
        }
        let fraction = fraction.trim_end_matches('0');
        let sign = if negative && (!whole.is_zero() || !fraction.is_empty()) {
            "-"
        } else {
            ""
        };
        if fraction.is_empty() {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}.{fraction}")
        }
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_decimal(6))
    }
}

impl fmt::Debug for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Add for &Num {
    type Output = Num;
    fn add(self, other: &Num) -> Num {
        self.combine(
            other,
            |a, b, c, d| {
                Some(if b == d {
                    (a + c, b)
                } else {
                    (a * d + c * b, b * d)
                })
            },
            |x, y| x + y,
        )
    }
}

impl Sub for &Num {
    type Output = Num;
    fn sub(self, other: &Num) -> Num {
        self.combine(
            other,
            |a, b, c, d| {
                Some(if b == d {
                    (a - c, b)
                } else {
                    (a * d - c * b, b * d)
                })
            },
            |x, y| x - y,
        )
    }
}

impl Mul for &Num {
    type Output = Num;
    fn mul(self, other: &Num) -> Num {
        self.combine(other, |a, b, c, d| Some((a * c, b * d)), |x, y| x * y)
    }
}

impl Neg for &Num {
    type Output = Num;
    fn neg(self) -> Num {
        match &self.0 {
            Repr::Small(n, d) => Num::fraction(-i128::from(*n), i128::from(*d)).unwrap_or_default(),
            Repr::Big(b) => Num::from_big(-(**b).clone()),
        }
    }
}

impl PartialEq for Num {
    fn eq(&self, other: &Num) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl Eq for Num {}

impl PartialOrd for Num {
    fn partial_cmp(&self, other: &Num) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Num {
    fn cmp(&self, other: &Num) -> std::cmp::Ordering {
        match (&self.0, &other.0) {
            (Repr::Small(a, b), Repr::Small(c, d)) => {
                (i128::from(*a) * i128::from(*d)).cmp(&(i128::from(*c) * i128::from(*b)))
            }
            _ => self.big().cmp(&other.big()),
        }
    }
}

impl std::hash::Hash for Num {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // Each value has one representation: small when it fits.
        match &self.0 {
            Repr::Small(n, d) => (0u8, n, d).hash(state),
            Repr::Big(b) => (1u8, b).hash(state),
        }
    }
}

impl std::iter::Sum for Num {
    fn sum<I: Iterator<Item = Num>>(iter: I) -> Num {
        iter.fold(Num::zero(), |a, b| &a + &b)
    }
}

/// A number in JSON is a JSON number, written exactly (`29.99`, never
/// `29.990000000000002`): decimals are exact, other rationals rounded.
impl serde::Serialize for Num {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.to_decimal(12);
        match text.parse::<serde_json::Number>() {
            Ok(n) => n.serialize(serializer),
            Err(_) => serializer.serialize_str(&text),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Num {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Num, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        let text = match &value {
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::String(s) => s.clone(),
            other => {
                return Err(serde::de::Error::custom(format!(
                    "expected a number, found {other}"
                )))
            }
        };
        Num::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a number")))
    }
}

#[cfg(test)]
mod tests {
    use super::Num;

    #[test]
    fn parses_decimals_exactly() {
        let n = Num::parse("29.99").unwrap();
        assert_eq!(n.to_decimal(20), "29.99");
        assert_eq!(Num::parse("-0.50").unwrap().to_decimal(6), "-0.5");
        assert_eq!(Num::parse("1e2").unwrap(), Num::from_int(100));
        assert!(Num::parse("1.").is_none());
        assert!(Num::parse("abc").is_none());
        assert!(Num::parse("").is_none());
    }

    #[test]
    fn sums_do_not_drift() {
        let tenth = Num::parse("0.1").unwrap();
        let sum: Num = std::iter::repeat_n(tenth, 10).sum();
        assert_eq!(sum, Num::from_int(1));
    }

    #[test]
    fn thirds_round_trip() {
        let third = Num::from_int(100).checked_div(&Num::from_int(3)).unwrap();
        assert_eq!(&third * &Num::from_int(3), Num::from_int(100));
        assert_eq!(third.to_decimal(2), "33.33");
        assert_eq!(Num::parse("2.675").unwrap().to_decimal(2), "2.68");
        assert_eq!(Num::parse("9.999").unwrap().to_decimal(2), "10");
        assert!(Num::from_int(1).checked_div(&Num::zero()).is_none());
    }

    #[test]
    fn small_and_big_agree() {
        // Values beyond 64 bits switch to big rationals and back.
        let big = Num::parse("123456789012345678901234567890").unwrap();
        let small = Num::from_int(7);
        assert_eq!(&(&big + &small) - &big, small);
        assert_eq!(&(&big * &small).checked_div(&big).unwrap(), &small);
        let max = Num::from_int(i64::MAX);
        let sum = &max + &max;
        assert_eq!(sum.to_decimal(0), "18446744073709551614");
        assert_eq!(&sum - &max, max);
        assert_eq!(
            -&Num::from_int(i64::MIN),
            &Num::from_int(i64::MAX) + &Num::from_int(1)
        );
        // Ordering and equality across representations.
        assert!(big > small);
        assert!(-&big < small);
        assert_eq!(Num::parse("0.50").unwrap(), Num::parse("0.5").unwrap());
        assert_eq!(Num::parse("-7.5").unwrap().floor(), Num::from_int(-8));
        assert_eq!(Num::parse("-7.5").unwrap().ceil(), Num::from_int(-7));
        let mut set = std::collections::HashSet::new();
        set.insert(Num::parse("2.50").unwrap());
        assert!(set.contains(&Num::from_int(5).checked_div(&Num::from_int(2)).unwrap()));
    }
}
