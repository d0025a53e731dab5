package org.hotlock.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads what a user gives HotLock as a script (a file, standard input): at most
 * {@value #LIMIT} bytes of UTF-8 text, or an error that says which and where, so that
 * {@code run /dev/zero}, {@code yes | hotlock} or the REPL's {@code /open /dev/zero} ends with a
 * message, not out of memory.
 */
public final class ScriptFiles {
    /** The most a script may be: 16 MiB, about 400 000 lines of the kernel models' density. */
    static final int LIMIT = 16 << 20;

    /** A script that is too large or not UTF-8: the message names it and says why. */
    public static final class Unreadable extends IOException {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    private ScriptFiles() {
    }

    public static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    static String read(InputStream in, String name) throws IOException {
        byte[] bytes = in.readNBytes(LIMIT + 1);
        if (bytes.length > LIMIT) {
            throw new Unreadable(name + " is larger than " + (LIMIT >> 20) + " MiB, the most HotLock reads as a script");
        }
        return decode(bytes, name);
    }

    private static String decode(byte[] bytes, String name) throws Unreadable {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            long line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new Unreadable(name + ":" + line + ": not UTF-8 text (byte " + at + ": 0x"
                    + Integer.toHexString(bytes[at] & 0xff) + "); HotLock reads scripts as UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
