package dev.lakesetup.databricks.internal.validation;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An IPv4 address range written as an address or a CIDR block ({@code 52.25.130.38}, {@code 10.0.0.0/8}), the form
 * IP access lists take (they support IPv4 only).
 *
 * @param text the range as written
 * @param first the first address, as an unsigned 32-bit number
 * @param last the last address
 */
public record Ipv4Range(String text, long first, long last) {

    /**
     * Parses an address or CIDR block.
     *
     * @param field the input's name, for the error
     * @param text the text
     * @return the range
     * @throws InvalidInputException naming the field, the value and the accepted form
     */
    public static Ipv4Range parse(String field, String text) {
        InvalidInputException.requireNonNull(text, field);
        String[] parts = text.strip().split("/", -1);
        long address = address(field, text, parts[0]);
        int bits = parts.length == 1 ? 32 : prefix(field, text, parts);
        long size = 1L << (32 - bits);
        long first = address & ~(size - 1) & 0xFFFF_FFFFL;
        return new Ipv4Range(text.strip(), first, first + size - 1);
    }

    private static long address(String field, String text, String dotted) {
        String[] octets = dotted.split("\\.", -1);
        if (octets.length != 4) {
            throw invalid(field, text);
        }
        long value = 0;
        for (String octet : octets) {
            if (!octet.matches("\\d{1,3}") || Integer.parseInt(octet) > 255) {
                throw invalid(field, text);
            }
            value = value << 8 | Integer.parseInt(octet);
        }
        return value;
    }

    private static int prefix(String field, String text, String[] parts) {
        if (parts.length != 2 || !parts[1].matches("\\d{1,2}") || Integer.parseInt(parts[1]) > 32) {
            throw invalid(field, text);
        }
        return Integer.parseInt(parts[1]);
    }

    private static InvalidInputException invalid(String field, String text) {
        return InvalidInputException.of(field, text, "it is not an IPv4 address or CIDR block (IP access lists "
                + "support IPv4 only)", "an address such as 52.25.130.38 or a block such as 52.25.130.0/24");
    }

    /**
     * Tells whether this range shares an address with another.
     *
     * @param other the other range
     * @return {@code true} when they overlap
     */
    public boolean overlaps(Ipv4Range other) {
        return first <= other.last && other.first <= last;
    }

    /**
     * Tells whether every address of this range lies in the union of the given ranges.
     *
     * @param ranges the ranges
     * @return {@code true} when they cover this range
     */
    public boolean isCoveredBy(List<Ipv4Range> ranges) {
        List<Ipv4Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(Ipv4Range::first));
        long next = first;
        for (Ipv4Range range : sorted) {
            if (range.first > next) {
                break;
            }
            next = Math.max(next, range.last + 1);
            if (next > last) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
