//! A client address or a range of them, as an operator writes it in the settings:
//! `192.0.2.7`, `10.0.0.0/8`, `::1`, `2001:db8::/32`. Used for the addresses that may
//! read `/metrics`.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

/// An address and a prefix length: every address whose first `prefix` bits are equal.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct IpRange {
    network: IpAddr,
    prefix: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not an IP address or a range such as 10.0.0.0/8 or 2001:db8::/32")]
pub struct InvalidIpRange(String);

impl IpRange {
    pub fn parse(text: &str) -> Result<IpRange, InvalidIpRange> {
        let invalid = || InvalidIpRange(text.to_owned());
        let trimmed = text.trim();
        let (address, prefix) = match trimmed.split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (trimmed, None),
        };
        let network = unmapped(address.parse::<IpAddr>().map_err(|_| invalid())?);
        let bits = match network {
            IpAddr::V4(_) => 32,
            IpAddr::V6(_) => 128,
        };
        let prefix = match prefix {
            Some(p) if !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()) => {
                p.parse::<u8>().map_err(|_| invalid())?
            }
            Some(_) => return Err(invalid()),
            None => bits,
        };
        if prefix > bits {
            return Err(invalid());
        }
        Ok(IpRange { network, prefix })
    }

    /// Whether `ip` lies in the range; an IPv4 address seen through an IPv6 socket
    /// (`::ffff:192.0.2.7`) counts as the IPv4 address.
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.network, unmapped(ip)) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                same_prefix(&net.octets(), &ip.octets(), self.prefix)
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                same_prefix(&net.octets(), &ip.octets(), self.prefix)
            }
            _ => false,
        }
    }
}

/// `::ffff:a.b.c.d` is the IPv4 address a.b.c.d.
pub fn unmapped(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

fn same_prefix(a: &[u8], b: &[u8], prefix: u8) -> bool {
    let whole = usize::from(prefix / 8);
    let rest = prefix % 8;
    if a[..whole] != b[..whole] {
        return false;
    }
    if rest == 0 {
        return true;
    }
    let mask = 0xFFu8 << (8 - rest);
    (a[whole] & mask) == (b[whole] & mask)
}

impl FromStr for IpRange {
    type Err = InvalidIpRange;

    fn from_str(text: &str) -> Result<IpRange, InvalidIpRange> {
        IpRange::parse(text)
    }
}

impl fmt::Display for IpRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.network, self.prefix)
    }
}

impl fmt::Debug for IpRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl<'de> serde::Deserialize<'de> for IpRange {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<IpRange, D::Error> {
        let text = String::deserialize(deserializer)?;
        IpRange::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn single_addresses_and_ranges_of_both_families() {
        let one = IpRange::parse("192.0.2.7").unwrap();
        assert!(one.contains(ip("192.0.2.7")));
        assert!(!one.contains(ip("192.0.2.8")));

        let private = IpRange::parse(" 10.0.0.0/8 ").unwrap();
        assert!(private.contains(ip("10.255.3.4")));
        assert!(!private.contains(ip("11.0.0.1")));

        let odd = IpRange::parse("192.0.2.0/25").unwrap();
        assert!(odd.contains(ip("192.0.2.127")));
        assert!(!odd.contains(ip("192.0.2.128")));

        let v6 = IpRange::parse("2001:db8::/32").unwrap();
        assert!(v6.contains(ip("2001:db8:1::5")));
        assert!(!v6.contains(ip("2001:db9::5")));
        assert!(!v6.contains(ip("10.0.0.1")));

        let everyone = IpRange::parse("0.0.0.0/0").unwrap();
        assert!(everyone.contains(ip("203.0.113.9")));
        assert_eq!(private.to_string(), "10.0.0.0/8");
    }

    #[test]
    fn an_ipv4_address_seen_through_ipv6_is_the_ipv4_address() {
        let range = IpRange::parse("192.0.2.0/24").unwrap();
        assert!(range.contains(ip("::ffff:192.0.2.9")));
        let mapped = IpRange::parse("::ffff:127.0.0.1").unwrap();
        assert!(mapped.contains(ip("127.0.0.1")));
    }

    #[test]
    fn malformed_ranges_are_refused() {
        for text in [
            "",
            "localhost",
            "10.0.0.0/33",
            "::/129",
            "10.0.0.0/",
            "10.0.0.0/+8",
            "10.0.0/8",
        ] {
            assert!(IpRange::parse(text).is_err(), "{text}");
        }
    }
}
