package org.hotlock.launcher.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** The members' addresses a {@code --cluster HOST:PORT,...} option lists, each an IP address and a port. */
public record ClusterAddresses(List<Address> members) {
    /** One member's address. */
    public record Address(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** Thrown for a list that is not HOST:PORT,...: the message says which entry and why. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    public static ClusterAddresses parse(String list) throws Malformed {
        List<Address> members = new ArrayList<>();
        for (String entry : list.split(",", -1)) {
            String e = entry.strip();
            int colon = e.lastIndexOf(':');
            if (colon <= 0 || colon == e.length() - 1) {
                throw new Malformed("'" + e + "' is not HOST:PORT (for example 127.0.0.1:5701)");
            }
            int port;
            try {
                port = Integer.parseInt(e.substring(colon + 1));
            } catch (NumberFormatException x) {
                throw new Malformed("'" + e + "': the port '" + e.substring(colon + 1) + "' is not a number");
            }
            if (port < 1 || port > 65535) {
                throw new Malformed("'" + e + "': the port " + port + " is not between 1 and 65535");
            }
            String host = e.substring(0, colon);
            try {
                host = InetAddress.getByName(host).getHostAddress();
            } catch (UnknownHostException x) {
                throw new Malformed("'" + e + "': unknown host " + host);
            }
            Address a = new Address(host, port);
            if (!members.contains(a)) {
                members.add(a);
            }
        }
        return new ClusterAddresses(List.copyOf(members));
    }

    @Override
    public String toString() {
        return String.join(",", members.stream().map(Address::toString).toList());
    }
}
