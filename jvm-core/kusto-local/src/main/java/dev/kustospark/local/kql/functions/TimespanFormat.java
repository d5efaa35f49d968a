package dev.kustospark.local.kql.functions;

import dev.kustospark.local.KustoException;
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
    private TimespanFormat() {}

    static String sql(CallSite site, String ticks, String format) {
        return Sql.let("abs(" + ticks + ")", a -> {
            List<String> out = new ArrayList<>();
            int i = 0;
            while (i < format.length()) {
                char c = format.charAt(i);
                int run = 1;
                while (i + run < format.length() && format.charAt(i + run) == c) {
                    run++;
                }
                String element = format.substring(i, i + run);
                switch (c) {
                    case 'd':
                        if (run > 8) {
                            throw unsupported(site, element);
                        }
                        out.add(padded("(" + a + " // " + KustoValues.TICKS_PER_DAY + ")", run));
                        break;
                    case 'h':
                    case 'H':
                        out.add(twoDigits("((" + a + " % " + KustoValues.TICKS_PER_DAY + ") // "
                                + KustoValues.TICKS_PER_HOUR + ")", run, site, element));
                        break;
                    case 'm':
                        out.add(twoDigits("((" + a + " % " + KustoValues.TICKS_PER_HOUR + ") // "
                                + KustoValues.TICKS_PER_MINUTE + ")", run, site, element));
                        break;
                    case 's':
                        out.add(twoDigits("((" + a + " % " + KustoValues.TICKS_PER_MINUTE + ") // "
                                + KustoValues.TICKS_PER_SECOND + ")", run, site, element));
                        break;
                    case 'f':
                    case 'F':
                        if (run > 7) {
                            throw unsupported(site, element);
                        }
                        String digits = "left(lpad(CAST(" + a + " % " + KustoValues.TICKS_PER_SECOND
                                + " AS VARCHAR), 7, '0'), " + run + ")";
                        out.add(c == 'f' ? digits : "rtrim(" + digits + ", '0')");
                        break;
                    case ' ': case '/': case '-': case ':': case ',': case '.': case '_': case '[': case ']':
                        out.add(Sql.quote(element));
                        break;
                    default:
                        throw unsupported(site, element);
                }
                i += run;
            }
            return out.isEmpty() ? "''" : "(" + String.join(" || ", out) + ")";
        });
    }

    private static String padded(String number, int width) {
        return "lpad(CAST(" + number + " AS VARCHAR), " + width + ", '0')";
    }

    private static String twoDigits(String number, int run, CallSite site, String element) {
        if (run > 2) {
            throw unsupported(site, element);
        }
        return run == 1 ? "CAST(" + number + " AS VARCHAR)" : padded(number, 2);
    }

    private static KustoException unsupported(CallSite site, String element) {
        return KustoException.unsupported("format element '" + element + "' in format_timespan", site.line(),
                site.column());
    }
}
