package lessonbook.workers.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import lessonbook.workers.SerializableFunction;
import lessonbook.workers.SerializableRunnable;

/**
 * A task or a pool's function travels as its lambda's body and captured values when it can, serialized otherwise,
 * and either way comes back doing what the lambda did, throwing what it threw with the trace it would have had.
 */
class TaskCodecTest {
    private static final ClassLoader LOADER = TaskCodecTest.class.getClassLoader();
    private static final List<String> RAN = new ArrayList<>();

    static void record(String what, long n) {
        RAN.add(what + n);
    }

    static int fail(int x) {
        throw new IllegalStateException("no " + x, new ArithmeticException("inner"));
    }

    @Test
    void aCellsLambdaTravelsAsItsBodyAndCapturedValues() throws Exception {
        long arg = 1_000_000_007L;
        String label = "factorial ";
        SerializableRunnable task = () -> record(label, arg);
        byte[] bytes = TaskCodec.encode(task);
        assertThat(bytes[0]).as("the lambda form").isEqualTo((byte) 1);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("lambda$");

        RAN.clear();
        TaskCodec.runnable(bytes, LOADER).run();
        assertThat(RAN).containsExactly("factorial 1000000007");

        int offset = 5;
        SerializableFunction<Integer, Integer> f = x -> x + offset;
        assertThat(TaskCodec.encode(f)[0]).isEqualTo((byte) 1);
        assertThat(TaskCodec.function(TaskCodec.encode(f), LOADER).apply(1)).isEqualTo(6);
    }

    @Test
    void aMethodReferenceOrAnObjectTravelsSerialized() throws Exception {
        SerializableFunction<Object, String> ref = String::valueOf;
        byte[] bytes = TaskCodec.encode(ref);
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(TaskCodec.function(bytes, LOADER).apply(42)).isEqualTo("42");

        Counted counted = new Counted();
        assertThat(TaskCodec.encode(counted)[0]).isEqualTo((byte) 0);
        TaskCodec.runnable(TaskCodec.encode(counted), LOADER).run();
    }

    static final class Counted implements SerializableRunnable {
        @Override
        public void run() {
        }
    }

    @Test
    void whatTheBodyThrowsComesOutWithTheLambdasTraceNotReflections() throws Exception {
        SerializableFunction<Integer, Integer> f = x -> fail(x);
        Function1 back = TaskCodec.function(TaskCodec.encode(f), LOADER)::apply;
        Throwable thrown = catchIt(() -> back.apply(3));
        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage("no 3");
        List<String> frames = frames(thrown);
        assertThat(frames.get(0)).isEqualTo("fail");
        assertThat(frames.get(1)).startsWith("lambda$");
        assertThat(thrown.getStackTrace()[2].getClassName()).as("right below the body: its caller, as with the lambda")
                .isEqualTo(TaskCodecTest.class.getName());
        assertThat(thrown.getCause().getStackTrace()[2].getClassName()).as("the cause's trace too")
                .isEqualTo(TaskCodecTest.class.getName());
    }

    /** An exception with no trace of its own, so that a long chain of them is cheap to make. */
    static final class Link extends RuntimeException {
        Link(Throwable cause) {
            super("link", cause, false, false);
        }
    }

    static int failWithALongChain(int links) {
        Throwable chain = new ArithmeticException("root");
        for (int i = 0; i < links; i++) {
            chain = new Link(chain);
        }
        throw new IllegalStateException("top", chain);
    }

    @Test
    void aLongChainOfCausesComesOutWhole() throws Exception {
        SerializableFunction<Integer, Integer> f = x -> failWithALongChain(x);
        var back = TaskCodec.function(TaskCodec.encode(f), LOADER);
        Throwable thrown = catchIt(() -> back.apply(100_000));
        assertThat(thrown).hasMessage("top");
        int links = 0;
        Throwable t = thrown.getCause();
        while (t instanceof Link) {
            links++;
            t = t.getCause();
        }
        assertThat(links).isEqualTo(100_000);
        assertThat(t).hasMessage("root");
    }

