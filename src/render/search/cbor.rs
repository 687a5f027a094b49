//! The little of CBOR (RFC 8949) that Pagefind's index files use, written
//! as Pagefind's encoder (minicbor, derived) writes it: structs and lists
//! as definite-length arrays, integers and lengths in their shortest form,
//! strings as text.

/// Writes the head of a CBOR item: `major` type and argument `value`, in
/// the shortest form.
fn head(out: &mut Vec<u8>, major: u8, value: u64) {
    let major = major << 5;
    match value {
        0..=23 => out.push(major | value as u8),
        24..=0xff => out.extend_from_slice(&[major | 24, value as u8]),
        0x100..=0xffff => {
            out.push(major | 25);
            out.extend_from_slice(&(value as u16).to_be_bytes());
        }
        0x1_0000..=0xffff_ffff => {
            out.push(major | 26);
            out.extend_from_slice(&(value as u32).to_be_bytes());
        }
        _ => {
            out.push(major | 27);
            out.extend_from_slice(&value.to_be_bytes());
        }
    }
}

/// Writes an unsigned integer.
pub fn uint(out: &mut Vec<u8>, value: u64) {
    head(out, 0, value);
}

/// Writes a signed integer.
pub fn int(out: &mut Vec<u8>, value: i64) {
    match u64::try_from(value) {
        Ok(value) => head(out, 0, value),
        // -1 - n for n ≥ 0: the negative argument is !value.
        Err(_) => head(out, 1, !(value as u64)),
    }
}

/// Writes a text string.
pub fn text(out: &mut Vec<u8>, value: &str) {
    head(out, 3, value.len() as u64);
    out.extend_from_slice(value.as_bytes());
}

/// Writes the head of an array of `len` items, which follow.
pub fn array(out: &mut Vec<u8>, len: usize) {
    head(out, 4, len as u64);
}

/// Writes an array of signed integers.
pub fn ints(out: &mut Vec<u8>, values: &[i32]) {
    array(out, values.len());
    for &value in values {
        int(out, i64::from(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(write: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
        let mut out = Vec::new();
        write(&mut out);
        out
    }

    #[test]
    fn integers_take_their_shortest_form() {
        assert_eq!(bytes(|o| uint(o, 0)), [0x00]);
        assert_eq!(bytes(|o| uint(o, 23)), [0x17]);
        assert_eq!(bytes(|o| uint(o, 24)), [0x18, 24]);
        assert_eq!(bytes(|o| uint(o, 256)), [0x19, 1, 0]);
        assert_eq!(bytes(|o| uint(o, 65536)), [0x1a, 0, 1, 0, 0]);
        assert_eq!(bytes(|o| uint(o, 1 << 32)), [0x1b, 0, 0, 0, 1, 0, 0, 0, 0]);
        assert_eq!(bytes(|o| int(o, -1)), [0x20]);
        assert_eq!(bytes(|o| int(o, -25)), [0x38, 24]);
        assert_eq!(bytes(|o| int(o, i64::MIN)), {
            let mut v = vec![0x3b];
            v.extend_from_slice(&i64::MAX.to_be_bytes());
            v
        });
    }

    #[test]
    fn texts_and_arrays() {
        assert_eq!(bytes(|o| text(o, "")), [0x60]);
        assert_eq!(bytes(|o| text(o, "ә")), [0x62, 0xd3, 0x99]);
        assert_eq!(bytes(|o| ints(o, &[-25, 3, 1])), [0x83, 0x38, 24, 3, 1]);
        assert_eq!(bytes(|o| array(o, 0)), [0x80]);
    }
}
