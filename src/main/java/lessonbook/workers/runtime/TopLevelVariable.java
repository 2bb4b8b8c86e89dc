package lessonbook.workers.runtime;

/**
 * A notebook variable as a static field of a snippet class. {@code value} is the live object; the runtime
 * serializes it (and warns by {@code name} when it cannot).
 */
public record TopLevelVariable(String name, String declaringClass, String field, Object value) {
}
