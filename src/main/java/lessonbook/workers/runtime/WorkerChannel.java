package lessonbook.workers.runtime;

import java.io.IOException;

import lessonbook.process.ObjectChannel;

/**
 * A worker's control channel as both of its ends use it, the worker JVM and the JVM that started it: what
 * {@link MessageFrames} can pack travels as a frame, everything else as the record, through the channel's
 * allow-list. Threads: as {@link ObjectChannel}'s (any number of senders, one reader at a time).
 */
final class WorkerChannel {
    private final ObjectChannel channel;

    WorkerChannel(ObjectChannel channel) {
        this.channel = channel;
    }

    void send(Object message) throws IOException {
        channel.send(MessageFrames.pack(message, channel.maxFrameBytes()));
    }

    /** Sends without flushing: see {@link ObjectChannel#sendBuffered}; {@link #flush()} must follow. */
    void sendBuffered(Object message) throws IOException {
        channel.sendBuffered(MessageFrames.pack(message, channel.maxFrameBytes()));
    }

    void flush() throws IOException {
        channel.flush();
    }

    Object receive() throws IOException, ClassNotFoundException {
        return MessageFrames.unpack(channel.receive());
    }

    void close() {
        channel.close();
    }
}
