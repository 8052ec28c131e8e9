//! A [`Subscriber`] read from async code: a `futures_core::Stream`, and an awaitable
//! receive.
//!
//! # Items, gaps and the end
//! The stream yields exactly what [`Subscriber::recv`] returns, in the same order: a gap
//! under [`Overflow::Lag`](crate::Overflow::Lag) is an item `Err(RecvError::Lagged(n))`
//! followed by the message after the gap; an overflow under
//! [`Overflow::Disconnect`](crate::Overflow::Disconnect) is `Err(RecvError::Overflowed)`
//! after every buffered message, and then the stream ends. At engine shutdown the stream
//! ends (`None`) after the buffered messages, where `recv` would answer
//! [`RecvError::Closed`].
//!
//! # Waking
//! The first async read enables the subscriber's wake-ups under the fan-out lock, so every
//! later publication wakes a waiting task; a subscriber never read from async code pays
//! nothing for it (see `exec/reply_sink.rs`). The stream does not spin: messages arrive
//! when someone publishes, not within a microsecond of a request.

use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::task::{Context, Poll};

use crossbeam_channel::TryRecvError;
use futures_core::Stream;

use crate::{Message, RecvError, Subscriber};

impl Subscriber {
    /// The next message, awaited: the same results as [`Subscriber::recv`], without
    /// blocking the thread. `&mut self` because one subscriber has one waiting reader.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let engine = embedis::Engine::new();
    /// let mut subscriber = engine.subscriber();
    /// subscriber.subscribe(["news"]).unwrap();
    /// engine.publish("news", "hello").unwrap();
    /// let message = subscriber.recv_async().await.unwrap();
    /// assert_eq!(&message.payload()[..], b"hello");
    /// engine.shutdown();
    /// assert_eq!(subscriber.recv_async().await, Err(embedis::RecvError::Closed));
    /// # }
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "async")))]
    pub fn recv_async(&mut self) -> impl Future<Output = Result<Message, RecvError>> + Send + '_ {
        poll_fn(move |cx| self.poll_recv(cx))
    }

    /// One attempt to receive: register, then check again, before `Pending`.
    fn poll_recv(&mut self, cx: &mut Context<'_>) -> Poll<Result<Message, RecvError>> {
        if !self.wake.is_enabled() {
            self.fanout.enable_wakeups(&self.wake);
        }
        let mut registered = false;
        loop {
            if let Some(message) = self.take_pending() {
                return Poll::Ready(Ok(message));
            }
            match self.receiver.try_recv() {
                Ok(message) => return Poll::Ready(self.report(message)),
                Err(TryRecvError::Disconnected) => return Poll::Ready(Err(self.closed_reason())),
                Err(TryRecvError::Empty) if registered => return Poll::Pending,
                Err(TryRecvError::Empty) => {
                    self.wake.register(cx.waker());
                    registered = true;
                }
            }
        }
    }
}

/// Messages as they arrive: exactly what [`Subscriber::recv`] returns, in order. A gap
/// under [`Overflow::Lag`](crate::Overflow::Lag) is an item `Err(RecvError::Lagged(n))`
/// before the message that followed it; an overflow under
/// [`Overflow::Disconnect`](crate::Overflow::Disconnect) is a last item
/// `Err(RecvError::Overflowed)` after every buffered message; engine shutdown ends the
/// stream (`None`) after the buffered messages.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use futures_core::Stream;
/// use std::future::poll_fn;
/// use std::pin::Pin;
///
/// let engine = embedis::Engine::new();
/// let mut subscriber = engine.subscriber();
/// subscriber.subscribe(["ticks"]).unwrap();
/// for n in ["1", "2"] {
///     engine.publish("ticks", n).unwrap();
/// }
/// engine.shutdown();
/// let mut payloads = Vec::new();
/// // Any `StreamExt::next` does this; `poll_fn` keeps the example free of extra crates.
/// while let Some(item) = poll_fn(|cx| Pin::new(&mut subscriber).poll_next(cx)).await {
///     payloads.push(item.unwrap().payload().clone());
/// }
/// assert_eq!(payloads, ["1", "2"]);
/// # }
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "async")))]
impl Stream for Subscriber {
    type Item = Result<Message, RecvError>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.stream_ended {
            return Poll::Ready(None);
        }
        match this.poll_recv(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Ok(message)) => Poll::Ready(Some(Ok(message))),
            Poll::Ready(Err(RecvError::Lagged(n))) => Poll::Ready(Some(Err(RecvError::Lagged(n)))),
            Poll::Ready(Err(RecvError::Overflowed)) => {
                this.stream_ended = true;
                Poll::Ready(Some(Err(RecvError::Overflowed)))
            }
            Poll::Ready(Err(RecvError::Closed)) => {
                this.stream_ended = true;
                Poll::Ready(None)
            }
        }
    }
}
