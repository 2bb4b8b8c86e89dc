package lessonbook.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InvalidClassException;
import java.io.ObjectOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The channel's two kinds of message (objects, raw byte frames) and the bound on what a peer may announce. */
class ObjectChannelTest {
    private static final AllowList STRINGS = AllowList.messages(type -> false);

    @Test
    void byteFramesAndObjectsArriveInOrderAsSent() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            CompletableFuture<ObjectChannel> far = CompletableFuture.supplyAsync(() -> open(accepted));
            ObjectChannel near = ObjectChannel.open(client, STRINGS);
            ObjectChannel other = far.get(10, TimeUnit.SECONDS);
            byte[] frame = {1, 2, 3, -1};
            near.send("first");
            near.send(frame);
            near.send(new byte[0]);
            near.send(List.of("a", "b"));
            assertEquals("first", other.receive());
            assertArrayEquals(frame, (byte[]) other.receive());
            assertArrayEquals(new byte[0], (byte[]) other.receive());
            assertEquals(List.of("a", "b"), other.receive());
        }
    }

    @Test
    void aFrameLongerThanTheAllowListsBoundIsRejectedBeforeItIsAllocated() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            ObjectOutputStream peer = new ObjectOutputStream(client.getOutputStream());
            peer.writeByte(1);   // a byte frame...
            peer.writeInt(Integer.MAX_VALUE);   // ...announcing 2 GB it will never send
            peer.flush();
            ObjectChannel channel = ObjectChannel.open(accepted, STRINGS);
            InvalidClassException e = assertThrows(InvalidClassException.class, channel::receive);
            assertTrue(e.getMessage().contains("a frame of " + Integer.MAX_VALUE + " bytes"), e.getMessage());
        }
    }

    private static ObjectChannel open(Socket socket) {
        try {
            return ObjectChannel.open(socket, STRINGS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
