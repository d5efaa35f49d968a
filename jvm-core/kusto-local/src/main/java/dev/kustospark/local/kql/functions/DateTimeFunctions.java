package dev.kustospark.local.kql.functions;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.kql.CallSite;
import dev.kustospark.local.kql.TypedSql;
import dev.kustospark.local.types.KustoType;
import dev.kustospark.local.types.KustoValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Datetime functions. Datetimes are stored as microsecond TIMESTAMPs, so arithmetic below a
 * microsecond (ticks, nanoseconds) is truncated to the microsecond.
 */
final class DateTimeFunctions {
    private static final Set<String> NAMES = Set.of("now", "ago", "startofday", "startofweek", "startofmonth",
            "startofyear", "endofday", "endofweek", "endofmonth", "endofyear", "datetime_add", "datetime_diff",
            "dayofweek", "dayofmonth", "dayofyear", "getyear", "getmonth", "monthofyear", "hourofday",
            "datetime_part", "format_datetime", "unixtime_seconds_todatetime", "unixtime_milliseconds_todatetime",
            "unixtime_microseconds_todatetime", "unixtime_nanoseconds_todatetime", "datetime_utc_to_local",
            "datetime_local_to_utc", "week_of_year", "make_datetime", "make_timespan", "format_timespan");

    private DateTimeFunctions() {}

    static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    static TypedSql call(CallSite site, List<TypedSql> args) {
        switch (site.name()) {
            case "now":
                Sql.arity(site, args, 0, 1);
                return datetime(args.isEmpty() ? Sql.timestampLiteral(site.now())
                        : Sql.addTicks(Sql.timestampLiteral(site.now()), timespanArg(site, args.get(0), "the offset")));
            case "ago":
                Sql.arity(site, args, 1, 1);
                return datetime(Sql.addTicks(Sql.timestampLiteral(site.now()),
                        "-(" + timespanArg(site, args.get(0), "the timespan") + ")"));
            case "startofday":
                return startOf(site, args, "day");
            case "startofweek":
                return startOf(site, args, "week");
            case "startofmonth":
                return startOf(site, args, "month");
            case "startofyear":
                return startOf(site, args, "year");
            case "endofday":
                return endOf(site, args, "day");
            case "endofweek":
                return endOf(site, args, "week");
            case "endofmonth":
                return endOf(site, args, "month");
            case "endofyear":
                return endOf(site, args, "year");
            case "datetime_add":
                return datetimeAdd(site, args);
            case "datetime_diff":
                return datetimeDiff(site, args);
            case "dayofweek":
                Sql.arity(site, args, 1, 1);
                return TypedSql.of("(CAST(dayofweek(" + datetimeArg(site, args.get(0)) + ") AS BIGINT) * "
                        + KustoValues.TICKS_PER_DAY + ")", KustoType.TIMESPAN);
            case "dayofmonth":
                return part(site, args, "day");
            case "dayofyear":
                return part(site, args, "dayofyear");
            case "getyear":
                return part(site, args, "year");
            case "getmonth":
            case "monthofyear":
                return part(site, args, "month");
            case "hourofday":
                return part(site, args, "hour");
            case "datetime_part":
                return datetimePart(site, args);
            case "format_datetime":
                return formatDatetime(site, args);
            case "datetime_utc_to_local":
                Sql.arity(site, args, 2, 2);
                return datetime("timezone(" + zone(site, args.get(1)) + ", " + datetimeArg(site, args.get(0))
                        + " AT TIME ZONE 'UTC')");
            case "datetime_local_to_utc":
                Sql.arity(site, args, 2, 2);
                return datetime("timezone('UTC', timezone(" + zone(site, args.get(1)) + ", "
                        + datetimeArg(site, args.get(0)) + "))");
            case "week_of_year":
                Sql.arity(site, args, 1, 1);
                return TypedSql.of("CAST(weekofyear(" + datetimeArg(site, args.get(0)) + ") AS INTEGER)", KustoType.INT);
            case "format_timespan":
                Sql.arity(site, args, 2, 2);
                return TypedSql.of("coalesce(" + TimespanFormat.sql(site, timespanArg(site, args.get(0), "the timespan"),
                        Sql.constantString(site, args.get(1), "the format")) + ", '')", KustoType.STRING);
            case "make_datetime":
                return makeDatetime(site, args);
            case "make_timespan":
                return makeTimespan(site, args);
            case "unixtime_seconds_todatetime":
                return fromUnix(site, args, "* 1000000");
            case "unixtime_milliseconds_todatetime":
                return fromUnix(site, args, "* 1000");
            case "unixtime_microseconds_todatetime":
                return fromUnix(site, args, "");
            case "unixtime_nanoseconds_todatetime":
                return fromUnix(site, args, "/ 1000");
            default:
                throw site.error("unknown datetime function");
        }
    }

