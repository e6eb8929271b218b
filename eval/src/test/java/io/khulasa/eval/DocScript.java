package io.khulasa.eval;

import java.nio.file.Path;

/**
 * A runnable block made ready to run: each command line that shows its output ({@code cmd   # → expected}) has that
 * output written to a file as well as the block's own output, so the test can compare exactly that command's output.
 * The command itself is left as the reader types it.
 */
final class DocScript {

    private DocScript() {
    }

    static String withChecks(DocExamples.Example example, Path checks) {
        String[] lines = example.script().split("\n", -1);
        StringBuilder out = new StringBuilder();
        StringBuilder logical = new StringBuilder();
        int logicalStart = -1;
        for (int k = 0; k < lines.length; k++) {
            String line = lines[k];
            if (logicalStart < 0) {
                logicalStart = k;
            }
            logical.append(line).append('\n');
            if (line.endsWith("\\")) {
                continue;
            }
            String whole = logical.toString();
            int arrow = whole.indexOf(DocExamples.ARROW);
            if (arrow >= 0) {
                int number = example.line() + 1 + logicalStart;
                String command = whole.substring(0, arrow).strip();
                // { cmd ; } keeps pipes, redirections and && together; tee shows the reader's output as well.
                out.append("{ ").append(command).append("\n} | tee ")
                        .append(quote(checks.resolve("line-" + number + ".out").toString())).append('\n');
            } else {
                out.append(whole);
            }
            logical.setLength(0);
            logicalStart = -1;
        }
        return out.toString();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
