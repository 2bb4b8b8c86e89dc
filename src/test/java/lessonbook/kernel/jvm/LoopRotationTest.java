package lessonbook.kernel.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The rewrite of a cell's loops: loops of every shape javac writes give the same results and exceptions (with the
 * same line numbers) before and after, the rewritten class passes the JVM's verifier, and a rotated loop jumps back
 * with a conditional jump (the shape HotSpot compiles well while the loop runs).
 */
class LoopRotationTest {
    /** Loops as students write them; each method is called before and after the rewrite and must agree. */
    @SuppressWarnings("unused")
    public static final class Loops {
        public static long factorial(long n) {
            if (n == 0) {
                return 1;
            }
            long res = 1;
            for (long i = 1; i <= n; i++) {
                res += i;
            }
            return res;
        }

        public static int whileWithContinue(int n) {
            int i = 0;
            int odd = 0;
            while (i < n) {
                i++;
                if (i % 2 == 0) {
                    continue;
                }
                odd += i;
            }
            return odd;
        }

        public static long nested(int n) {
            long sum = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j += 2) {
                    sum += (long) i * j;
                }
            }
            return sum;
        }

        public static int andOrTests(int n) {
            int count = 0;
            for (int i = 0; i < n && count < 50; i++) {
                count++;
            }
            for (int i = 0; i < n || i < 3; i++) {
                count += 2;
            }
            return count;
        }

        public static int doWhile(int n) {
            int i = 0;
            do {
                i += 3;
            } while (i < n);
            return i;
        }

        public static int overAList(int n) {
            List<Integer> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                list.add(i);
            }
            int sum = 0;
            for (int value : list) {
                sum += value;
            }
            for (Iterator<Integer> it = list.iterator(); it.hasNext(); ) {
                sum -= it.next() / 2;
            }
            for (int k = 0; k < list.size(); k++) {
                sum += list.get(k);
            }
            return sum;
        }

        public static double halving(int n) {
            double x = n;
            int steps = 0;
            while (x > 0.5) {
                x /= 2;
                steps++;
            }
            double nan = Double.NaN;
            while (nan < 1) {
                steps += 1000;   // never: NaN is not less than anything
            }
            return x + steps;
        }

        public static int breakOut(int n) {
            int i = 0;
            for (; i < n; i++) {
                if (i * i > n) {
                    break;
                }
            }
            return i;
        }

        public static int inTry(int n) {
            int caught = 0;
            int[] values = new int[Math.max(n, 1)];
            try {
                for (int i = 0; i <= values.length; i++) {
                    values[i] = i;   // the last turn throws
                }
            } catch (ArrayIndexOutOfBoundsException e) {
                caught = values.length;
            }
            int total = 0;
            for (int i = 0; i < values.length; i++) {
                try {
                    total += 10 / (values[i] - 1);
                } catch (ArithmeticException e) {
                    total += 1000;
                }
            }
            return caught + total;
        }

        public static String withObjects(int n) {
            StringBuilder text = new StringBuilder();
            Object current = n > 0 ? "x" : null;
            while (current != null) {
                text.append(current);
                current = text.length() < n ? current : null;
            }
            return text.toString();
        }

        public static int labeledContinue(int n) {
            int i = 0;
            int found = 0;
            outer:
            while (i < n) {
                i++;
                for (int j = 0; j < i; j++) {
                    if ((i + j) % 5 == 0) {
                        continue outer;
                    }
                }
                found += i;
            }
            return found;
        }

        /** As %%timeit writes its loop: the body already has a frame of its own (the do's start). */
        public static int doWhileFalseInAFor(int n) {
            int count = 0;
            for (long i = 0; i < n; i++) {
                do {
                    if (i % 3 == 0) {
                        continue;
                    }
                    count++;
                } while (false);
            }
            return count;
        }

        public static int switchInTheBody(int n) {
            int total = 0;
            for (int i = 0; i < n; i++) {
                switch (i % 3) {
                    case 0 -> total += 1;
                    case 1 -> total *= 2;
                    default -> total -= 1;
                }
            }
            return total;
        }

        public static long inALambdaAndARecord(int n) {
            java.util.function.IntToLongFunction sum = m -> {
                long s = 0;
                for (int i = 0; i < m; i++) {
                    s += i;
                }
                return s;
            };
            return sum.applyAsLong(n) + new Range(0, n).sum();
        }

        public record Range(int from, int to) {
            public long sum() {
                long s = 0;
                for (int i = from; i < to; i++) {
                    s += i * 3L;
                }
                return s;
            }
        }

        /** The test throws: {@code data.length} on null, once the body has set it so. */
        public static int throwsInTheTest(int n) {
            int[] data = new int[n];
            int i = 0;
            for (; i < data.length; i++) {
                if (i == n / 2) {
                    data = null;
                }
            }
            return i;
        }
    }

    @Test
    void everyLoopGivesTheSameResultsAfterTheRewrite() throws Exception {
        byte[] original = classFile(Loops.class);
        byte[] rotated = LoopRotation.rotate(original);
        assertThat(rotated).isNotSameAs(original);
        Class<?> rewritten = new OneClassLoader(Loops.class.getName(), rotated).loadClass(Loops.class.getName());
        assertThat(rewritten).isNotSameAs(Loops.class);
        String range = Loops.Range.class.getName();
        byte[] rangeRotated = LoopRotation.rotate(classFile(Loops.Range.class));
        assertThat(new OneClassLoader(range, rangeRotated).loadClass(range).getDeclaredMethod("sum")).isNotNull();

        for (Method method : Loops.class.getDeclaredMethods()) {
            if (method.isSynthetic() || method.getName().equals("throwsInTheTest")) {
                continue;
            }
            Method copy = rewritten.getMethod(method.getName(), method.getParameterTypes());
            for (int n : new int[] {0, 1, 2, 7, 100}) {
                Object expected = method.getParameterTypes()[0] == long.class ? method.invoke(null, (long) n)
                        : method.invoke(null, n);
                Object actual = method.getParameterTypes()[0] == long.class ? copy.invoke(null, (long) n)
                        : copy.invoke(null, n);
                assertThat(actual).as(method.getName() + "(" + n + ")").isEqualTo(expected);
            }
        }
        assertThat(rewritten.getMethod("factorial", long.class).invoke(null, 1_000_000L)).isEqualTo(500_000_500_001L);
    }

    @Test
    void anExceptionInTheCopiedTestHasTheTestsLineNumber() throws Exception {
        Class<?> rewritten = new OneClassLoader(Loops.class.getName(), LoopRotation.rotate(classFile(Loops.class)))
                .loadClass(Loops.class.getName());
        StackTraceElement original = thrownAt(Loops.class);
        StackTraceElement copy = thrownAt(rewritten);
        assertThat(copy.getMethodName()).isEqualTo("throwsInTheTest");
        assertThat(copy.getLineNumber()).isEqualTo(original.getLineNumber()).isPositive();
    }

    @Test
    void aRotatedLoopJumpsBackConditionallyToItsBodyAndDoWhileIsLeftAsItWas() throws Exception {
        ClassNode before = node(classFile(Loops.class));
        ClassNode after = node(LoopRotation.rotate(classFile(Loops.class)));
        assertThat(backwardGotos(method(before, "factorial"))).isEqualTo(1);
        assertThat(backwardGotos(method(after, "factorial"))).isZero();
        assertThat(backwardGotos(method(after, "nested"))).isZero();
        assertThat(backwardGotos(method(after, "overAList"))).isZero();
        // javac already tests a do-while at its bottom: nothing to do, and the method's code is unchanged
        assertThat(method(after, "doWhile").instructions.size()).isEqualTo(method(before, "doWhile").instructions.size());
    }

    /** The lesson's loop as javac writes it, without the print: what the bench's hand-rotated copy must match. */
    @SuppressWarnings("unused")
    private static final class LessonLoop {
        static long factorial(long n) {
            long res = 1;
            for (long i = 1; i <= n; i++) {
                res += i;
            }
            return res;
        }
    }

    @Test
    void theBenchsLoopIsTheLessonsLoopAsRotated() throws IOException {
        // the workers suite and the ceiling's plain JVMs run WorkerBench.factorial for the loop a cell's workers run
        List<Integer> rotated = opcodes(method(node(LoopRotation.rotate(classFile(LessonLoop.class))), "factorial"));
        List<Integer> bench = opcodes(method(node(classFile(lessonbook.bench.WorkerBench.class)), "factorial"));
        assertThat(rotated).isEqualTo(bench);
    }

    /** The method's instructions' opcodes, without a goto to the very next instruction (the rotation's way out). */
    private static List<Integer> opcodes(MethodNode method) {
        List<Integer> opcodes = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn.getOpcode() < 0) {
                continue;
            }
            if (insn.getOpcode() == Opcodes.GOTO && nextInstruction(insn) == nextInstruction(((JumpInsnNode) insn).label)) {
                continue;
            }
            opcodes.add(insn.getOpcode());
        }
        return opcodes;
    }

    private static AbstractInsnNode nextInstruction(AbstractInsnNode from) {
        AbstractInsnNode next = from.getNext();
        while (next != null && next.getOpcode() < 0) {
            next = next.getNext();
        }
        return next;
    }

    @Test
    void aClassWithoutLoopsOrThatCannotBeReadComesBackAsItWas() throws IOException {
        byte[] noLoops = classFile(OneClassLoader.class);
        assertThat(LoopRotation.rotate(noLoops)).isSameAs(noLoops);
        byte[] garbage = {(byte) 0xCA, (byte) 0xFE, 1, 2, 3};
        assertThat(LoopRotation.rotate(garbage)).isSameAs(garbage);
        byte[] empty = new byte[0];
        assertThat(LoopRotation.rotate(empty)).isSameAs(empty);
    }

    @Test
    void eachConditionalJumpIsNegatedIntoItsOpposite() {
        int[][] pairs = {{Opcodes.IFEQ, Opcodes.IFNE}, {Opcodes.IFLT, Opcodes.IFGE}, {Opcodes.IFGT, Opcodes.IFLE},
            {Opcodes.IF_ICMPEQ, Opcodes.IF_ICMPNE}, {Opcodes.IF_ICMPLT, Opcodes.IF_ICMPGE},
            {Opcodes.IF_ICMPGT, Opcodes.IF_ICMPLE}, {Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE},
            {Opcodes.IFNULL, Opcodes.IFNONNULL}};
        for (int[] pair : pairs) {
            assertThat(LoopRotation.negated(pair[0])).isEqualTo(pair[1]);
            assertThat(LoopRotation.negated(pair[1])).isEqualTo(pair[0]);
        }
    }

    private static StackTraceElement thrownAt(Class<?> loops) throws Exception {
        Method method = loops.getMethod("throwsInTheTest", int.class);
        assertThatThrownBy(() -> method.invoke(null, 10)).isInstanceOf(InvocationTargetException.class)
                .cause().isInstanceOf(NullPointerException.class);
        try {
            method.invoke(null, 10);
            throw new AssertionError("no exception");
        } catch (InvocationTargetException e) {
            return e.getCause().getStackTrace()[0];
        }
    }

    private static int backwardGotos(MethodNode method) {
        int count = 0;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn.getOpcode() == Opcodes.GOTO
                    && method.instructions.indexOf(((JumpInsnNode) insn).label) < method.instructions.indexOf(insn)) {
                count++;
            }
        }
        return count;
    }

    private static MethodNode method(ClassNode node, String name) {
        return node.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    private static ClassNode node(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        return node;
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        String resource = type.getName().substring(type.getPackageName().length() + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    /** Defines one class from the given bytes (verified, as any class outside the JDK is), the rest from the parent. */
    private static final class OneClassLoader extends ClassLoader {
        private final String name;
        private final byte[] classFile;

        OneClassLoader(String name, byte[] classFile) {
            super(LoopRotationTest.class.getClassLoader());
            this.name = name;
            this.classFile = classFile;
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (!className.equals(name)) {
                return super.loadClass(className, resolve);
            }
            synchronized (getClassLoadingLock(className)) {
                Class<?> loaded = findLoadedClass(className);
                return loaded != null ? loaded : defineClass(className, classFile, 0, classFile.length);
            }
        }
    }
}
