package org.hotlock;

import com.oracle.truffle.api.TruffleFile;

import java.nio.charset.Charset;

/** Recognises {@code .hlk} files, so {@code Source.newBuilder(file)} picks HotLock by itself. */
public final class HotLockFileDetector implements TruffleFile.FileTypeDetector {
    @Override
    public String findMimeType(TruffleFile file) {
        String name = file.getName();
        return name != null && name.endsWith("." + HotLockLanguage.EXTENSION) ? HotLockLanguage.MIME_TYPE : null;
    }

    @Override
    public Charset findEncoding(TruffleFile file) {
        return null;
    }
}