    /** A time zone name (IANA, as the service takes); a constant one is checked at translation. */
    private static String zone(CallSite site, TypedSql arg) {
        Sql.requireType(site, arg, "the time zone", KustoType.STRING);
        if (arg.constant() && arg.value() instanceof String) {
            try {
                java.time.ZoneId.of((String) arg.value());
            } catch (java.time.DateTimeException e) {
                throw site.error("unknown time zone '" + arg.value() + "'");
            }
        }
        return arg.sql();
    }

    /** make_datetime(year, month, day[, hour, minute[, second]]): null for an invalid date. */
    private static TypedSql makeDatetime(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 3, 6);
        if (args.size() == 4) {
            throw site.error("expects 3, 5 or 6 arguments, got 4");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            if (i < args.size()) {
                Sql.requireNumeric(site, args.get(i), "argument " + (i + 1));
                parts.add("CAST(" + args.get(i).sql() + " AS BIGINT)");
            } else {
                parts.add("0");
            }
        }
        String seconds = "0.0";
        if (args.size() == 6) {
            Sql.requireNumeric(site, args.get(5), "the second");
            seconds = "CAST(" + args.get(5).sql() + " AS DOUBLE)";
        }
        return datetime("try(make_timestamp(" + String.join(", ", parts) + ", " + seconds + "))");
    }

    /** make_timespan(hour, minute), (hour, minute, second) or (day, hour, minute, second). */
    private static TypedSql makeTimespan(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 2, 4);
        for (TypedSql a : args) {
            Sql.requireNumeric(site, a, "every argument");
        }
        int offset = args.size() == 4 ? 1 : 0;
        String days = args.size() == 4 ? "CAST(" + args.get(0).sql() + " AS DOUBLE) * " + KustoValues.TICKS_PER_DAY
                : "0";
        String hours = "CAST(" + args.get(offset).sql() + " AS DOUBLE) * " + KustoValues.TICKS_PER_HOUR;
        String minutes = "CAST(" + args.get(offset + 1).sql() + " AS DOUBLE) * " + KustoValues.TICKS_PER_MINUTE;
        String seconds = args.size() >= 3
                ? "CAST(" + args.get(offset + 2).sql() + " AS DOUBLE) * " + KustoValues.TICKS_PER_SECOND : "0";
        return TypedSql.of("CAST(round(" + days + " + " + hours + " + " + minutes + " + " + seconds + ") AS BIGINT)",
                KustoType.TIMESPAN);
    }

    /** A datetime from a count of units since the Unix epoch (fractions kept to the microsecond). */
    private static TypedSql fromUnix(CallSite site, List<TypedSql> args, String toMicros) {
        Sql.arity(site, args, 1, 1);
        Sql.requireNumeric(site, args.get(0), "the argument");
        TypedSql x = args.get(0);
        String micros = x.type() == KustoType.INT || x.type() == KustoType.LONG
                ? (toMicros.startsWith("/") ? "(CAST(" + x.sql() + " AS BIGINT) // 1000)"
                        : "(CAST(" + x.sql() + " AS BIGINT) " + toMicros + ")")
                : "CAST(round(CAST(" + x.sql() + " AS DOUBLE) " + toMicros + ") AS BIGINT)";
        return datetime("make_timestamp(" + micros + ")");
    }

    private static TypedSql datetime(String sql) {
        return TypedSql.of(sql, KustoType.DATETIME);
    }

    private static String datetimeArg(CallSite site, TypedSql arg) {
        if (arg.type() == KustoType.STRING) {
            return Conversions.parseDatetime(arg.sql());
        }
        Sql.requireType(site, arg, "the date", KustoType.DATETIME);
        return arg.sql();
    }

    private static String timespanArg(CallSite site, TypedSql arg, String what) {
        Sql.requireType(site, arg, what, KustoType.TIMESPAN);
        return arg.sql();
    }

    private static String integerArg(CallSite site, TypedSql arg, String what) {
        Sql.requireType(site, arg, what, KustoType.INT, KustoType.LONG);
        return "CAST(" + arg.sql() + " AS BIGINT)";
    }

    /** The start of the unit holding {@code dt}, moved by {@code offset} whole units. */
    private static String startSql(String dt, String unit, String offset) {
        String start = unit.equals("week")
                ? Sql.let(dt, d -> "(date_trunc('day', " + d + ") - to_days(CAST(dayofweek(" + d + ") AS INTEGER)))")
                : "date_trunc('" + unit + "', " + dt + ")";
        if (offset == null) {
            return start;
        }
        switch (unit) {
            case "day":
                return "(" + start + " + to_days(CAST(" + offset + " AS INTEGER)))";
            case "week":
                return "(" + start + " + to_days(CAST(7 * " + offset + " AS INTEGER)))";
            case "month":
                return "(" + start + " + to_months(CAST(" + offset + " AS INTEGER)))";
            default:
                return "(" + start + " + to_years(CAST(" + offset + " AS INTEGER)))";
        }
    }

    private static TypedSql startOf(CallSite site, List<TypedSql> args, String unit) {
        Sql.arity(site, args, 1, 2);
        String dt = datetimeArg(site, args.get(0));
        String offset = args.size() == 2 ? integerArg(site, args.get(1), "the offset") : null;
        return datetime(startSql(dt, unit, offset));
    }

    /** The last microsecond (the last tick storage can hold) of the unit holding {@code dt}. */
    private static TypedSql endOf(CallSite site, List<TypedSql> args, String unit) {
        Sql.arity(site, args, 1, 2);
        String dt = datetimeArg(site, args.get(0));
        String offset = args.size() == 2 ? integerArg(site, args.get(1), "the offset") : "0";
        return datetime("(" + startSql(dt, unit, "(" + offset + " + 1)") + " - INTERVAL 1 MICROSECOND)");
    }

    private static String normalizePart(CallSite site, TypedSql arg) {
        String part = Sql.constantString(site, arg, "the period").toLowerCase(Locale.ROOT);
        switch (part) {
            case "year": case "quarter": case "month": case "week": case "day": case "hour": case "minute":
            case "second": case "millisecond": case "microsecond": case "nanosecond":
                return part;
            case "days":
                return "day";
            default:
                throw site.error("unknown period '" + arg.value() + "'");
        }
    }

    private static TypedSql datetimeAdd(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 3, 3);
        String part = normalizePart(site, args.get(0));
        String n = integerArg(site, args.get(1), "the amount");
        String dt = datetimeArg(site, args.get(2));
        String interval;
        switch (part) {
            case "year": interval = "to_years(CAST(" + n + " AS INTEGER))"; break;
            case "quarter": interval = "to_months(CAST(3 * " + n + " AS INTEGER))"; break;
            case "month": interval = "to_months(CAST(" + n + " AS INTEGER))"; break;
            case "week": interval = "to_days(CAST(7 * " + n + " AS INTEGER))"; break;
            case "day": interval = "to_days(CAST(" + n + " AS INTEGER))"; break;
            case "hour": interval = "to_hours(" + n + ")"; break;
            case "minute": interval = "to_minutes(" + n + ")"; break;
            case "second": interval = "to_seconds(CAST(" + n + " AS DOUBLE))"; break;
            case "millisecond": interval = "to_milliseconds(CAST(" + n + " AS DOUBLE))"; break;
            case "microsecond": interval = "to_microseconds(" + n + ")"; break;
            default: interval = "to_microseconds(" + n + " // 1000)"; break;
        }
        return datetime("(" + dt + " + " + interval + ")");
    }

    /**
     * Counts the period boundaries crossed from {@code datetime2} to {@code datetime1}, as Kusto
     * does (weeks start on Sunday).
     */
    private static TypedSql datetimeDiff(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 3, 3);
        String part = normalizePart(site, args.get(0));
        String a = datetimeArg(site, args.get(1));
        String b = datetimeArg(site, args.get(2));
        String sql;
        switch (part) {
            case "year":
                sql = "(year(" + a + ") - year(" + b + "))";
                break;
            case "quarter":
                sql = "((year(" + a + ") * 4 + quarter(" + a + ")) - (year(" + b + ") * 4 + quarter(" + b + ")))";
                break;
            case "month":
                sql = "((year(" + a + ") * 12 + month(" + a + ")) - (year(" + b + ") * 12 + month(" + b + ")))";
                break;
            case "week":
                sql = "(date_diff('day', " + startSql(b, "week", null) + ", " + startSql(a, "week", null) + ") // 7)";
                break;
            case "nanosecond":
                sql = "(date_diff('microsecond', " + b + ", " + a + ") * 1000)";
                break;
            default:
                sql = "date_diff('" + part + "', " + b + ", " + a + ")";
                break;
        }
        return TypedSql.of("CAST(" + sql + " AS BIGINT)", KustoType.LONG);
    }

    private static TypedSql part(CallSite site, List<TypedSql> args, String duckPart) {
        Sql.arity(site, args, 1, 1);
        return TypedSql.of("CAST(" + duckPart + "(" + datetimeArg(site, args.get(0)) + ") AS INTEGER)", KustoType.INT);
    }

    private static TypedSql datetimePart(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 2, 2);
        String part = Sql.constantString(site, args.get(0), "the part").toLowerCase(Locale.ROOT);
        String dt = datetimeArg(site, args.get(1));
        String sql;
        switch (part) {
            case "year": case "quarter": case "month": case "day": case "hour": case "minute": case "second":
            case "dayofyear":
                sql = part + "(" + dt + ")";
                break;
            case "week_of_year":
            case "weekofyear":
                sql = "weekofyear(" + dt + ")";
                break;
            case "millisecond":
                sql = "(millisecond(" + dt + ") % 1000)";
                break;
            case "microsecond":
                sql = "(microsecond(" + dt + ") % 1000000)";
                break;
            case "nanosecond":
                sql = "((microsecond(" + dt + ") % 1000000) * 1000)";
                break;
            default:
                throw site.error("unknown part '" + args.get(0).value() + "'");
        }
        return TypedSql.of("CAST(" + sql + " AS INTEGER)", KustoType.INT);
    }

    /**
     * {@code format_datetime} with Kusto's format elements; the format must be a constant. Only the
     * delimiters Kusto documents are accepted between elements.
     */
    private static TypedSql formatDatetime(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 2, 2);
        String dt = datetimeArg(site, args.get(0));
        String format = Sql.constantString(site, args.get(1), "the format");
        String body = Sql.let(dt, d -> {
            List<String> pieces = formatParts(site, d, format);
            return pieces.isEmpty() ? "''" : "(" + String.join(" || ", pieces) + ")";
        });
        return TypedSql.of("coalesce(" + body + ", '')", KustoType.STRING);
    }

    private static List<String> formatParts(CallSite site, String d, String format) {
        List<String> out = new ArrayList<>();
        for (String element : FormatElements.runs(format)) {
            char c = element.charAt(0);
            int run = element.length();
            switch (c) {
                case 'y':
                    if (run == 1 || run == 2) {
                        out.add("lpad(CAST(year(" + d + ") % 100 AS VARCHAR), " + run + ", '0')");
                    } else {
                        out.add("lpad(CAST(year(" + d + ") AS VARCHAR), " + run + ", '0')");
                    }
                    break;
                case 'M':
                    out.add(number("month(" + d + ")", element, site));
                    break;
                case 'd':
                    out.add(number("day(" + d + ")", element, site));
                    break;
                case 'H':
                    out.add(number("hour(" + d + ")", element, site));
                    break;
                case 'h':
                    out.add(number("((hour(" + d + ") + 11) % 12 + 1)", element, site));
                    break;
                case 'm':
                    out.add(number("minute(" + d + ")", element, site));
                    break;
                case 's':
                    out.add(number("second(" + d + ")", element, site));
                    break;
                case 'f':
                case 'F':
                    if (run > 7) {
                        throw badFormat(site, element);
                    }
                    String digits = "left(strftime(" + d + ", '%f') || '0', " + run + ")";
                    if (c == 'f') {
                        out.add(digits);
                    } else {
                        // F omits trailing zeros, and with them a decimal point right before it
                        boolean afterPoint = !out.isEmpty() && out.get(out.size() - 1).equals("'.'");
                        if (afterPoint) {
                            out.remove(out.size() - 1);
                        }
                        out.add("(CASE WHEN rtrim(" + digits + ", '0') = '' THEN '' ELSE " + (afterPoint ? "'.' || " : "")
                                + "rtrim(" + digits + ", '0') END)");
                    }
                    break;
                case 't':
                    if (run > 2) {
                        throw badFormat(site, element);
                    }
                    out.add(run == 1 ? "left(strftime(" + d + ", '%p'), 1)" : "strftime(" + d + ", '%p')");
                    break;
                case 'T':
                case 'Z':
                    // literals in datetime formats, though not in timespan formats
                    out.add(Sql.quote(element));
                    break;
                default:
                    if (!FormatElements.isDelimiter(c)) {
                        throw badFormat(site, element);
                    }
                    out.add(Sql.quote(element));
            }
        }
        return out;
    }

    private static String number(String sql, String element, CallSite site) {
        return FormatElements.oneOrTwoDigits(sql, element, site, "format_datetime");
    }

    private static KustoException badFormat(CallSite site, String element) {
        return FormatElements.unsupported(element, site, "format_datetime");
    }
}
