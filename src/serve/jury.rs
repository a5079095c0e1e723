//! The jury's accounts: each juror's password, kept as an argon2id hash
//! (argon2's default parameters, a random salt of 16 bytes).

/// A juror's role: a juror marks applications; the president also agrees
/// the marks, validates and publishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Juror,
    President,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Juror => "juror",
            Role::President => "president",
        }
    }

    pub fn parse(name: &str) -> Option<Role> {
        match name {
            "juror" => Some(Role::Juror),
            "president" => Some(Role::President),
            _ => None,
        }
    }
}

/// The shortest password a juror may choose.
pub const MIN_PASSWORD: usize = 12;

/// A password's hash, in the PHC string format (`$argon2id$v=19$…`).
pub fn hash(password: &str) -> String {
    use argon2::password_hash::{PasswordHasher, SaltString};
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).expect("the system gives random bytes");
    let salt = SaltString::encode_b64(&salt).expect("16 bytes make a salt");
    argon2::Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 hashes any password")
        .to_string()
}

/// Whether a password is the one of this hash.
pub fn verify(password: &str, hash: &str) -> bool {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};
    PasswordHash::new(hash).is_ok_and(|h| {
        argon2::Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// A password made for a juror: 120 random bits, in 20 characters.
pub fn new_password() -> String {
    use base64::Engine as _;
    let mut bytes = [0u8; 15];
    getrandom::fill(&mut bytes).expect("the system gives random bytes");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Why a juror's name cannot be used, if it cannot.
pub fn name_problem(name: &str) -> Option<&'static str> {
    if name.trim().is_empty() {
        Some("a juror's name is not empty")
    } else if name.chars().count() > 100 {
        Some("a juror's name has at most 100 characters")
    } else if name.chars().any(char::is_control) || name.trim() != name {
        Some("a juror's name has no control characters and no spaces around it")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_against_its_hash_only() {
        let h = hash("correct horse battery");
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(verify("correct horse battery", &h));
        assert!(!verify("correct horse batterY", &h));
        assert!(!verify("correct horse battery", "not a hash"));
        assert_ne!(hash("correct horse battery"), h, "a salt of its own");
        assert_eq!(new_password().len(), 20);
    }
}
