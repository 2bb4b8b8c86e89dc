package lessonbook.kernel.jvm;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Gives the loops of a cell's classes their test at the bottom as well as at the top, so that HotSpot compiles a
 * loop that is already running as well as one it enters afresh.
 * <p>
 * Why: javac tests a {@code for} or {@code while} loop at its top and jumps back there from its end. A hot loop
 * that a method runs once (a worker's {@code factorial(1_000_000_000L)}) is compiled "on stack replacement" and
 * entered at that jump's target, the test; C2 then leaves the loop as it is: no counted loop, no unrolling, a
 * safepoint poll and five instructions per turn. That code runs as fast as the unrolled loop only while the core
 * has nothing else to do: on this machine's two cores, two such loops at once took 0.29-0.51 s each for the
 * lesson's input, two unrolled ones 0.29-0.31 s. Ten workers run ten such loops, and the lesson's speedups were
 * lost there. With the test also at the bottom the jump back lands on the loop's body, and C2 compiles the
 * loop as it would in a method called afresh.
 * <p>
 * The rewrite, for a backward {@code goto T} where {@code T} starts with a short test ending in a conditional jump
 * out of the loop: the {@code goto T} becomes a copy of the test, the opposite jump back to {@code B} (the
 * instruction after the test), and a {@code goto} out, as javac writes a do-while. The code runs exactly as before
 * (the copy runs where the jump back would have run the original, with the same locals, stack and exception
 * handlers); stack traces keep their line numbers. The frame the verifier needs at {@code B} is the one at
 * {@code T}: the test changes no local, and the state at the jump back already had to match {@code T}'s. A loop
 * whose test has anything unusual (a label inside it, a try block boundary between it and the jump back, a
 * non-empty stack) is left alone, and so is a class the rewrite cannot read or write: this is an optimisation,
 * never a reason for a cell to fail.
 */
final class LoopRotation {
    /** A test longer than this is not copied: the loops this is for test a local against a local or a constant. */
    static final int MAX_TEST_INSTRUCTIONS = 24;

    private LoopRotation() {
    }

    /** {@code -Dlessonbook.kernel.rotateLoops=false} (a kernel JVM option): cells' classes run as javac made them. */
    private static final boolean ENABLED = !"false".equals(System.getProperty("lessonbook.kernel.rotateLoops"));

    /** The class file with its loops rotated; {@code classFile} itself when none was or it could not be read. */
    static byte[] rotate(byte[] classFile) {
        if (!ENABLED) {
            return classFile;
        }
        try {
            ClassNode node = new ClassNode();
            new ClassReader(classFile).accept(node, ClassReader.EXPAND_FRAMES);
            int rotated = 0;
            for (MethodNode method : node.methods) {
                rotated += rotateLoops(method);
            }
            if (rotated == 0) {
                return classFile;
            }
            // frames as given (the rewrite adds the one it needs): computing them would load the cell's classes
            ClassWriter writer = new ClassWriter(0);
            node.accept(writer);
            return writer.toByteArray();
        } catch (RuntimeException | LinkageError e) {
            return classFile;   // a class file newer than this ASM reads, or anything unexpected: run it as javac made it
        }
    }

    /**
     * Rotates the loops of a class of the kernel's own once, so that the first cell does not wait for ASM's classes
     * to load (~80 of them).
     */
    static void warmUp() {
        try (InputStream in = LoopRotation.class.getResourceAsStream("LoopRotation.class")) {
            if (in != null) {
                rotate(in.readAllBytes());
            }
        } catch (IOException e) {
            // an optimisation: the first cell loads them instead
        }
    }

    /** Rotates each loop of {@code method} that qualifies; how many. */
    static int rotateLoops(MethodNode method) {
        InsnList code = method.instructions;
        if (code == null || code.size() == 0) {
            return 0;
        }
        List<JumpInsnNode> backJumps = new ArrayList<>();
        for (AbstractInsnNode insn : code) {
            if (insn.getOpcode() == Opcodes.GOTO && isBefore(code, ((JumpInsnNode) insn).label, insn)) {
                backJumps.add((JumpInsnNode) insn);
            }
        }
        int rotated = 0;
        // a while loop's continue jumps back to the test too: every jump back to one test lands on the one body
        Map<LabelNode, LabelNode> bodies = new HashMap<>();
        for (JumpInsnNode back : backJumps) {
            if (rotate(method, back, bodies)) {
                rotated++;
            }
        }
        return rotated;
    }

    private static boolean rotate(MethodNode method, JumpInsnNode back, Map<LabelNode, LabelNode> bodies) {
        InsnList code = method.instructions;
        LabelNode top = back.label;
        FrameNode frame = null;
        int line = -1;
        List<AbstractInsnNode> test = new ArrayList<>();
        JumpInsnNode exit = null;
        for (AbstractInsnNode insn = top.getNext(); insn != null && exit == null; insn = insn.getNext()) {
            switch (insn.getType()) {
                case AbstractInsnNode.FRAME -> {
                    if (!test.isEmpty()) {
                        return false;
                    }
                    frame = (FrameNode) insn;
                }
                case AbstractInsnNode.LINE -> line = ((LineNumberNode) insn).line;
                case AbstractInsnNode.LABEL -> {
                    if (!test.isEmpty()) {
                        return false;   // something else may jump into the middle of the test
                    }
                }
                case AbstractInsnNode.JUMP_INSN -> {
                    if (!isConditional(insn.getOpcode())) {
                        return false;
                    }
                    exit = (JumpInsnNode) insn;
                }
                default -> {
                    if (!copyable(insn) || test.size() == MAX_TEST_INSTRUCTIONS) {
                        return false;
                    }
                    test.add(insn);
                }
            }
        }
        if (exit == null || frame == null || frame.type != Opcodes.F_NEW || !frame.stack.isEmpty()
                || !isBefore(code, back, exit.label)
                || !sameHandlers(method, test.isEmpty() ? exit : test.get(0), back)) {
            return false;
        }
        // B: the loop's body, right after the test; the jump back now lands there, in the state the test left
        LabelNode body = bodies.get(top);
        if (body == null) {
            body = new LabelNode();
            code.insert(exit, body);
            if (!hasFrame(body)) {
                // one frame an offset: javac gives the body one of its own where it is a jump target already
                code.insert(body, new FrameNode(Opcodes.F_NEW, frame.local.size(), frame.local.toArray(), 0,
                        new Object[0]));
            }
            bodies.put(top, body);
        }

        InsnList copy = new InsnList();
        if (line >= 0) {
            LabelNode at = new LabelNode();
            copy.add(at);
            copy.add(new LineNumberNode(line, at));
        }
        for (AbstractInsnNode insn : test) {
            copy.add(insn.clone(Map.of()));   // no label to map: a test that refers to one is not copied
        }
        // the jump back as javac writes a do-while's, conditional (C2 makes a counted loop of that shape only)
        copy.add(new JumpInsnNode(negated(exit.getOpcode()), body));
        copy.add(new JumpInsnNode(Opcodes.GOTO, exit.label));
        code.insertBefore(back, copy);
        code.remove(back);
        return true;
    }

    /** Whether a frame stands at {@code label}'s offset (among the labels, lines and frames that follow it). */
    private static boolean hasFrame(LabelNode label) {
        for (AbstractInsnNode node = label.getNext(); node != null && node.getOpcode() < 0; node = node.getNext()) {
            if (node.getType() == AbstractInsnNode.FRAME) {
                return true;
            }
        }
        return false;
    }

    /** Whether every exception handler covers the loop's test and its jump back alike (the copy sits at the jump). */
    private static boolean sameHandlers(MethodNode method, AbstractInsnNode testStart, JumpInsnNode back) {
        InsnList code = method.instructions;
        for (TryCatchBlockNode handler : method.tryCatchBlocks) {
            boolean coversTop = covers(code, handler, testStart);
            boolean coversBack = covers(code, handler, back);
            if (coversTop != coversBack) {
                return false;
            }
        }
        return true;
    }

    private static boolean covers(InsnList code, TryCatchBlockNode handler, AbstractInsnNode insn) {
        int at = code.indexOf(insn);
        return code.indexOf(handler.start) <= at && at < code.indexOf(handler.end);
    }

    private static boolean isBefore(InsnList code, AbstractInsnNode a, AbstractInsnNode b) {
        return code.indexOf(a) < code.indexOf(b);
    }

    /** The jump taken when {@code opcode}'s is not (each conditional jump's opposite, which the JVM spec pairs). */
    static int negated(int opcode) {
        return switch (opcode) {
            case Opcodes.IFNULL -> Opcodes.IFNONNULL;
            case Opcodes.IFNONNULL -> Opcodes.IFNULL;
            // IFEQ/IFNE, IFLT/IFGE, IFGT/IFLE, and the same for IF_ICMPxx and IF_ACMPxx: pairs of (odd, even) opcodes
            default -> ((opcode - Opcodes.IFEQ) % 2 == 0) ? opcode + 1 : opcode - 1;
        };
    }

    private static boolean isConditional(int opcode) {
        return (opcode >= Opcodes.IFEQ && opcode <= Opcodes.IF_ACMPNE)
                || opcode == Opcodes.IFNULL || opcode == Opcodes.IFNONNULL;
    }

    /**
     * What a loop's test may hold to be copied: loads, constants, arithmetic and comparisons, field reads, array
     * lengths and elements, calls (the copy runs them exactly where the original would have). Nothing that stores,
     * jumps, switches, returns, throws or allocates.
     */
    private static boolean copyable(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        return switch (insn.getType()) {
            case AbstractInsnNode.VAR_INSN -> op >= Opcodes.ILOAD && op <= Opcodes.ALOAD;
            case AbstractInsnNode.INT_INSN -> op == Opcodes.BIPUSH || op == Opcodes.SIPUSH;
            case AbstractInsnNode.LDC_INSN -> true;
            case AbstractInsnNode.FIELD_INSN -> op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC;
            case AbstractInsnNode.METHOD_INSN -> true;
            case AbstractInsnNode.TYPE_INSN -> op == Opcodes.INSTANCEOF || op == Opcodes.CHECKCAST;
            case AbstractInsnNode.INSN -> (op >= Opcodes.ACONST_NULL && op <= Opcodes.DCONST_1)
                    || (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD)
                    || (op >= Opcodes.POP && op <= Opcodes.SWAP)
                    || (op >= Opcodes.IADD && op <= Opcodes.DCMPG)
                    || op == Opcodes.ARRAYLENGTH;
            default -> false;
        };
    }
}
