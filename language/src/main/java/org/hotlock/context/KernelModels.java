package org.hotlock.context;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;
import org.hotlock.check.Checks;
import org.hotlock.kernel.Kernel;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLObject;
import org.hotlock.runtime.StructType;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kernel models shipped as HotLock source: {@code kernel/<version>/MODEL} lists the files
 * of a version in load order; files shared by 4.19 and 4.20 live in {@code kernel/common/}, files
 * shared by 6.6 and 6.7 in {@code kernel/6.x/}.
 */
public final class KernelModels {
    public static final List<String> VERSIONS = List.of("4.19", "4.20", "6.6", "6.7");
    /**
     * The MIME type the kernel models are parsed with. Their struct declarations make layouts
     * the language keeps for every context (a model never marks its own fields shared later),
     * so the model's code, shared by the contexts of an engine, sees one layout per struct.
     */
    public static final String MIME_TYPE = "application/x-hotlock-model";
    private static final StructType SYSFS = new StructType("sysfs", List.of("write", "read", "wait"));
    /**
     * Each version's model sources, made once and held: an engine keeps a parsed source only
     * while the source object lives, and every context of the engine then shares its code.
     */
    private static final Map<String, List<Source>> SOURCES = new ConcurrentHashMap<>();

    private KernelModels() {
    }

    @TruffleBoundary
    public static List<String> files(String version) {
        String index = read("kernel/" + version + "/MODEL");
        List<String> files = new ArrayList<>();
        for (String line : index.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                files.add(l);
            }
        }
        return files;
    }

    @TruffleBoundary
    public static String read(String resource) {
        try (InputStream in = KernelModels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing model resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read model resource " + resource, e);
        }
    }

    /** The URI of a model file: in the language's jar, or its classes directory. */
    @TruffleBoundary
    public static URI uri(String resource) {
        URL url = KernelModels.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing model resource " + resource);
        }
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("model resource " + resource + " has no URI: " + url, e);
        }
    }

    /** {@code sysfs.write(path, value)} and {@code sysfs.read(path)} read like the shell commands. */
    private static void defineSysfsObject(HotLockContext context) {
        HLObject sysfs = SYSFS.instantiate();
        sysfs.set("write", context.lookup("sysfs_write"));
        sysfs.set("read", context.lookup("sysfs_read"));
        sysfs.set("wait", context.lookup("sysfs_wait"));
        context.defineConstant(context.globalIndex("sysfs"), sysfs);
    }

    private static List<Source> sources(String version) {
        List<Source> sources = new ArrayList<>();
        for (String file : files(version)) {
            String path = "kernel/" + file;
            // the resource's URI: where a debugger's breakpoint in a model file names it
            sources.add(Source.newBuilder(HotLockOptions.LANGUAGE_ID, read(path), path).mimeType(MIME_TYPE).uri(uri(path)).build());
        }
        return List.copyOf(sources);
    }

    /** Creates the kernel of the version and evaluates its model sources in the context. */
    @TruffleBoundary
    public static Kernel load(HotLockContext context, String version, Node location) {
        if (!VERSIONS.contains(version)) {
            throw new HLException("unknown kernel model \"" + version + "\" (known: " + String.join(", ", VERSIONS)
                    + "; 4.19 is before the 2018 locking series, 4.20 after it; 6.6 is before the 2023 fix 001002e73712, 6.7 after it)", location);
        }
        if (context.kernel() != null) {
            if (context.kernel().version.equals(version)) {
                return context.kernel();
            }
            throw new HLException("kernel \"" + context.kernel().version + "\" is already loaded; one kernel per run", location);
        }
        Kernel kernel = new Kernel(version, context.kernelTypes(), context.err());
        var options = context.env().getOptions();
        context.setKernel(kernel, new Checks(kernel, options.get(HotLockOptions.Checks), !options.get(HotLockOptions.LockdepNovalidateDevice),
                options.get(HotLockOptions.GateLocks)));
        String declaredBy = "declared by kernel \"" + version + "\"";
        for (StructType type : kernel.types.all()) {
            context.defineStruct(type);
            context.markModelStruct(type.name(), declaredBy);
        }
        defineSysfsObject(context);
        context.markModelGlobal(context.globalIndex("sysfs"), declaredBy);
        for (Source source : SOURCES.computeIfAbsent(version, KernelModels::sources)) {
            CallTarget target = context.env().parsePublic(source);
            target.call();
        }
        return kernel;
    }
}
