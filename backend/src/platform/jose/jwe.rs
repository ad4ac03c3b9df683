//! Compact JWE (RFC 7516) with the algorithms SPID/CIE providers use to encrypt the
//! userinfo to the relying party: the content key wrapped with RSA-OAEP or RSA-OAEP-256,
//! the content in AES-CBC with HMAC-SHA2 (`A128CBC-HS256`, `A256CBC-HS512`, RFC 7518
//! §5.2). Decryption is what the portal does; encryption serves the tests' providers.

use aes::{Aes128, Aes256};
use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockModeDecrypt, BlockModeEncrypt, KeyIvInit};
use hmac::{Hmac, Mac};
use rsa::{Oaep, RsaPrivateKey, RsaPublicKey};
use serde_json::{json, Value};
use sha2::{Sha256, Sha512};

use super::{b64url, b64url_decode, JoseError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyWrap {
    RsaOaep,
    RsaOaep256,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
    A128CbcHs256,
    A256CbcHs512,
}

impl KeyWrap {
    fn parse(alg: &str) -> Result<KeyWrap, JoseError> {
        match alg {
            "RSA-OAEP" => Ok(KeyWrap::RsaOaep),
            "RSA-OAEP-256" => Ok(KeyWrap::RsaOaep256),
            other => Err(JoseError::Algorithm(other.to_owned())),
        }
    }

    fn padding(self) -> Oaep {
        match self {
            KeyWrap::RsaOaep => Oaep::new::<sha1::Sha1>(),
            KeyWrap::RsaOaep256 => Oaep::new::<Sha256>(),
        }
    }
}

impl Content {
    fn parse(enc: &str) -> Result<Content, JoseError> {
        match enc {
            "A128CBC-HS256" => Ok(Content::A128CbcHs256),
            "A256CBC-HS512" => Ok(Content::A256CbcHs512),
            other => Err(JoseError::Algorithm(other.to_owned())),
        }
    }

    /// The content key's length; its first half authenticates, the second encrypts.
    fn key_len(self) -> usize {
        match self {
            Content::A128CbcHs256 => 32,
            Content::A256CbcHs512 => 64,
        }
    }

    /// The authentication tag of RFC 7518 §5.2.2.1: HMAC over AAD ‖ IV ‖ ciphertext ‖
    /// the AAD's length in bits, truncated to half the MAC key's… output size.
    fn tag(self, mac_key: &[u8], aad: &[u8], iv: &[u8], ciphertext: &[u8]) -> Vec<u8> {
        let al = ((aad.len() as u64) * 8).to_be_bytes();
        match self {
            Content::A128CbcHs256 => {
                let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(mac_key).expect("any length");
                for part in [aad, iv, ciphertext, &al] {
                    mac.update(part);
                }
                mac.finalize().into_bytes()[..16].to_vec()
            }
            Content::A256CbcHs512 => {
                let mut mac = <Hmac<Sha512> as Mac>::new_from_slice(mac_key).expect("any length");
                for part in [aad, iv, ciphertext, &al] {
                    mac.update(part);
                }
                mac.finalize().into_bytes()[..32].to_vec()
            }
        }
    }

    fn decrypt(self, enc_key: &[u8], iv: &[u8], ciphertext: &[u8]) -> Option<Vec<u8>> {
        match self {
            Content::A128CbcHs256 => cbc::Decryptor::<Aes128>::new_from_slices(enc_key, iv)
                .ok()?
                .decrypt_padded_vec::<Pkcs7>(ciphertext)
                .ok(),
            Content::A256CbcHs512 => cbc::Decryptor::<Aes256>::new_from_slices(enc_key, iv)
                .ok()?
                .decrypt_padded_vec::<Pkcs7>(ciphertext)
                .ok(),
        }
    }

    fn encrypt(self, enc_key: &[u8], iv: &[u8], plaintext: &[u8]) -> Vec<u8> {
        match self {
            Content::A128CbcHs256 => cbc::Encryptor::<Aes128>::new_from_slices(enc_key, iv)
                .expect("sizes fixed by the algorithm")
                .encrypt_padded_vec::<Pkcs7>(plaintext),
            Content::A256CbcHs512 => cbc::Encryptor::<Aes256>::new_from_slices(enc_key, iv)
                .expect("sizes fixed by the algorithm")
                .encrypt_padded_vec::<Pkcs7>(plaintext),
        }
    }
}

/// The protected header and the plaintext of a compact JWE encrypted to `key`.
pub fn decrypt(jwe: &str, key: &RsaPrivateKey) -> Result<(Value, Vec<u8>), JoseError> {
    let parts: Vec<&str> = jwe.trim().split('.').collect();
    let [header_b64, wrapped, iv, ciphertext, tag] = parts[..] else {
        return Err(JoseError::Malformed);
    };
    let decode = |part: &str| b64url_decode(part).ok_or(JoseError::Malformed);
    let header: Value =
        serde_json::from_slice(&decode(header_b64)?).map_err(|_| JoseError::Malformed)?;
    let text = |name: &str| header.get(name).and_then(Value::as_str).unwrap_or_default();
    let wrap = KeyWrap::parse(text("alg"))?;
    let content = Content::parse(text("enc"))?;
    let (iv, ciphertext, tag) = (decode(iv)?, decode(ciphertext)?, decode(tag)?);
    let cek = key
        .decrypt(wrap.padding(), &decode(wrapped)?)
        .map_err(|_| JoseError::Decryption("the content key does not unwrap"))?;
    if cek.len() != content.key_len() {
        return Err(JoseError::Decryption("content key of the wrong length"));
    }
    let (mac_key, enc_key) = cek.split_at(cek.len() / 2);
    let expected = content.tag(mac_key, header_b64.as_bytes(), &iv, &ciphertext);
    if !constant_time_eq(&expected, &tag) {
        return Err(JoseError::Decryption(
            "the authentication tag does not match",
        ));
    }
    let plaintext = content
        .decrypt(enc_key, &iv, &ciphertext)
        .ok_or(JoseError::Decryption("bad padding"))?;
    Ok((header, plaintext))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A compact JWE of `plaintext` to `recipient` (`alg` RSA-OAEP or RSA-OAEP-256, `enc`
/// A128CBC-HS256 or A256CBC-HS512), with `extra` members in the protected header.
pub fn encrypt(
    plaintext: &[u8],
    recipient: &RsaPublicKey,
    alg: &str,
    enc: &str,
    extra: Value,
) -> Result<String, JoseError> {
    use rsa::rand_core::RngCore;
    let wrap = KeyWrap::parse(alg)?;
    let content = Content::parse(enc)?;
    let mut header = json!({"alg": alg, "enc": enc});
    if let (Some(header), Value::Object(extra)) = (header.as_object_mut(), extra) {
        header.extend(extra);
    }
    let header_b64 = b64url(header.to_string().as_bytes());
    let mut rng = rsa::rand_core::OsRng;
    let mut cek = vec![0u8; content.key_len()];
    rng.fill_bytes(&mut cek);
    let mut iv = [0u8; 16];
    rng.fill_bytes(&mut iv);
    let wrapped = recipient
        .encrypt(&mut rsa::rand_core::OsRng, wrap.padding(), &cek)
        .map_err(|e| JoseError::Key(e.to_string()))?;
    let (mac_key, enc_key) = cek.split_at(cek.len() / 2);
    let ciphertext = content.encrypt(enc_key, &iv, plaintext);
    let tag = content.tag(mac_key, header_b64.as_bytes(), &iv, &ciphertext);
    Ok(format!(
        "{header_b64}.{}.{}.{}.{}",
        b64url(&wrapped),
        b64url(&iv),
        b64url(&ciphertext),
        b64url(&tag)
    ))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::platform::jose::rsa_key::{KeyUse, RsaKey};

    #[test]
    fn every_combination_round_trips_and_a_changed_byte_is_refused() {
        let key = RsaKey::generate(KeyUse::Encryption).unwrap();
        let public = key.private().to_public_key();
        for alg in ["RSA-OAEP", "RSA-OAEP-256"] {
            for enc in ["A128CBC-HS256", "A256CBC-HS512"] {
                let jwe = encrypt(b"eyJ.a.b", &public, alg, enc, json!({"cty": "JWT"})).unwrap();
                let (header, plain) = decrypt(&jwe, key.private()).unwrap();
                assert_eq!(plain, b"eyJ.a.b");
                assert_eq!(header["cty"], "JWT");
                let mut parts: Vec<String> = jwe.split('.').map(str::to_owned).collect();
                let mut ciphertext = b64url_decode(&parts[3]).unwrap();
                ciphertext[0] ^= 1;
                parts[3] = b64url(&ciphertext);
                assert!(matches!(
                    decrypt(&parts.join("."), key.private()),
                    Err(JoseError::Decryption(_))
                ));
            }
        }
    }

    #[test]
    fn the_rfc_7516_appendix_b_tag_is_reproduced() {
        // RFC 7516 Appendix B: A128CBC-HS256 with its fixed key, IV and AAD.
        let cek: Vec<u8> = vec![
            4, 211, 31, 197, 84, 157, 252, 254, 11, 100, 157, 250, 63, 170, 106, 206, 107, 124,
            212, 45, 111, 107, 9, 219, 200, 177, 0, 240, 143, 156, 44, 207,
        ];
        let iv: [u8; 16] = [
            3, 22, 60, 12, 43, 67, 104, 105, 108, 108, 105, 99, 111, 116, 104, 101,
        ];
        let aad = b"eyJhbGciOiJBMTI4S1ciLCJlbmMiOiJBMTI4Q0JDLUhTMjU2In0";
        let (mac_key, enc_key) = cek.split_at(16);
        let ciphertext = Content::A128CbcHs256.encrypt(enc_key, &iv, b"Live long and prosper.");
        assert_eq!(
            b64url(&ciphertext),
            "KDlTtXchhZTGufMYmOYGS4HffxPSUrfmqCHXaI9wOGY"
        );
        let tag = Content::A128CbcHs256.tag(mac_key, aad, &iv, &ciphertext);
        assert_eq!(b64url(&tag), "U0m_YmjN04DJvceFICbCVQ");
    }
}
