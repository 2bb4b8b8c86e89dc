package lessonbook.workers;

import lessonbook.workers.shared.SharedObjectFailure;

/**
 * The one place where a failure of the shared machinery becomes the exception a student catches. Each public
 * method whose call reaches {@code lessonbook.workers.shared} catches {@link SharedObjectFailure} and throws
 * what this returns, so that the machinery depends on nothing in this package (its arrows point one way).
 */
final class StudentExceptions {
    private StudentExceptions() {
    }

    /** The student's exception for {@code failure}, with the failure's stack (where the wait or mapping failed). */
    static RuntimeException of(SharedObjectFailure failure) {
        RuntimeException student = switch (failure.kind()) {
            case BROKEN -> new BrokenSharedObjectException(failure.getMessage());
            case INTERRUPTED -> new WaitInterruptedException(failure.what());
        };
        student.setStackTrace(failure.getStackTrace());
        return student;
    }
}
