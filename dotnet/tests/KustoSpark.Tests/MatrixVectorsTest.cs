using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using KustoSpark.Text;
using NUnit.Framework;

namespace KustoSpark.Tests
{
    /// The cross-language builder vectors of test-matrix/vectors (format in test-matrix/README.md):
    /// every file is one test case against the C# builders. A vector whose builder, call, argument or
    /// expectation this runner cannot handle fails, naming the file, so no vector is silently skipped.
    /// JSON is compared by meaning (Same), as the README says, not byte for byte.
    [TestFixture]
    public class MatrixVectorsTest
    {
        private static readonly string[] Builders = { "ClientRequestProperties", "SparkIngestionProperties", "KustoReadOptions", "KustoWriteOptions" };
        private static readonly string[] ErrorKinds = { "invalid-value", "invalid-json", "unknown-field", "conflict" };
        // The neutral argument forms; stricter than what the builders accept.
        private static readonly Regex Timespan = new Regex(@"\A-?([0-9]+\.)?[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?\z");
        private static readonly Regex Instant = new Regex(@"\A[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?Z\z");

        private static string VectorsDirectory
        {
            get { return ProjectFiles.PathOf("test-matrix", "vectors"); }
        }

        private static List<string> VectorFiles()
        {
            if (!Directory.Exists(VectorsDirectory)) return new List<string>();
            return Directory.GetFiles(VectorsDirectory, "*.json", SearchOption.AllDirectories)
                .Select(f => f.Substring(VectorsDirectory.Length + 1).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
        }

        public static IEnumerable<TestCaseData> Vectors()
        {
            return VectorFiles().Select(f => new TestCaseData(f).SetName("vector " + f));
        }

        [Test]
        public void EveryBuilderHasVectors()
        {
            List<string> files = VectorFiles();
            Assert.That(files.Count, Is.GreaterThanOrEqualTo(45), "vectors in " + VectorsDirectory);
            foreach (string builder in Builders)
            {
                Assert.That(files.Any(f => f.StartsWith(builder + "/", StringComparison.Ordinal)), "no vectors for " + builder);
            }
        }

        [TestCaseSource("Vectors")]
        public void Vector(string file)
        {
            var vector = (JsonObject)Json.Parse(File.ReadAllText(Path.Combine(VectorsDirectory, file)), file);
            string builder = Text(vector["builder"]);
            if (!file.StartsWith(builder + "/", StringComparison.Ordinal)) Assert.Fail(file + ": lies in the folder of another builder");
            Run(file, vector);
        }

        private static void Run(string file, JsonObject vector)
        {
            string builder = Text(vector["builder"]);
            if (!Builders.Contains(builder)) Assert.Fail(file + ": unknown builder '" + builder + "'");
            if (string.IsNullOrWhiteSpace(Text(vector["description"]))) Assert.Fail(file + ": has no description");
            var expect = vector["expect"] as JsonObject;
            if (expect == null || expect.Count != 1) Assert.Fail(file + ": expect must hold exactly one of json, options, error");

            object result;
            try
            {
                result = Build(file, builder, vector);
            }
            catch (ArgumentException e)
            {
                CheckError(file, expect, e);
                return;
            }
            if (expect["error"] != null)
            {
                Assert.Fail(file + ": expected an error but the builder gave " + Describe(result));
            }
            else if (expect["json"] != null)
            {
                string actual = ToJson(file, result);
                Assert.IsTrue(Same(Json.Parse((string)expect["json"], file), Json.Parse(actual, file)),
                    file + ": ToJson " + actual + " means other than " + expect["json"]);
                string again = ToJson(file, result is ClientRequestProperties ? (object)ClientRequestProperties.FromJson(actual) : SparkIngestionProperties.FromJson(actual));
                Assert.IsTrue(Same(Json.Parse(actual, file), Json.Parse(again, file)), file + ": FromJson(ToJson()) gives " + again);
            }
            else if (expect["options"] != null)
            {
                IDictionary<string, string> actual = Options(file, result);
                var expected = (JsonObject)expect["options"];
                Assert.IsTrue(expected.Count == actual.Count && expected.All(e => actual.ContainsKey(e.Key) && Same(e.Value, actual[e.Key])),
                    file + ": ToOptions " + Describe(result));
            }
            else
            {
                Assert.Fail(file + ": unknown expect form " + expect[0].Key);
            }
        }

        private static string Text(object v)
        {
            return v as string ?? "";
        }

        private static void CheckError(string file, JsonObject expect, ArgumentException e)
        {
            var error = expect["error"] as JsonObject;
            if (error == null) throw new AssertionException(file + ": unexpected error: " + e, e);
            string kind = Text(error["kind"]);
            if (!ErrorKinds.Contains(kind)) Assert.Fail(file + ": unknown error kind '" + kind + "'");
            var contains = error["contains"] as List<object>;
            if (contains == null || contains.Count == 0)
            {
                Assert.Fail(file + ": error.contains must list the option and value the message names");
            }
            foreach (string part in contains)
            {
                StringAssert.Contains(part, e.Message, file + ": message lacks '" + part + "'");
            }
            foreach (string part in error["excludes"] as List<object> ?? new List<object>())
            {
                Assert.That(e.Message.Contains(part), Is.False, file + ": message shows '" + part + "': " + e.Message);
            }
        }

        private static object Build(string file, string builder, JsonObject vector)
        {
            var fromJson = vector["fromJson"] as string;
            if (fromJson != null)
            {
                if (vector["steps"] != null) Assert.Fail(file + ": has both steps and fromJson");
                switch (builder)
                {
                    case "ClientRequestProperties": return ClientRequestProperties.FromJson(fromJson);
                    case "SparkIngestionProperties": return SparkIngestionProperties.FromJson(fromJson);
                    default: throw new AssertionException(file + ": " + builder + " has no FromJson");
                }
            }
            var steps = vector["steps"] as List<object>;
            if (steps == null) Assert.Fail(file + ": needs steps or fromJson");
            switch (builder)
            {
                case "ClientRequestProperties":
                    ClientRequestPropertiesBuilder crp = ClientRequestProperties.Builder();
                    foreach (JsonObject step in steps) Call(file, crp, step);
                    return crp.Build();
                case "SparkIngestionProperties":
                    SparkIngestionPropertiesBuilder sip = SparkIngestionProperties.Builder();
                    foreach (JsonObject step in steps) Call(file, sip, step);
                    return sip.Build();
                case "KustoReadOptions":
                    object read = KustoReadOptions.Create();
                    foreach (JsonObject step in steps) read = Call(file, read, step);
                    return read;
                default:
                    object write = KustoWriteOptions.Create();
                    foreach (JsonObject step in steps) write = Call(file, write, step);
                    return write;
            }
        }

        /// Calls the public method the step names (Java's name in PascalCase), converting its neutral
        /// arguments to the parameter types; typed overloads (TimeSpan, DateTime...) are tried before
        /// the ones taking text.
        private static object Call(string file, object target, JsonObject step)
        {
            string javaName = Text(step["call"]);
            string name = char.ToUpperInvariant(javaName[0]) + javaName.Substring(1);
            object args = step["args"];
            if (args != null && !(args is List<object>)) Assert.Fail(file + ": args of " + javaName + " must be an array");
            IList<object> argList = (List<object>)args ?? new List<object>();
            List<MethodInfo> candidates = target.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name == name && m.GetParameters().Length == argList.Count)
                .OrderBy(m => m.GetParameters().Count(p => p.ParameterType == typeof(string)))
                .ToList();
            if (candidates.Count == 0)
            {
                Assert.Fail(file + ": " + target.GetType().Name + " has no method " + name + " with " + argList.Count + " arguments");
            }
            foreach (MethodInfo method in candidates)
            {
                object[] converted = ConvertAll(file, method, argList);
                if (converted == null) continue;
                try
                {
                    return method.Invoke(target, converted);
                }
                catch (TargetInvocationException e)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                }
            }
            throw new AssertionException(file + ": cannot convert the arguments " + Json.Write(args) + " of " + javaName);
        }

