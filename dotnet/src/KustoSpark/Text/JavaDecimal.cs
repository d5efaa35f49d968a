using System;
using System.Globalization;
using System.Text;

namespace KustoSpark.Text
{
    // A decimal number as java.math.BigDecimal holds it (unscaled digits and a scale), so that
    // numbers print exactly as the JVM connector prints them: toString ("1.0E+20") and
    // toPlainString ("100000000000000000000").
    internal sealed class JavaDecimal : IEquatable<JavaDecimal>
    {
        private readonly bool negative;
        private readonly string unscaled; // digits without leading zeros ("0" for zero)
        private readonly int scale;

        private JavaDecimal(bool negative, string unscaled, int scale)
        {
            this.unscaled = unscaled.TrimStart('0');
            if (this.unscaled.Length == 0) this.unscaled = "0";
            this.negative = negative && this.unscaled != "0";
            this.scale = scale;
        }

        // new BigDecimal(String): "1.25", "-0.0020", "1.0E20", "5e-3".
        internal static JavaDecimal Parse(string text)
        {
            bool negative = false;
            int i = 0;
            if (i < text.Length && (text[i] == '-' || text[i] == '+'))
            {
                negative = text[i] == '-';
                i++;
            }
            var digits = new StringBuilder();
            int scale = 0;
            bool point = false;
            for (; i < text.Length && text[i] != 'e' && text[i] != 'E'; i++)
            {
                char c = text[i];
                if (c == '.' && !point) { point = true; continue; }
                if (c < '0' || c > '9') throw new FormatException("not a decimal number: " + text);
                digits.Append(c);
                if (point) scale++;
            }
            if (digits.Length == 0) throw new FormatException("not a decimal number: " + text);
            if (i < text.Length)
            {
                scale -= int.Parse(text.Substring(i + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            }
            return new JavaDecimal(negative, digits.ToString(), scale);
        }

        // BigDecimal.valueOf(double): the decimal of Double.toString.
        internal static JavaDecimal FromDouble(double d)
        {
            if (double.IsNaN(d) || double.IsInfinity(d))
            {
                // BigDecimal's own words for "Infinity" and "NaN", which the JVM connector reports.
                throw new ArgumentException("Character " + JavaText.DoubleToString(d).TrimStart('-')[0]
                    + " is neither a decimal digit number, decimal point, nor \"e\" notation exponential mark.");
            }
            return Parse(JavaText.DoubleToString(d));
        }

        internal static JavaDecimal FromDecimal(decimal d)
        {
            return Parse(d.ToString(CultureInfo.InvariantCulture));
        }

        internal bool IsZero
        {
            get { return unscaled == "0"; }
        }

        internal bool IsWhole
        {
            get { return scale <= 0 || unscaled.PadLeft(scale + 1, '0').Substring(unscaled.PadLeft(scale + 1, '0').Length - scale).TrimEnd('0').Length == 0; }
        }

        // BigDecimal.toString: scientific notation when the scale is negative or the number is
        // smaller than 10^-6.
        public override string ToString()
        {
            string sign = negative ? "-" : "";
            if (scale == 0) return sign + unscaled;
            long adjusted = -(long)scale + (unscaled.Length - 1);
            if (scale > 0 && adjusted >= -6) return sign + Plain();
            var s = new StringBuilder(sign).Append(unscaled[0]);
            if (unscaled.Length > 1) s.Append('.').Append(unscaled, 1, unscaled.Length - 1);
            s.Append('E');
            if (adjusted > 0) s.Append('+');
            s.Append(adjusted.ToString(CultureInfo.InvariantCulture));
            return s.ToString();
        }

        // BigDecimal.toPlainString.
        internal string ToPlainString()
        {
            return (negative ? "-" : "") + Plain();
        }

        private string Plain()
        {
            if (scale <= 0) return unscaled == "0" ? "0" : unscaled + new string('0', -scale);
            if (unscaled.Length > scale)
            {
                return unscaled.Substring(0, unscaled.Length - scale) + "." + unscaled.Substring(unscaled.Length - scale);
            }
            return "0." + new string('0', scale - unscaled.Length) + unscaled;
        }

        // The value as a .NET decimal (rounded when it has more than 28 digits), for callers.
        internal decimal ToDecimal()
        {
            return decimal.Parse(ToPlainString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        // BigDecimal.longValueExact; false when the value has a fraction or exceeds long.
        internal bool TryLongValueExact(out long value)
        {
            value = 0;
            if (!IsWhole) return false;
            string plain = ToPlainString();
            int point = plain.IndexOf('.');
            if (point >= 0) plain = plain.Substring(0, point);
            return long.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        // Number.longValue: the whole part, truncated (wrapping as Java does is not reproduced).
        internal long LongValue()
        {
            decimal d;
            if (decimal.TryParse(ToPlainString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d))
            {
                d = decimal.Truncate(d);
                if (d >= long.MinValue && d <= long.MaxValue) return (long)d;
            }
            return negative ? long.MinValue : long.MaxValue;
        }

        public bool Equals(JavaDecimal other)
        {
            return other != null && negative == other.negative && unscaled == other.unscaled && scale == other.scale;
        }

        public override bool Equals(object obj)
        {
            return Equals(obj as JavaDecimal);
        }

        public override int GetHashCode()
        {
            return unscaled.GetHashCode() * 31 + scale;
        }
    }
}
