package org.hotlock.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import org.hotlock.runtime.HLFunction;
import org.hotlock.runtime.HLObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The simulated sysfs (and debugfs) tree. The models declare the attributes and their
 * show/store functions; a device's attributes appear when the device is added and vanish when
 * it is removed, as kernfs does.
 */
public final class Sysfs {
    /** One file: the device it belongs to (or null) and its handlers (or null when absent). */
    public record File(String path, HLObject device, HLFunction show, HLFunction store) {
    }

    private record Attribute(String name, HLFunction show, HLFunction store) {
    }

    private final Map<String, List<Attribute>> attributesByClass = new LinkedHashMap<>();
    private final TreeMap<String, File> files = new TreeMap<>();

    @TruffleBoundary
    public void declareAttribute(String deviceClass, String name, HLFunction show, HLFunction store) {
        List<Attribute> attrs = attributesByClass.computeIfAbsent(deviceClass, k -> new ArrayList<>());
        attrs.removeIf(a -> a.name().equals(name));
        attrs.add(new Attribute(name, show, store));
    }

    @TruffleBoundary
    public void declareFile(String path, HLFunction show, HLFunction store) {
        files.put(path, new File(path, null, show, store));
    }

    @TruffleBoundary
    void addDevice(String directory, String deviceClass, HLObject device) {
        for (Attribute a : attributesByClass.getOrDefault(deviceClass, List.of())) {
            String path = directory + "/" + a.name();
            files.put(path, new File(path, device, a.show(), a.store()));
        }
    }

    @TruffleBoundary
    void removeDevice(String directory) {
        files.subMap(directory + "/", directory + "0").clear();
    }

    /** The files that exist now, to put back when an exploration restarts from a snapshot. */
    @TruffleBoundary
    public SortedMap<String, File> saveFiles() {
        return new TreeMap<>(files);
    }

    @TruffleBoundary
    public void restoreFiles(SortedMap<String, File> saved) {
        files.clear();
        files.putAll(saved);
    }

    @TruffleBoundary
    public File lookup(String path) {
        String normalized = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return files.get(normalized);
    }

    /** Every path, sorted: for completion and listing. */
    @TruffleBoundary
    public List<String> paths() {
        return new ArrayList<>(files.keySet());
    }
}
