/**
 * This JVM's own JIT compilers and background threads, kept out of the way of the work a class is watching:
 * compiler directives added at run time ({@link lessonbook.jit.CompilerDirectives}) and lowered thread priorities
 * ({@link lessonbook.jit.Niceness}), and both applied to a JVM that hosts a kernel (the window, {@code run}) by
 * {@link lessonbook.jit.HostCompilers}. Used there and by the kernel; JDK only. Everything here is an
 * optimisation: where the JVM or the system does not allow it, nothing changes and nothing fails.
 */
package lessonbook.jit;
