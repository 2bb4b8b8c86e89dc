package lessonbook.kernel.protocol;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.Set;

import lessonbook.process.AllowList;
import lessonbook.process.ObjectChannel;

/**
 * The wire between host and kernel: an {@link ObjectChannel} after the handshake, read through {@link #ALLOW_LIST}
 * (this package's and the model's records, and the few JDK types their components use), so that even an
 * authenticated but confused peer cannot make the other side deserialize arbitrary classes.
 */
public final class MessageStreams {
    public static final AllowList ALLOW_LIST = AllowList.messagesOf(Set.of("lessonbook.kernel.protocol",
            "lessonbook.model"));

    private MessageStreams() {
    }

    /** A stream written as the channel writes (to warm serialization up without a peer). */
    public static ObjectOutputStream writer(OutputStream out) throws IOException {
        return ObjectChannel.writer(out);
    }

    public static void write(ObjectOutputStream out, Object message) throws IOException {
        ObjectChannel.write(out, message);
    }
}
