package org.hotlock.launcher.progress;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.proxy.ProxyExecutable;

import java.util.function.Consumer;

/** Hands a context's search progress to a consumer, through the session object's {@code onProgress} (spec/embedding.md). */
public final class ProgressListener {
    private static final Source SESSION = Source.newBuilder("hotlock", "", "<session>").mimeType("application/x-hotlock-session").buildLiteral();

    private ProgressListener() {
    }

    public static void listen(Context context, Consumer<Progress> consumer) {
        context.eval(SESSION).invokeMember("onProgress", (ProxyExecutable) arguments -> {
            consumer.accept(Progress.of(arguments[0]));
            return null;
        });
    }
}
