package lessonbook.workers.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A worker's task, a pool's function or its initializer as bytes. A lambda written in a cell
 * ({@code () -> factorial(arg)}) travels as the name of the method javac made of its body and the values it
 * captured, and the worker calls that method ({@link LambdaCall}). Read back through serialization instead, the
 * lambda makes the worker's JDK spin the lambda's class with its bundled ASM, interpreted in a fresh worker:
 * 2.2-3.8 ms of each of the lesson's ten workers' CPU, against 0.7-1.2 ms this way. Anything else (a method
 * reference, an object of the user's own class, a lambda that captures {@code this}) travels serialized, as it
 * always did.
 * <p>
 * A worker calls only what deserializing the lambda could have run: a {@code static} synthetic {@code lambda$}
 * method of a class the user-value allow-list accepts, its parameters those the sender named; the captured values
 * are read through that allow-list ({@link ChunkCodec}, {@link Payloads}).
 */
public final class TaskCodec {
    private static final byte SERIALIZED = 0;
    private static final byte LAMBDA = 1;

    private TaskCodec() {
    }

    public static byte[] encode(Object fn) throws NotSerializableException {
        SerializedLambda lambda = plainLambda(fn);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (lambda == null) {
                out.writeByte(SERIALIZED);
                out.write(Payloads.toBytes(fn));
            } else {
                Object[] captured = new Object[lambda.getCapturedArgCount()];
                for (int i = 0; i < captured.length; i++) {
                    captured[i] = lambda.getCapturedArg(i);
                }
                out.writeByte(LAMBDA);
                out.writeUTF(lambda.getImplClass());
                out.writeUTF(lambda.getImplMethodName());
                out.writeUTF(lambda.getImplMethodSignature());
                out.write(ChunkCodec.encode(captured));   // plain numbers, the lesson's case, skip serialization
            }
        } catch (NotSerializableException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Runnable runnable(byte[] bytes, ClassLoader loader) throws IOException, ClassNotFoundException {
        return bytes.length > 0 && bytes[0] == LAMBDA ? LambdaCall.read(bytes, loader, 0)
                : (Runnable) serialized(bytes, loader);
    }

    @SuppressWarnings("unchecked")
    static Function<Object, Object> function(byte[] bytes, ClassLoader loader)
            throws IOException, ClassNotFoundException {
        return bytes.length > 0 && bytes[0] == LAMBDA ? LambdaCall.read(bytes, loader, 1)
                : (Function<Object, Object>) serialized(bytes, loader);
    }

    private static Object serialized(byte[] bytes, ClassLoader loader) throws IOException, ClassNotFoundException {
        if (bytes.length == 0 || bytes[0] != SERIALIZED) {
            throw new InvalidObjectException("not a task's bytes");
        }
        return Payloads.fromBytes(Arrays.copyOfRange(bytes, 1, bytes.length), loader);
    }

    /** The lambda's serialized form when its body is a static method of the class that wrote it; else null. */
    private static SerializedLambda plainLambda(Object fn) {
        Class<?> type = fn.getClass();
        if (!type.isHidden() || !type.isSynthetic()) {
            return null;   // not a lambda: a user's class or a method reference's own object travels serialized
        }
        try {
            Method writeReplace = type.getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            if (writeReplace.invoke(fn) instanceof SerializedLambda lambda
                    && lambda.getImplMethodKind() == MethodHandleInfo.REF_invokeStatic
                    && lambda.getImplClass().equals(lambda.getCapturingClass())
                    && lambda.getImplMethodName().startsWith("lambda$")) {
                return lambda;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not a serializable lambda, or not one we may look into: serialization says what is wrong with it
        }
        return null;
    }

    /**
     * A lambda's body called with its captured values (and, as a function, its argument). A named class, not a
     * lambda: a lambda here would have its own class spun on first use, the cost this saves. Threading: called by
     * one thread, the worker's task or chunk thread.
     */
    static final class LambdaCall implements Runnable, Function<Object, Object> {
        /**
         * Calls after which a function gets its lambda's own class: through reflection, interpreted, each call
         * costs ~0.75 µs more than the lambda's (the bench's pool dispatch per item went from 0.00054 ms to
         * 0.0013-0.0017), and spinning the class costs what reading the lambda back did (~2 ms), so only a
         * function called many times (a big map's) is worth it.
         */
        private static final int CALLS_BEFORE_ITS_OWN_CLASS = 64;

        private final Method body;
        private final Object[] captured;
        /** The argument's type, for a function: the parameter after the captured values. */
        private final Class<?> parameter;
        private Function<Object, Object> ownClass;
        private int calls;

        private LambdaCall(Method body, Object[] captured) {
            this.body = body;
            this.captured = captured;
            Class<?>[] parameters = body.getParameterTypes();
            this.parameter = parameters.length > captured.length ? parameters[captured.length] : null;
        }

        static LambdaCall read(byte[] bytes, ClassLoader loader, int arguments)
                throws IOException, ClassNotFoundException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1));
            String className = in.readUTF().replace('/', '.');
            String name = in.readUTF();
            String signature = in.readUTF();
            Object[] captured = ChunkCodec.decode(in.readAllBytes(), loader);
            Class<?> type = Class.forName(className, false, loader);
            if (!Payloads.allows(type, loader)) {   // as deserializing the lambda would require of its class
                throw new InvalidObjectException("a task's lambda cannot come from " + className);
            }
            MethodType expected = MethodType.fromMethodDescriptorString(signature, loader);
            for (Method m : name.startsWith("lambda$") ? type.getDeclaredMethods() : new Method[0]) {
                if (m.getName().equals(name) && m.isSynthetic() && Modifier.isStatic(m.getModifiers())
                        && m.getParameterCount() == captured.length + arguments
                        && Arrays.equals(m.getParameterTypes(), expected.parameterArray())
                        && m.getReturnType() == expected.returnType()) {
                    m.setAccessible(true);
                    return new LambdaCall(m, captured);
                }
            }
            throw new InvalidObjectException("no lambda " + name + signature + " taking " + captured.length + " values"
                    + " and " + arguments + " argument(s) in " + className);
        }

        @Override
        public void run() {
            call(captured);
        }

        @Override
        public Object apply(Object argument) {
            if (ownClass != null) {
                return ownClass.apply(argument);
            }
            if (++calls == CALLS_BEFORE_ITS_OWN_CLASS) {
                ownClass = withItsOwnClass();
                if (ownClass != null) {
                    return ownClass.apply(argument);
                }
            }
            if (argument != null && !parameter.isInstance(argument)) {
                // as the lambda's own class would have thrown it, casting its argument to the parameter's type
                throw new ClassCastException("class " + argument.getClass().getName() + " cannot be cast to class "
                        + parameter.getName());
            }
            Object[] arguments = Arrays.copyOf(captured, captured.length + 1);
            arguments[captured.length] = argument;
            return call(arguments);
        }

        /** The function as deserializing it would have made it; null (calls go on by reflection) if it cannot be. */
        @SuppressWarnings("unchecked")
        private Function<Object, Object> withItsOwnClass() {
            try {
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(body.getDeclaringClass(),
                        MethodHandles.lookup());
                Class<?>[] parameters = body.getParameterTypes();
                MethodType factory = MethodType.methodType(Function.class, Arrays.copyOf(parameters, captured.length));
                Class<?> result = body.getReturnType().isPrimitive() ? Object.class : body.getReturnType();
                CallSite site = LambdaMetafactory.metafactory(lookup, "apply", factory,
                        MethodType.methodType(Object.class, Object.class), lookup.unreflect(body),
                        MethodType.methodType(result, parameter));
                return (Function<Object, Object>) site.getTarget().invokeWithArguments(captured);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                return null;
            }
        }

        private Object call(Object[] arguments) {
            try {
                return body.invoke(null, arguments);
            } catch (InvocationTargetException e) {
                throw rethrow(e.getCause(), body);
            } catch (IllegalAccessException | IllegalArgumentException e) {
                throw new IllegalStateException("cannot call " + body + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Throws what the lambda's body threw, its trace as the lambda would have left it: without the reflection
     * frames and this class's own between the body and its caller, where the lambda's class (hidden from traces)
     * called the body directly. The same in each cause and suppressed exception.
     */
    private static RuntimeException rethrow(Throwable thrown, Method body) {
        // a worklist, not recursion: a chain of causes may be as long as the thrower made it
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>(List.of(thrown));
        while (!next.isEmpty()) {
            Throwable t = next.pop();
            if (seen.add(t)) {
                withoutTheCall(t, body);
                if (t.getCause() != null) {
                    next.push(t.getCause());
                }
                next.addAll(Arrays.asList(t.getSuppressed()));
            }
        }
        throw TaskCodec.<RuntimeException>unchecked(thrown);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T unchecked(Throwable t) throws T {
        throw (T) t;
    }

    private static void withoutTheCall(Throwable t, Method body) {
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getMethodName().equals(body.getName())
                    && frames[i].getClassName().equals(body.getDeclaringClass().getName())) {
                int end = i + 1;
                while (end < frames.length && isBetweenTheBodyAndItsCaller(frames[end])) {
                    end++;
                }
                if (end > i + 1) {
                    StackTraceElement[] kept = new StackTraceElement[frames.length - (end - i - 1)];
                    System.arraycopy(frames, 0, kept, 0, i + 1);
                    System.arraycopy(frames, end, kept, i + 1, frames.length - end);
                    t.setStackTrace(kept);
                }
                break;
            }
        }
    }

    private static boolean isBetweenTheBodyAndItsCaller(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.startsWith("jdk.internal.reflect.") || type.equals("java.lang.reflect.Method")
                || type.equals(LambdaCall.class.getName());
    }
}
