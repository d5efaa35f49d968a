package dev.kustospark.local.kql.functions;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.kql.CallSite;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code format_datetime} and {@code format_timespan} have in common: a format is read as runs
 * of one repeated character (the run's length selects the width, as in .NET custom formats), with
 * the same set of literal delimiters between elements.
 */
final class FormatElements {
    private static final String DELIMITERS = " /-:,._[]";

    private FormatElements() {}

    /** The runs of {@code format} in order, e.g. {@code "yyyy-MM"} gives {@code yyyy}, {@code -}, {@code MM}. */
    static List<String> runs(String format) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            int run = 1;
            while (i + run < format.length() && format.charAt(i + run) == c) {
                run++;
            }
            out.add(format.substring(i, i + run));
            i += run;
        }
        return out;
    }

    /** Whether {@code c} is a delimiter that both formats copy to the output as it is. */
    static boolean isDelimiter(char c) {
        return DELIMITERS.indexOf(c) >= 0;
    }

    /**
     * A one- or two-letter numeric element such as {@code h} or {@code hh}: the number as it is, or
     * padded to two digits; longer runs have no meaning.
     */
    static String oneOrTwoDigits(String number, String element, CallSite site, String function) {
        if (element.length() > 2) {
            throw unsupported(element, site, function);
        }
        return element.length() == 1 ? "CAST(" + number + " AS VARCHAR)"
                : "lpad(CAST(" + number + " AS VARCHAR), 2, '0')";
    }

    static KustoException unsupported(String element, CallSite site, String function) {
        return KustoException.unsupported("format element '" + element + "' in " + function, site.line(),
                site.column());
    }
}
