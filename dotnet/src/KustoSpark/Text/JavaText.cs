using System;
using System.Globalization;
using System.Text;

namespace KustoSpark.Text
{
    /// Java's text conventions where the builders' output must match the JVM connector's byte for byte:
    /// String.trim/isBlank, Double.toString and Object.toString of the values the builders accept.
    internal static class JavaText
    {
        /// String.trim: strips chars up to U+0020 only (C#'s Trim also strips Unicode spaces).
        internal static string Trim(string s)
        {
            int start = 0, end = s.Length;
            while (start < end && s[start] <= ' ') start++;
            while (end > start && s[end - 1] <= ' ') end--;
            return s.Substring(start, end - start);
        }

        /// String.isBlank: only Character.isWhitespace characters (no-break spaces are not blank).
        internal static bool IsBlank(string s)
        {
            foreach (char c in s)
            {
                if (!IsJavaWhitespace(c)) return false;
            }
            return true;
        }

        private static bool IsJavaWhitespace(char c)
        {
            if (c == '\u00A0' || c == '\u2007' || c == '\u202F') return false;
            if ((c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F')) return true;
            UnicodeCategory cat = char.GetUnicodeCategory(c);
            return cat == UnicodeCategory.SpaceSeparator || cat == UnicodeCategory.LineSeparator
                || cat == UnicodeCategory.ParagraphSeparator;
        }

        /// Double.toString: the shortest digits that read back as the same double, plain between
        /// 10^-3 and 10^7 ("100.0", "0.001"), else "1.0E20" / "1.0E-5".
        internal static string DoubleToString(double d)
        {
            if (double.IsNaN(d)) return "NaN";
            if (double.IsPositiveInfinity(d)) return "Infinity";
            if (double.IsNegativeInfinity(d)) return "-Infinity";
            if (d == 0) return 1 / d < 0 ? "-0.0" : "0.0";
            string digits;
            int exponent;
            ShortestDigits(d, out digits, out exponent);
            return FormatJavaFloating(d < 0, digits, exponent);
        }

        /// Float.toString, with float's shortest digits.
        internal static string FloatToString(float f)
        {
            if (float.IsNaN(f) || float.IsInfinity(f) || f == 0) return DoubleToString(f);
            for (int precision = 1; precision <= 9; precision++)
            {
                string e = f.ToString("E" + (precision - 1), CultureInfo.InvariantCulture);
                if (float.Parse(e, CultureInfo.InvariantCulture) == f)
                {
                    string digits;
                    int exponent;
                    SplitScientific(e, out digits, out exponent);
                    return FormatJavaFloating(f < 0, digits, exponent);
                }
            }
            return DoubleToString(f);
        }

        private static void ShortestDigits(double d, out string digits, out int exponent)
        {
            for (int precision = 1; precision <= 17; precision++)
            {
                string e = d.ToString("E" + (precision - 1), CultureInfo.InvariantCulture);
                double back;
                if (double.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out back) && back == d)
                {
                    SplitScientific(e, out digits, out exponent);
                    return;
                }
            }
            SplitScientific(d.ToString("E16", CultureInfo.InvariantCulture), out digits, out exponent);
        }

        /// "-1.2345E+006" -> digits "12345" (trailing zeros dropped), exponent 6 (of the first digit).
        private static void SplitScientific(string e, out string digits, out int exponent)
        {
            int ePos = e.IndexOf('E');
            string mantissa = e.Substring(0, ePos).TrimStart('-').Replace(".", "");
            exponent = int.Parse(e.Substring(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            digits = mantissa.TrimEnd('0');
            if (digits.Length == 0) digits = "0";
        }

        private static string FormatJavaFloating(bool negative, string digits, int exponent)
        {
            var s = new StringBuilder();
            if (negative) s.Append('-');
            if (exponent >= 0 && exponent < 7)
            {
                string whole = digits.Length > exponent + 1 ? digits.Substring(0, exponent + 1) : digits.PadRight(exponent + 1, '0');
                string fraction = digits.Length > exponent + 1 ? digits.Substring(exponent + 1) : "0";
                s.Append(whole).Append('.').Append(fraction);
            }
            else if (exponent < 0 && exponent >= -3)
            {
                s.Append("0.").Append('0', -exponent - 1).Append(digits);
            }
            else
            {
                s.Append(digits[0]).Append('.').Append(digits.Length > 1 ? digits.Substring(1) : "0")
                    .Append('E').Append(exponent.ToString(CultureInfo.InvariantCulture));
            }
            return s.ToString();
        }

        /// Object.toString of a value handed to a builder, as Java would print it in a message.
        internal static string ValueToString(object value)
        {
            if (value == null) return "null";
            if (value is bool) return (bool)value ? "true" : "false";
            if (value is double) return DoubleToString((double)value);
            if (value is float) return FloatToString((float)value);
            if (value is JavaDecimal) return value.ToString();
            if (value is TimeSpan) return JavaDuration.FromTimeSpan((TimeSpan)value).ToString();
            if (value is DateTime) return JavaInstant.FromDateTime((DateTime)value).ToString();
            if (value is DateTimeOffset) return JavaInstant.FromDateTime(((DateTimeOffset)value).UtcDateTime).ToString();
            IFormattable formattable = value as IFormattable;
            return formattable != null ? formattable.ToString(null, CultureInfo.InvariantCulture) : value.ToString();
        }
    }
}
