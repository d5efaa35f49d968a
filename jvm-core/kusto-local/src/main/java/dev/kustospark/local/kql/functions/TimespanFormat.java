package dev.kustospark.local.kql.functions;

import dev.kustospark.local.kql.CallSite;
import dev.kustospark.local.types.KustoValues;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code format_timespan(timespan, format)}: Kusto's timespan format elements (d.., h/H, m, s,
 * f.., F..) and delimiters, rendered from the magnitude of the tick count as .NET's custom TimeSpan
 * formats do (without a sign).
 */
final class TimespanFormat {
    private static final String FUNCTION = "format_timespan";

    private TimespanFormat() {}

    static String sql(CallSite site, String ticks, String format) {
        return Sql.let("abs(" + ticks + ")", a -> {
            List<String> out = new ArrayList<>();
            for (String element : FormatElements.runs(format)) {
                char c = element.charAt(0);
                int run = element.length();
                switch (c) {
                    case 'd':
                        if (run > 8) {
                            throw FormatElements.unsupported(element, site, FUNCTION);
                        }
                        out.add(padded("(" + a + " // " + KustoValues.TICKS_PER_DAY + ")", run));
                        break;
                    case 'h':
                    case 'H':
                        out.add(twoDigits("((" + a + " % " + KustoValues.TICKS_PER_DAY + ") // "
                                + KustoValues.TICKS_PER_HOUR + ")", element, site));
                        break;
                    case 'm':
                        out.add(twoDigits("((" + a + " % " + KustoValues.TICKS_PER_HOUR + ") // "
                                + KustoValues.TICKS_PER_MINUTE + ")", element, site));
                        break;
                    case 's':
                        out.add(twoDigits("((" + a + " % " + KustoValues.TICKS_PER_MINUTE + ") // "
                                + KustoValues.TICKS_PER_SECOND + ")", element, site));
                        break;
                    case 'f':
                    case 'F':
                        if (run > 7) {
                            throw FormatElements.unsupported(element, site, FUNCTION);
                        }
                        String digits = "left(lpad(CAST(" + a + " % " + KustoValues.TICKS_PER_SECOND
                                + " AS VARCHAR), 7, '0'), " + run + ")";
                        out.add(c == 'f' ? digits : "rtrim(" + digits + ", '0')");
                        break;
                    default:
                        if (!FormatElements.isDelimiter(c)) {
                            throw FormatElements.unsupported(element, site, FUNCTION);
                        }
                        out.add(Sql.quote(element));
                }
            }
            return out.isEmpty() ? "''" : "(" + String.join(" || ", out) + ")";
        });
    }

    private static String padded(String number, int width) {
        return "lpad(CAST(" + number + " AS VARCHAR), " + width + ", '0')";
    }

    private static String twoDigits(String number, String element, CallSite site) {
        return FormatElements.oneOrTwoDigits(number, element, site, FUNCTION);
    }
}
