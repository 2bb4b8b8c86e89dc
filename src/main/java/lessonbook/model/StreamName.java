package lessonbook.model;

public enum StreamName {
    STDOUT, STDERR;

    public String jupyterName() {
        return this == STDOUT ? "stdout" : "stderr";
    }
}