        private static object[] ConvertAll(string file, MethodInfo method, IList<object> args)
        {
            ParameterInfo[] parameters = method.GetParameters();
            var converted = new object[args.Count];
            for (int i = 0; i < args.Count; i++)
            {
                object value;
                if (!TryConvert(file, parameters[i].ParameterType, args[i], out value)) return null;
                converted[i] = value;
            }
            return converted;
        }

        /// The argument as the parameter's type; false when the neutral form does not fit that type.
        private static bool TryConvert(string file, Type type, object arg, out object value)
        {
            value = null;
            Type underlying = Nullable.GetUnderlyingType(type);
            if (arg == null) return !type.IsValueType || underlying != null;
            Type t = underlying ?? type;
            var text = arg as string;
            var number = arg as JsonNumber;
            var list = arg as List<object>;
            long l;
            if (t == typeof(string)) value = text;
            else if (t == typeof(long) || t == typeof(int))
            {
                if (number == null || !number.TryLong(out l) || (t == typeof(int) && (l < int.MinValue || l > int.MaxValue))) return false;
                value = t == typeof(int) ? (object)(int)l : l;
            }
            else if (t == typeof(bool)) value = arg as bool?;
            else if (t == typeof(double))
            {
                var specials = new Dictionary<string, double> { { "NaN", double.NaN }, { "Infinity", double.PositiveInfinity }, { "-Infinity", double.NegativeInfinity } };
                if (number != null) value = double.Parse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
                else if (text != null && specials.ContainsKey(text)) value = specials[text];
            }
            else if (t == typeof(TimeSpan))
            {
                RequireForm(file, text, Timespan, "timespan");
                value = KustoTimes.ParseTimespan(text, "timespan").Value;
            }
            else if (t == typeof(DateTime))
            {
                RequireForm(file, text, Instant, "instant");
                value = KustoTimes.ParseInstant(text, "instant").Value;
            }
            else if (t == typeof(Guid))
            {
                Guid g;
                if (text != null && Guid.TryParseExact(text, "D", out g)) value = g;
            }
            else if (t.IsEnum)
            {
                if (text != null && Enum.GetNames(t).Contains(text)) value = Enum.Parse(t, text);
            }
            else if (t == typeof(ClientRequestProperties)) value = text == null ? null : ClientRequestProperties.FromJson(text);
            else if (t == typeof(SparkIngestionProperties)) value = text == null ? null : SparkIngestionProperties.FromJson(text);
            else if (t == typeof(IEnumerable<string>))
            {
                if (list != null && list.All(e => e is string)) value = list.Cast<string>().ToList();
            }
            else if (t == typeof(IEnumerable<CsvColumnMapping>))
            {
                if (list != null && list.All(e => e is JsonObject)) value = list.Select(e => Mapping(file, (JsonObject)e)).ToList();
            }
            else if (t == typeof(object))
            {
                if (number != null && number.TryLong(out l)) value = l;
                else if (number != null) value = double.Parse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
                else if (text != null || arg is bool) value = arg;
            }
            return value != null;
        }