    @Test
    void anArgumentOfTheWrongTypeIsACastFailureAsTheLambdaWouldThrow() throws Exception {
        SerializableFunction<String, Integer> length = s -> s.length();
        var back = TaskCodec.function(TaskCodec.encode(length), LOADER);
        assertThat(back.apply("abc")).isEqualTo(3);
        assertThatThrownBy(() -> back.apply(5)).isInstanceOf(ClassCastException.class)
                .hasMessage("class java.lang.Integer cannot be cast to class java.lang.String");
    }

    @Test
    void aFunctionCalledManyTimesGoesOnGivingTheSameResultsAndFailures() throws Exception {
        long offset = 7;
        SerializableFunction<Long, Long> f = x -> x + offset;
        var back = TaskCodec.function(TaskCodec.encode(f), LOADER);
        for (long i = 0; i < 1000; i++) {
            assertThat(back.apply(i)).isEqualTo(i + 7);
        }
        assertThatThrownBy(() -> back.apply("seven")).isInstanceOf(ClassCastException.class);

        SerializableFunction<Integer, Integer> failing = x -> x < 500 ? x : fail(x);
        var failingBack = TaskCodec.function(TaskCodec.encode(failing), LOADER);
        for (int i = 0; i < 500; i++) {
            assertThat(failingBack.apply(i)).isEqualTo(i);
        }
        Throwable thrown = catchIt(() -> failingBack.apply(500));
        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage("no 500");
        assertThat(frames(thrown).subList(0, 2)).element(0).isEqualTo("fail");
        assertThat(frames(thrown).get(1)).startsWith("lambda$");
        assertThat(thrown.getStackTrace()[2].getClassName()).as("called by its own (hidden) class, not by reflection")
                .isEqualTo(TaskCodec.LambdaCall.class.getName());
    }

    @Test
    void aCapturedValueThatCannotTravelIsRefusedWhenSent() {
        Object lock = new Object();
        SerializableRunnable task = () -> System.out.println(lock);
        assertThatThrownBy(() -> TaskCodec.encode(task)).isInstanceOf(NotSerializableException.class)
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void forgedBytesCallNothingButALambdasBodyOfAnAllowedClass() throws Exception {
        // a real method, but not a lambda's body: refused
        assertThatThrownBy(() -> TaskCodec.runnable(forged(TaskCodecTest.class, "record",
                "(Ljava/lang/String;J)V", new Object[] {"x", 1L}), LOADER)).isInstanceOf(InvalidObjectException.class)
                .hasMessageContaining("no lambda record");
        // a JDK class: refused before any of its methods is looked at
        assertThatThrownBy(() -> TaskCodec.runnable(forged(Runtime.class, "lambda$exit$0", "()V", new Object[0]),
                LOADER)).isInstanceOf(InvalidObjectException.class).hasMessageContaining("java.lang.Runtime");
        // captured values still go through the allow-list
        assertThatThrownBy(() -> TaskCodec.runnable(forged(TaskCodecTest.class, "lambda$x$0", "()V",
                new Object[] {new java.io.File("/etc/passwd")}), LOADER)).isInstanceOf(InvalidClassException.class)
                .hasMessageContaining("java.io.File is not allowed");
        // a lambda's body with the wrong number of values: refused, not called
        SerializableRunnable task = () -> record("n", 2);
        byte[] real = TaskCodec.encode(task);
        assertThatThrownBy(() -> TaskCodec.function(real, LOADER)).isInstanceOf(InvalidObjectException.class);
    }

    private static byte[] forged(Class<?> type, String method, String signature, Object[] captured) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeUTF(type.getName().replace('.', '/'));
            out.writeUTF(method);
            out.writeUTF(signature);
            out.writeByte(0);   // ChunkCodec: serialized objects
            out.write(serialized(captured));
        }
        return bytes.toByteArray();
    }

    private static byte[] serialized(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private interface Function1 {
        Object apply(Object x);
    }

    private static Throwable catchIt(Runnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("nothing thrown");
    }

    private static List<String> frames(Throwable t) {
        return Arrays.stream(t.getStackTrace()).map(StackTraceElement::getMethodName).toList();
    }
}
