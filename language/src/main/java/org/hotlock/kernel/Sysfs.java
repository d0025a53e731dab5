package org.hotlock.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import org.hotlock.runtime.HLFunction;
import org.hotlock.runtime.HLObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The simulated sysfs (and debugfs) tree. The models declare the attributes and their
 * show/store functions; a device's attributes appear when the device is added and vanish when
 * it is removed, as kernfs does.
 */
public final class Sysfs {
    /**
     * One file: the device it belongs to (or null), its handlers (or null when absent), and
     * the active references a store holds on it (its device directory's kernfs node; null for
     * a file that belongs to no device: nothing removes those).
     */
    public record File(String path, HLObject device, HLFunction show, HLFunction store, KernelLock active) {
    }

    private record Attribute(String name, HLFunction show, HLFunction store) {
    }

    private final Map<String, List<Attribute>> attributesByClass = new LinkedHashMap<>();
    /** The files by path; an execution's devices added and removed are undone by a restore. */
    private final JournaledMap<String, File> files = new JournaledMap<>();

    @TruffleBoundary
    public void declareAttribute(String deviceClass, String name, HLFunction show, HLFunction store) {
        List<Attribute> attrs = attributesByClass.computeIfAbsent(deviceClass, k -> new ArrayList<>());
        attrs.removeIf(a -> a.name().equals(name));
        attrs.add(new Attribute(name, show, store));
    }

    @TruffleBoundary
    public void declareFile(String path, HLFunction show, HLFunction store) {
        files.put(path, new File(path, null, show, store, null));
    }

    @TruffleBoundary
    void addDevice(String directory, String deviceClass, HLObject device, KernelLock active) {
        for (Attribute a : attributesByClass.getOrDefault(deviceClass, List.of())) {
            String path = directory + "/" + a.name();
            files.put(path, new File(path, device, a.show(), a.store(), active));
        }
    }

    /** The active references of the device directory, or null when it has no files. */
    @TruffleBoundary
    KernelLock activeReference(String directory) {
        SortedMap<String, File> in = files.view().subMap(directory + "/", directory + "0");
        return in.isEmpty() ? null : in.values().iterator().next().active();
    }

    /** Whether the path names a directory that holds files now (one trailing / ignored). */
    @TruffleBoundary
    public boolean isDirectory(String path) {
        String directory = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return !files.view().subMap(directory + "/", directory + "0").isEmpty();
    }

    @TruffleBoundary
    void removeDevice(String directory) {
        files.removeRange(directory + "/", directory + "0");
    }

    /** The files that exist now, to put back when an exploration restarts from a snapshot. */
    @TruffleBoundary
    public SortedMap<String, File> saveFiles() {
        return files.save();
    }

    @TruffleBoundary
    public void restoreFiles(SortedMap<String, File> saved) {
        files.restore(saved);
    }

    @TruffleBoundary
    public File lookup(String path) {
        String normalized = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return files.get(normalized);
    }

    /** Every path, sorted: for completion and listing. */
    @TruffleBoundary
    public List<String> paths() {
        return new ArrayList<>(files.view().keySet());
    }
}