        private static void RequireForm(string file, string arg, Regex form, string what)
        {
            if (arg == null || !form.IsMatch(arg)) Assert.Fail(file + ": " + arg + " is not in the neutral " + what + " form");
        }

        private static CsvColumnMapping Mapping(string file, JsonObject entry)
        {
            foreach (var field in entry)
            {
                if (!new[] { "Name", "Ordinal", "ConstValue", "DataType" }.Contains(field.Key))
                {
                    Assert.Fail(file + ": unknown csv mapping field '" + field.Key + "'");
                }
            }
            bool hasOrdinal = entry["Ordinal"] != null;
            if (hasOrdinal == (entry["ConstValue"] != null)) Assert.Fail(file + ": a csv mapping entry needs exactly one of Ordinal and ConstValue");
            long ordinal = 0;
            if (hasOrdinal) ((JsonNumber)entry["Ordinal"]).TryLong(out ordinal);
            CsvColumnMapping m = hasOrdinal ? CsvColumnMapping.OfOrdinal(entry["Name"] as string, (int)ordinal)
                : CsvColumnMapping.OfConstant(entry["Name"] as string, (string)entry["ConstValue"]);
            return entry["DataType"] != null ? m.WithDataType((string)entry["DataType"]) : m;
        }

        private static readonly Regex Literal = new Regex(@"\A([a-z]+)\((.*)\)\z", RegexOptions.Singleline);
        private static readonly Regex AnyInstant = new Regex(@"\A[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})\z");

