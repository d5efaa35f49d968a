using System;
using System.Linq;

namespace KustoSpark.Text
{
    // The builders' enums as option strings: canonical names, parsed ignoring case.
    internal static class EnumNames
    {
        // The value whose name equals text ignoring case (after trimming), or null.
        internal static T? ParseOrNull<T>(string text) where T : struct
        {
            if (text == null) return null;
            string trimmed = JavaText.Trim(text);
            foreach (T value in Enum.GetValues(typeof(T)))
            {
                if (string.Equals(value.ToString(), trimmed, StringComparison.OrdinalIgnoreCase)) return value;
            }
            return null;
        }

        // The canonical names, comma separated, for error messages and docs.
        internal static string AllowedValues<T>() where T : struct
        {
            return string.Join(", ", Enum.GetValues(typeof(T)).Cast<T>().Select(v => v.ToString()));
        }

        // The canonical name of a defined value; throws naming the option for an undefined one.
        internal static string Name<T>(T value, string option) where T : struct
        {
            if (!Enum.IsDefined(typeof(T), value))
            {
                throw new KustoOptionException("Option " + option + " has value '" + value + "': allowed values: "
                    + AllowedValues<T>() + ".");
            }
            return value.ToString();
        }
    }
}
