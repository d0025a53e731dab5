package org.hotlock.builtins;

import com.oracle.truffle.api.dsl.NodeFactory;
import com.oracle.truffle.api.frame.FrameDescriptor;
import org.hotlock.HotLockLanguage;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.nodes.HLRootNode;
import org.hotlock.nodes.local.ReadArgumentNode;
import org.hotlock.runtime.HLFunction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the builtins: every class annotated {@link Builtin} in the builtin packages, from the
 * class path entry (directory or jar) that holds them. Adding a builtin means adding a class.
 */
public final class BuiltinRegistry {
    /** Packages scanned for {@link Builtin} classes. */
    public static final List<String> PACKAGES = List.of("org.hotlock.builtins", "org.hotlock.kernel.builtins");

    private BuiltinRegistry() {
    }

    public static List<HLFunction> createAll(HotLockLanguage language) {
        List<HLFunction> result = new ArrayList<>();
        for (Class<?> type : builtinClasses()) {
            Builtin annotation = type.getAnnotation(Builtin.class);
            result.add(create(language, annotation, factoryOf(type)));
        }
        return result;
    }

    /** Name and documentation of every builtin, for help and completion. */
    public static List<Builtin> describeAll() {
        List<Builtin> result = new ArrayList<>();
        for (Class<?> type : builtinClasses()) {
            result.add(type.getAnnotation(Builtin.class));
        }
        return result;
    }

    private static HLFunction create(HotLockLanguage language, Builtin annotation, NodeFactory<? extends HLBuiltinNode> factory) {
        int arity = factory.getExecutionSignature().size();
        HLExpressionNode[] arguments;
        if (annotation.variadic()) {
            arguments = new HLExpressionNode[]{new ReadAllArgumentsNode()};
        } else {
            arguments = new HLExpressionNode[arity];
            for (int i = 0; i < arity; i++) {
                arguments[i] = new ReadArgumentNode(i);
            }
        }
        HLBuiltinNode body = factory.createNode((Object) arguments);
        HLRootNode root = new HLRootNode(language, new FrameDescriptor(), body, annotation.name(), null);
        return new HLFunction(annotation.name(), root.getCallTarget(), annotation.variadic() ? -1 : arity, true);
    }

    @SuppressWarnings("unchecked")
    private static NodeFactory<? extends HLBuiltinNode> factoryOf(Class<?> type) {
        try {
            Class<?> factory = Class.forName(type.getName() + "Factory", true, type.getClassLoader());
            return (NodeFactory<? extends HLBuiltinNode>) factory.getMethod("getInstance").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("builtin " + type.getName() + " has no generated factory", e);
        }
    }

    private static List<Class<?>> builtinClasses() {
        ClassLoader loader = BuiltinRegistry.class.getClassLoader();
        TreeSet<String> names = new TreeSet<>();
        for (String pkg : PACKAGES) {
            String path = pkg.replace('.', '/');
            try {
                Enumeration<URL> roots = loader.getResources(path);
                for (URL url : Collections.list(roots)) {
                    names.addAll(classNamesIn(url, pkg));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Class<?>> result = new ArrayList<>();
        for (String name : names) {
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(Builtin.class)) {
                    result.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return result;
    }

    private static List<String> classNamesIn(URL url, String pkg) throws IOException {
        List<String> names = new ArrayList<>();
        if (url.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                String prefix = pkg.replace('.', '/') + "/";
                for (JarEntry entry : Collections.list(jar.entries())) {
                    String n = entry.getName();
                    if (n.startsWith(prefix) && n.endsWith(".class") && n.indexOf('/', prefix.length()) < 0 && !n.contains("$")) {
                        names.add(n.substring(0, n.length() - 6).replace('/', '.'));
                    }
                }
            }
        } else if (url.getProtocol().equals("file")) {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                files.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".class") && !n.contains("$"))
                        .forEach(n -> names.add(pkg + "." + n.substring(0, n.length() - 6)));
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        return names;
    }
}
