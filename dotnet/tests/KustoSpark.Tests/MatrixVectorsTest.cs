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
            JsonValue vector = JsonReader.Parse(File.ReadAllText(Path.Combine(VectorsDirectory, file)), file);
            string builder = Text(vector.Get("builder"));
            if (!Builders.Contains(builder)) Assert.Fail(file + ": unknown builder '" + builder + "'");
            if (!file.StartsWith(builder + "/", StringComparison.Ordinal)) Assert.Fail(file + ": lies in the folder of another builder");
            if (string.IsNullOrWhiteSpace(Text(vector.Get("description")))) Assert.Fail(file + ": has no description");
            JsonValue expect = vector.Get("expect");
            if (expect == null || !expect.IsObject || expect.Fields.Count != 1) Assert.Fail(file + ": expect must hold exactly one of json, options, error");

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
            if (expect.Get("error") != null)
            {
                Assert.Fail(file + ": expected an error but the builder gave " + Describe(result));
            }
            else if (expect.Get("json") != null)
            {
                Assert.AreEqual(expect.Get("json").TextValue, Json(file, result), file + ": ToJson");
            }
            else if (expect.Get("options") != null)
            {
                IDictionary<string, string> actual = Options(file, result);
                var expected = expect.Get("options").Fields.Select(f => f.Key + "=" + f.Value.AsText()).ToList();
                CollectionAssert.AreEqual(expected, actual.Select(e => e.Key + "=" + e.Value).ToList(), file + ": ToOptions (keys in order)");
            }
            else
            {
                Assert.Fail(file + ": unknown expect form " + expect.Fields[0].Key);
            }
        }

        private static string Text(JsonValue v)
        {
            return v == null || !v.IsTextual ? "" : v.TextValue;
        }

        private static void CheckError(string file, JsonValue expect, ArgumentException e)
        {
            JsonValue error = expect.Get("error");
            if (error == null) throw new AssertionException(file + ": unexpected error: " + e, e);
            string kind = Text(error.Get("kind"));
            if (!ErrorKinds.Contains(kind)) Assert.Fail(file + ": unknown error kind '" + kind + "'");
            JsonValue contains = error.Get("contains");
            if (contains == null || !contains.IsArray || contains.Elements.Count == 0)
            {
                Assert.Fail(file + ": error.contains must list the option and value the message names");
            }
            foreach (JsonValue part in contains.Elements)
            {
                StringAssert.Contains(part.AsText(), e.Message, file + ": message lacks '" + part.AsText() + "'");
            }
            JsonValue excludes = error.Get("excludes");
            if (excludes != null)
            {
                foreach (JsonValue part in excludes.Elements)
                {
                    Assert.That(e.Message.Contains(part.AsText()), Is.False, file + ": message shows '" + part.AsText() + "': " + e.Message);
                }
            }
        }

        private static object Build(string file, string builder, JsonValue vector)
        {
            JsonValue fromJson = vector.Get("fromJson");
            if (fromJson != null)
            {
                if (vector.Get("steps") != null) Assert.Fail(file + ": has both steps and fromJson");
                switch (builder)
                {
                    case "ClientRequestProperties": return ClientRequestProperties.FromJson(fromJson.TextValue);
                    case "SparkIngestionProperties": return SparkIngestionProperties.FromJson(fromJson.TextValue);
                    default: throw new AssertionException(file + ": " + builder + " has no FromJson");
                }
            }
            JsonValue steps = vector.Get("steps");
            if (steps == null || !steps.IsArray) Assert.Fail(file + ": needs steps or fromJson");
            switch (builder)
            {
                case "ClientRequestProperties":
                    ClientRequestPropertiesBuilder crp = ClientRequestProperties.Builder();
                    foreach (JsonValue step in steps.Elements) Call(file, crp, step);
                    return crp.Build();
                case "SparkIngestionProperties":
                    SparkIngestionPropertiesBuilder sip = SparkIngestionProperties.Builder();
                    foreach (JsonValue step in steps.Elements) Call(file, sip, step);
                    return sip.Build();
                case "KustoReadOptions":
                    object read = KustoReadOptions.Create();
                    foreach (JsonValue step in steps.Elements) read = Call(file, read, step);
                    return read;
                default:
                    object write = KustoWriteOptions.Create();
                    foreach (JsonValue step in steps.Elements) write = Call(file, write, step);
                    return write;
            }
        }

        /// Calls the public method the step names (Java's name in PascalCase), converting its neutral
        /// arguments to the parameter types; typed overloads (TimeSpan, DateTime...) are tried before
        /// the ones taking text.
        private static object Call(string file, object target, JsonValue step)
        {
            string javaName = Text(step.Get("call"));
            string name = char.ToUpperInvariant(javaName[0]) + javaName.Substring(1);
            JsonValue args = step.Get("args");
            if (args != null && !args.IsArray) Assert.Fail(file + ": args of " + javaName + " must be an array");
            IList<JsonValue> argList = args == null ? new List<JsonValue>() : args.Elements;
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
            throw new AssertionException(file + ": cannot convert the arguments " + args + " of " + javaName);
        }

        private static object[] ConvertAll(string file, MethodInfo method, IList<JsonValue> args)
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
        private static bool TryConvert(string file, Type type, JsonValue arg, out object value)
        {
            value = null;
            Type underlying = Nullable.GetUnderlyingType(type);
            if (arg.IsNull) return !type.IsValueType || underlying != null;
            Type t = underlying ?? type;
            long l;
            if (t == typeof(string))
            {
                value = arg.TextValue;
                return arg.IsTextual;
            }
            if (t == typeof(long) || t == typeof(int))
            {
                if (!arg.IsIntegralNumber || !long.TryParse(arg.NumberText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out l)) return false;
                if (t == typeof(int) && (l < int.MinValue || l > int.MaxValue)) return false;
                value = t == typeof(int) ? (object)(int)l : l;
                return true;
            }
            if (t == typeof(bool))
            {
                value = arg.BooleanValue;
                return arg.IsBoolean;
            }
            if (t == typeof(double))
            {
                if (arg.IsNumber) value = double.Parse(arg.NumberText, NumberStyles.Float, CultureInfo.InvariantCulture);
                else if (Text(arg) == "NaN") value = double.NaN;
                else if (Text(arg) == "Infinity") value = double.PositiveInfinity;
                else if (Text(arg) == "-Infinity") value = double.NegativeInfinity;
                return value != null;
            }
            if (t == typeof(TimeSpan))
            {
                RequireForm(file, arg, Timespan, "timespan");
                value = KustoTimes.ParseTimespanOrNull(arg.TextValue).Value.ToTimeSpan();
                return true;
            }
            if (t == typeof(DateTime))
            {
                RequireForm(file, arg, Instant, "instant");
                value = KustoTimes.ParseInstantOrNull(arg.TextValue).Value.ToDateTime(arg.TextValue);
                return true;
            }
            if (t == typeof(DateTimeOffset)) return false; // DateTime covers instants
            if (t == typeof(Guid))
            {
                Guid g;
                if (!arg.IsTextual || !Guid.TryParseExact(arg.TextValue, "D", out g)) return false;
                value = g;
                return true;
            }
            if (t.IsEnum)
            {
                if (!arg.IsTextual || !Enum.GetNames(t).Contains(arg.TextValue)) return false;
                value = Enum.Parse(t, arg.TextValue);
                return true;
            }
            if (t == typeof(ClientRequestProperties))
            {
                if (!arg.IsTextual) return false;
                value = ClientRequestProperties.FromJson(arg.TextValue);
                return true;
            }
            if (t == typeof(SparkIngestionProperties))
            {
                if (!arg.IsTextual) return false;
                value = SparkIngestionProperties.FromJson(arg.TextValue);
                return true;
            }
            if (t == typeof(IEnumerable<string>))
            {
                if (!arg.IsArray || arg.Elements.Any(e => !e.IsTextual)) return false;
                value = arg.Elements.Select(e => e.TextValue).ToList();
                return true;
            }
            if (t == typeof(IEnumerable<CsvColumnMapping>))
            {
                if (!arg.IsArray || arg.Elements.Any(e => !e.IsObject)) return false;
                value = arg.Elements.Select(e => Mapping(file, e)).ToList();
                return true;
            }
            if (t == typeof(object))
            {
                if (arg.IsTextual) value = arg.TextValue;
                else if (arg.IsBoolean) value = arg.BooleanValue;
                else if (arg.IsIntegralNumber && long.TryParse(arg.NumberText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out l)) value = l;
                else if (arg.IsNumber) value = decimal.Parse(arg.NumberText, NumberStyles.Float, CultureInfo.InvariantCulture);
                return value != null;
            }
            return false;
        }

        private static void RequireForm(string file, JsonValue arg, Regex form, string what)
        {
            if (!arg.IsTextual || !form.IsMatch(arg.TextValue)) Assert.Fail(file + ": " + arg + " is not in the neutral " + what + " form");
        }

        private static CsvColumnMapping Mapping(string file, JsonValue entry)
        {
            foreach (var field in entry.Fields)
            {
                if (!new[] { "Name", "Ordinal", "ConstValue", "DataType" }.Contains(field.Key))
                {
                    Assert.Fail(file + ": unknown csv mapping field '" + field.Key + "'");
                }
            }
            bool hasOrdinal = entry.Get("Ordinal") != null;
            if (hasOrdinal == (entry.Get("ConstValue") != null)) Assert.Fail(file + ": a csv mapping entry needs exactly one of Ordinal and ConstValue");
            string name = entry.Get("Name") == null || entry.Get("Name").IsNull ? null : entry.Get("Name").AsText();
            CsvColumnMapping m = hasOrdinal ? CsvColumnMapping.OfOrdinal(name, (int)entry.Get("Ordinal").LongValue)
                : CsvColumnMapping.OfConstant(name, entry.Get("ConstValue").AsText());
            return entry.Get("DataType") != null ? m.WithDataType(entry.Get("DataType").AsText()) : m;
        }

        private static string Json(string file, object result)
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
            return result is KustoReadOptions || result is KustoWriteOptions ? result.ToString() : Json("", result);
        }
    }
}
