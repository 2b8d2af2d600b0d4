package dev.pooltags.serve.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The key limits are counted by: an IPv4 address as it is, an IPv6 address by its /64 prefix (one host usually
 * holds a whole /64, so counting single IPv6 addresses would give it billions of allowances), an IPv4 address
 * mapped into IPv6 as the IPv4 address.
 */
public final class ClientAddress {
    private ClientAddress() {}

    public static InetAddress key(InetAddress a) {
        if (a instanceof Inet4Address || !(a instanceof Inet6Address)) {
            return a;
        }
        byte[] b = a.getAddress();
        try {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
            }
            Arrays.fill(b, 8, 16, (byte) 0);
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen: the lengths are 4 and 16
        }
    }
}
