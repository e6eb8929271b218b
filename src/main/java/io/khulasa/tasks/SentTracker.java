package io.khulasa.tasks;

/** Passes a stream's deltas on and remembers whether any was sent: text sent can no longer be replaced. */
final class SentTracker implements DeltaSink {

    private final DeltaSink sink;
    private boolean sent;

    SentTracker(DeltaSink sink) {
        this.sink = sink;
    }

    boolean sentAny() {
        return sent;
    }

    @Override
    public void chunk(int index, int of) {
        sink.chunk(index, of);
    }

    @Override
    public void delta(String text) {
        sent = true;
        sink.delta(text);
    }
}
