/**
 * {@code %maven} inside the kernel JVM: Maven's own resolver finds and downloads artifacts into a local repository
 * ({@link lessonbook.kernel.jvm.maven.MavenResolver}, with the user's settings: {@code MavenSettings}). Loaded on
 * first use, never at the kernel's start; one resolution at a time, on the kernel's main thread.
 */
package lessonbook.kernel.jvm.maven;
