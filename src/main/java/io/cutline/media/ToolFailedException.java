package io.cutline.media;

/** An external program exited with a non-zero code, timed out, or could not be started. */
public class ToolFailedException extends RuntimeException {

    private final Tool tool;
    private final int exitCode;

    public ToolFailedException(Tool tool, int exitCode, String detail, Throwable cause) {
        super(tool.name().toLowerCase() + " failed (exit " + exitCode + "): " + detail, cause);
        this.tool = tool;
        this.exitCode = exitCode;
    }

    public Tool tool() {
        return tool;
    }

    public int exitCode() {
        return exitCode;
    }
}
