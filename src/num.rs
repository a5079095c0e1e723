//! Exact numbers: every point, threshold and computed value is a rational
//! number, so that no rounding can move a candidate across a threshold.

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::fmt;
use std::ops::{Add, Mul, Neg, Sub};

/// An exact rational number.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Num(BigRational);

impl Num {
    pub fn zero() -> Num {
        Num(BigRational::zero())
    }

    pub fn from_int(value: i64) -> Num {
        Num(BigRational::from_integer(BigInt::from(value)))
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
        Some(Num(if negative { -value } else { value }))
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
        let value = BigInt::from(if negative { -value } else { value });
        Some(Num(if scale == 0 {
            BigRational::from_integer(value)
        } else {
            BigRational::new(value, BigInt::from(10i64.pow(scale)))
        }))
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    pub fn is_negative(&self) -> bool {
        self.0.is_negative()
    }

    pub fn is_integer(&self) -> bool {
        self.0.is_integer()
    }

    /// The division, or `None` when dividing by zero.
    pub fn checked_div(&self, other: &Num) -> Option<Num> {
        if other.is_zero() {
            None
        } else {
            Some(Num(&self.0 / &other.0))
        }
    }

    /// `self × percent / 100`.
    #[must_use]
    pub fn percent_of(&self, percent: &Num) -> Num {
        Num(&self.0 * &percent.0 / BigRational::from_integer(BigInt::from(100)))
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
        Num(self.0.ceil())
    }

    /// The largest integer not above this number.
    #[must_use]
    pub fn floor(&self) -> Num {
        Num(self.0.floor())
    }

    /// An approximation for display or for machine formats that need one.
    pub fn to_f64(&self) -> f64 {
        self.0.to_f64().unwrap_or(f64::NAN)
    }

    /// Whether the decimal expansion terminates (denominator of the form 2^a 5^b).
    pub fn is_decimal(&self) -> bool {
        let mut d = self.0.denom().clone();
        for p in [2u32, 5] {
            let p = BigInt::from(p);
            while d.is_multiple_of(&p) {
                d /= &p;
            }
        }
        d.is_one()
    }

    /// Decimal text: exact when the expansion terminates, otherwise rounded
    /// to `digits` decimal places.
    pub fn to_decimal(&self, digits: usize) -> String {
        let negative = self.0.is_negative();
        let abs = self.0.abs();
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
        Num(&self.0 + &other.0)
    }
}

impl Sub for &Num {
    type Output = Num;
    fn sub(self, other: &Num) -> Num {
        Num(&self.0 - &other.0)
    }
}

impl Mul for &Num {
    type Output = Num;
    fn mul(self, other: &Num) -> Num {
        Num(&self.0 * &other.0)
    }
}

impl Neg for &Num {
    type Output = Num;
    fn neg(self) -> Num {
        Num(-&self.0)
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
        assert!(!third.is_decimal());
        assert_eq!(Num::parse("2.675").unwrap().to_decimal(2), "2.68");
        assert_eq!(Num::parse("9.999").unwrap().to_decimal(2), "10");
        assert!(Num::from_int(1).checked_div(&Num::zero()).is_none());
    }
}
