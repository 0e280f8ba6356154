package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells whether a host name is this machine's loopback interface, the only place plain HTTP is allowed (a local fake
 * workspace in tests), and checks the builders' settings against that rule. Decided from the text alone, without a
 * name lookup: {@code localhost}, an IPv4 address in {@code 127.0.0.0/8}, or the IPv6 address {@code ::1}.
 */
public final class Loopback {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private Loopback() {
    }

    /**
     * Tells whether a host is the loopback interface.
     *
     * @param host a host name or address, IPv6 with or without brackets
     * @return {@code true} for {@code localhost}, {@code 127.x.y.z} and {@code ::1}
     */
    public static boolean is(String host) {
        if (host == null) {
            return false;
        }
        String text = host.toLowerCase(Locale.ROOT);
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.equals("localhost") || IPV4_LOOPBACK.matcher(text).matches() || text.equals("::1")
                || text.equals("0:0:0:0:0:0:0:1");
    }

    /**
     * Checks a host against the plain-HTTP rule: {@code http} only with the test mode, and the test mode only on a
     * loopback host.
     *
     * @param field the setting, for the message
     * @param shown the value as the caller gave it, for the message
     * @param plainHttp whether the host was given as an {@code http://} URL
     * @param host the host name
     * @param testMode whether the caller asked for {@code plainHttpForTesting()}
     * @throws InvalidInputException naming the field, the value and what is accepted
     */
    public static void requireAllowed(String field, String shown, boolean plainHttp, String host, boolean testMode) {
        if (testMode && !is(host)) {
            throw InvalidInputException.of(field, shown, "plainHttpForTesting() allows loopback hosts only",
                    "http://127.0.0.1:PORT, http://localhost:PORT or http://[::1]:PORT of a local fake; "
                            + "an https workspace URL without test mode");
        }
        if (plainHttp && !testMode) {
            throw InvalidInputException.of(field, shown, "plain http would send the credentials unencrypted",
                    "an https URL; http only for a loopback fake with plainHttpForTesting()");
        }
    }
}