        /// Equal as JSON values: objects as maps, numbers by value, instants as instants, CSL literals
        /// and strings holding JSON by what they hold.
        private static bool Same(object expected, object actual)
        {
            var eo = expected as JsonObject;
            var ao = actual as JsonObject;
            if (eo != null && ao != null) return eo.Count == ao.Count && eo.All(f => ao.Any(a => a.Key == f.Key && Same(f.Value, a.Value)));
            var el = expected as List<object>;
            var al = actual as List<object>;
            if (el != null && al != null) return el.Count == al.Count && el.Zip(al, Same).All(same => same);
            var en = expected as JsonNumber;
            var an = actual as JsonNumber;
            if (en != null && an != null) return Number(en.Text) == Number(an.Text);
            var es = expected as string;
            var a_s = actual as string;
            if (es != null && a_s != null) return es == a_s || SameText(es, a_s);
            return Equals(expected, actual);
        }

        private static bool SameText(string expected, string actual)
        {
            if (AnyInstant.IsMatch(expected) && AnyInstant.IsMatch(actual))
            {
                return KustoTimes.ParseInstant(expected, "expected") == KustoTimes.ParseInstant(actual, "actual");
            }
            Match e = Literal.Match(expected), a = Literal.Match(actual);
            if (e.Success && a.Success && e.Groups[1].Value == a.Groups[1].Value)
            {
                string ei = e.Groups[2].Value, ai = a.Groups[2].Value;
                if (Number(ei) != null && Number(ai) != null) return Number(ei) == Number(ai);
                return e.Groups[1].Value == "dynamic" ? Same(Json.Parse(ei, "expected"), Json.Parse(ai, "actual")) : ei == ai || SameText(ei, ai);
            }
            if ("[{".Contains(expected[0].ToString()) && actual.Length > 0 && "[{".Contains(actual[0].ToString()))
            {
                try
                {
                    return Same(Json.Parse(expected, "expected"), Json.Parse(actual, "actual"));
                }
                catch (ArgumentException)
                {
                    return false;
                }
            }
            return false;
        }

        // Exact for JSON numbers and real literals, beyond decimal's range too (as a normalised text).
        private static string Number(string text)
        {
            var m = Regex.Match(text, @"\A(-?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?\z");
            if (!m.Success) return null;
            string digits = (m.Groups[2].Value + m.Groups[3].Value).TrimStart('0');
            int exponent = (m.Groups[4].Success ? int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture) : 0) - m.Groups[3].Value.Length;
            string trimmed = digits.TrimEnd('0');
            exponent += digits.Length - trimmed.Length;
            return trimmed.Length == 0 ? "0" : m.Groups[1].Value + trimmed + "e" + exponent;
        }

        private static string ToJson(string file, object result)
        {
            var crp = result as ClientRequestProperties;
            if (crp != null) return crp.ToJson();
            var sip = result as SparkIngestionProperties;
            if (sip != null) return sip.ToJson();
            throw new AssertionException(file + ": expect.json needs ClientRequestProperties or SparkIngestionProperties");
        }

        private static IDictionary<string, string> Options(string file, object result)
        {
            var read = result as KustoReadOptions;
            if (read != null) return read.ToOptions();
            var write = result as KustoWriteOptions;
            if (write != null) return write.ToOptions();
            throw new AssertionException(file + ": expect.options needs KustoReadOptions or KustoWriteOptions");
        }

        private static string Describe(object result)
        {
            return result is KustoReadOptions || result is KustoWriteOptions ? result.ToString() : ToJson("", result);
        }
    }
}
