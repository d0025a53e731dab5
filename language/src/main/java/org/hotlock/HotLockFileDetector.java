package org.hotlock;

import com.oracle.truffle.api.TruffleFile;

import java.nio.charset.Charset;

/** Recognises {@code .hlk} files, so {@code Source.newBuilder(file)} picks HotLock by itself. */
public final class HotLockFileDetector implements TruffleFile.FileTypeDetector {
    /** HotLock source files end in {@code .hlk}. */
    public static final String EXTENSION = "hlk";
    /** The MIME type of HotLock source. */
    public static final String MIME_TYPE = "application/x-hotlock";

    @Override
    public String findMimeType(TruffleFile file) {
        String name = file.getName();
        return name != null && name.endsWith("." + EXTENSION) ? MIME_TYPE : null;
    }

    @Override
    public Charset findEncoding(TruffleFile file) {
        return null;
    }
}
