package org.hotlock.launcher.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One exploration a cluster serves, as the member that runs the search publishes it: the
 * script's sources and the context's options (a serving member runs the same to the same
 * scenario), which scenario, the state's fingerprint there, and the HotLock build and the
 * scenario hash a serving member must have alike.
 */
record ExplorationJob(String id, String from, BuildIdentity identity, List<Script> sources, Map<String, String> options,
                      int scenario, String fingerprint, String scenarioHash) {
    /** One source of the script, with the name it is evaluated under. */
    record Script(String name, String text) {
    }

    /** The scenario hash: the build (its code and kernel models), the sources and the options. */
    static String hash(BuildIdentity identity, List<Script> sources, Map<String, String> options) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, identity.version());
            update(sha, identity.build());
            for (Script s : sources) {
                update(sha, s.name());
                update(sha, s.text());
            }
            for (Map.Entry<String, String> o : new TreeMap<>(options).entrySet()) {
                update(sha, o.getKey());
                update(sha, o.getValue());
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) (b.length >>> 24));
        sha.update((byte) (b.length >>> 16));
        sha.update((byte) (b.length >>> 8));
        sha.update((byte) b.length);
        sha.update(b);
    }

    byte[] bytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(id);
            out.writeUTF(from);
            out.writeUTF(identity.version());
            out.writeUTF(identity.build());
            out.writeInt(sources.size());
            for (Script s : sources) {
                out.writeUTF(s.name());
                byte[] text = s.text().getBytes(StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
            }
            out.writeInt(options.size());
            for (Map.Entry<String, String> o : options.entrySet()) {
                out.writeUTF(o.getKey());
                out.writeUTF(o.getValue());
            }
            out.writeInt(scenario);
            out.writeUTF(fingerprint);
            out.writeUTF(scenarioHash);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ExplorationJob of(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        String id = in.readUTF();
        String from = in.readUTF();
        BuildIdentity identity = new BuildIdentity(in.readUTF(), in.readUTF());
        List<Script> sources = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            String name = in.readUTF();
            byte[] text = new byte[in.readInt()];
            in.readFully(text);
            sources.add(new Script(name, new String(text, StandardCharsets.UTF_8)));
        }
        Map<String, String> options = new TreeMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            options.put(in.readUTF(), in.readUTF());
        }
        return new ExplorationJob(id, from, identity, sources, options, in.readInt(), in.readUTF(), in.readUTF());
    }
}
