//! Where the bytes an index keeps until it is written live: each thread
//! copies them into large chunks of its own, shared by the pages it
//! tokenises, rather than into an allocation per page.
//!
//! A page's words and packed fragment, about 5 KB a page, are kept from
//! the moment it renders until the index is written. As an allocation
//! each, of every size, made between the larger ones a page's rendering
//! makes and frees, they cost the allocator more than their size: in
//! chunks, a build of 20,222 pages peaked 13 MiB lower and one of 202,202
//! pages 160 MiB lower (see the README, *The search index*).

use std::cell::RefCell;
use std::thread::LocalKey;

use bytes::{Bytes, BytesMut};

/// The size of a chunk: a large allocation of its own for the allocator,
/// a few hundred pages' worth.
const CHUNK: usize = 1 << 20;

thread_local! {
    static WORDS: RefCell<BytesMut> = RefCell::new(BytesMut::new());
    static FILES: RefCell<BytesMut> = RefCell::new(BytesMut::new());
}

/// What kept bytes are: each kind has chunks of its own, so that a chunk
/// is freed when what it holds is no longer needed (the words once in the
/// word index, the files once written), not when both are.
#[derive(Clone, Copy)]
pub enum Arena {
    /// Pages' words, until the word index is made.
    Words,
    /// Packed index files, until they are written.
    Files,
}

impl Arena {
    /// `bytes`, copied into this thread's chunk of this kind (a new one
    /// when it is full); the chunk lives as long as any slice of it.
    pub fn keep(self, bytes: &[u8]) -> Bytes {
        let filling: &'static LocalKey<RefCell<BytesMut>> = match self {
            Arena::Words => &WORDS,
            Arena::Files => &FILES,
        };
        filling.with(|filling| {
            let mut filling = filling.borrow_mut();
            if filling.capacity() - filling.len() < bytes.len() {
                *filling = BytesMut::with_capacity(CHUNK.max(bytes.len()));
            }
            filling.extend_from_slice(bytes);
            filling.split().freeze()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_bytes_are_the_bytes_given_and_share_a_chunk() {
        let first = Arena::Words.keep(b"first page");
        let file = Arena::Files.keep(b"a file");
        let second = Arena::Words.keep("екінші бет".as_bytes());
        assert_eq!(&first[..], b"first page");
        assert_eq!(&file[..], b"a file");
        assert_eq!(&second[..], "екінші бет".as_bytes());
        // The second page's words follow the first's in the same chunk;
        // the file is in a chunk of the other kind.
        assert_eq!(first.as_ptr().wrapping_add(first.len()), second.as_ptr());
        assert_ne!(first.as_ptr().wrapping_add(first.len()), file.as_ptr());
    }

    #[test]
    fn bytes_larger_than_a_chunk_get_a_chunk_of_their_own() {
        let small = Arena::Files.keep(b"small");
        let large = Arena::Files.keep(&vec![7; CHUNK + 1]);
        assert_eq!(large.len(), CHUNK + 1);
        assert!(large.iter().all(|&b| b == 7));
        assert_eq!(&small[..], b"small");
        assert_eq!(&Arena::Files.keep(b"after")[..], b"after");
    }
}
