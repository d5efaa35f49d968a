using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KustoSpark.Config;
using KustoSpark.Text;

namespace KustoSpark
{
    /// <summary>
    /// Ingestion properties of a write (the option <c>sparkIngestionPropertiesJson</c>): extent tags,
    /// deduplication tags, the extents' creation time and a CSV mapping. Immutable; build one with
    /// <see cref="Builder"/> or parse existing JSON with <see cref="FromJson"/>.
    /// </summary>
    /// <remarks>
    /// <see cref="ToJson"/> writes the fields that are set, in the order of <see cref="Fields"/>. An
    /// empty tag list is kept distinct from an absent one (left out); <c>flushImmediately</c> is written
    /// only when true; <c>creationTime</c> prints as <c>2024-01-02T03:04:05.1234567Z</c>;
    /// <c>csvMapping</c> is a string holding the mapping array, as the established connector reads it.
    /// </remarks>
    /// <example>
    /// <code>
    /// var properties = SparkIngestionProperties.Builder().IngestByTags(new[] { "day-1" }).Build();
    /// </code>
    /// </example>
    public sealed partial class SparkIngestionProperties : IEquatable<SparkIngestionProperties>
    {
        // Built on first use: the static fields of the generated part of this class may initialise after this one's.
        private static SparkIngestionProperties empty;

        // By JSON key: bool, IReadOnlyList<string>, DateTime (UTC), IReadOnlyList<CsvColumnMapping> or string.
        private readonly Dictionary<string, object> fields;

        internal SparkIngestionProperties(Dictionary<string, object> fields)
        {
            this.fields = fields;
        }

        /// <summary>No properties set.</summary>
        public static SparkIngestionProperties Empty { get { return empty ?? (empty = new SparkIngestionPropertiesBuilder().Build()); } }

        /// <summary>A builder with nothing set.</summary>
        public static SparkIngestionPropertiesBuilder Builder()
        {
            return new SparkIngestionPropertiesBuilder();
        }

        /// <summary>A builder holding this object's fields, to derive a changed copy.</summary>
        public SparkIngestionPropertiesBuilder ToBuilder()
        {
            var b = new SparkIngestionPropertiesBuilder();
            foreach (var f in fields) b.Fields[f.Key] = f.Value;
            return b;
        }

        private object Get(FieldSpec field)
        {
            object value;
            return fields.TryGetValue(field.Key, out value) ? value : field.Type == FieldType.Boolean ? (object)false : null;
        }

        /// <summary>The mapping array's JSON, as the ingestion property <c>ingestionMapping</c> takes it, or null.</summary>
        public string CsvMappingJson
        {
            get { return CsvMapping == null ? null : Json.Write(CsvMapping.Select(m => m.ToJsonObject())); }
        }

        /// <summary>
        /// The fields set that streaming ingestion cannot honour (the service takes none of them on a
        /// streaming request): non-empty tag lists, <c>creationTime</c> and <c>csvMapping</c>.
        /// </summary>
        public IReadOnlyList<string> FieldsUnsupportedByStreaming()
        {
            return IngestionFields.All.Where(f => f.Type == FieldType.Tags ? fields.ContainsKey(f.Key) && ((IReadOnlyList<string>)fields[f.Key]).Count > 0
                : (f.Type == FieldType.Instant || f.Type == FieldType.CsvMapping) && fields.ContainsKey(f.Key)).Select(f => f.Key).ToList().AsReadOnly();
        }

        /// <summary>The JSON (see the remarks).</summary>
        public string ToJson()
        {
            var json = new JsonObject();
            foreach (FieldSpec f in IngestionFields.All.Where(f => fields.ContainsKey(f.Key) && !false.Equals(fields[f.Key])))
            {
                object value = f.Type == FieldType.Instant ? KustoTimes.Format((DateTime)fields[f.Key])
                    : f.Type == FieldType.CsvMapping ? CsvMappingJson : fields[f.Key];
                json.Add(new KeyValuePair<string, object>(f.Key, value));
            }
            return Json.Write(json);
        }

        /// <summary>
        /// Parses the established connector's <c>sparkIngestionPropertiesJson</c>: pretty-printed or
        /// not, nulls for absent fields, <c>creationTime</c> as decimal epoch seconds or ISO-8601,
        /// <c>csvMapping</c> as a string holding the mapping array, or the array itself.
        /// </summary>
        /// <param name="json">The JSON.</param>
        /// <exception cref="ArgumentException">For unknown fields (named, with the allowed ones) and bad values.</exception>
        public static SparkIngestionProperties FromJson(string json)
        {
            var root = Json.Parse(json, "sparkIngestionPropertiesJson") as JsonObject;
            if (root == null) throw new KustoOptionException("sparkIngestionPropertiesJson must be a JSON object such as {\"ingestByTags\":[\"tag1\"]}");
            SparkIngestionPropertiesBuilder b = Builder();
            foreach (var f in root)
            {
                FieldSpec field = IngestionFields.All.FirstOrDefault(s => s.Key == f.Key);
                if (field == null)
                {
                    throw new KustoOptionException("sparkIngestionPropertiesJson has an unknown field '" + f.Key + "'; allowed fields: "
                        + string.Join(", ", Fields));
                }
                if (f.Value != null) b.Set(field, FromJsonValue(field, f.Value));
            }
            return b.Build();
        }

        private static object FromJsonValue(FieldSpec field, object value)
        {
            string shown = "sparkIngestionPropertiesJson field " + field.Key;
            switch (field.Type)
            {
                case FieldType.Boolean:
                    if (value is bool) return value;
                    throw new KustoOptionException(shown + " has value " + Json.Write(value) + "; allowed values: true, false");
                case FieldType.Tags:
                    var tags = value as List<object>;
                    if (tags == null)
                    {
                        throw new KustoOptionException(shown + " must be a JSON array of strings such as [\"tag1\"], not " + Json.TypeName(value));
                    }
                    object notText = tags.FirstOrDefault(t => !(t is string));
                    if (notText != null || tags.Contains(null)) throw new KustoOptionException(shown + " holds " + Json.Write(notText) + "; every element must be a string");
                    return tags.Cast<string>().ToList();
                case FieldType.Instant:
                    string text = value as string ?? (value as JsonNumber)?.Text;
                    DateTime? at = text == null ? null : KustoTimes.ParseInstant(text, field.Key);
                    if (at != null) return at;
                    throw new KustoOptionException(shown + " has value " + Json.Write(value) + "; expected an ISO-8601 instant such as"
                        + " 2024-01-02T03:04:05.1234567Z or decimal epoch seconds such as 1704164645.123000000");
                case FieldType.CsvMapping:
                    var array = (value is string ? Json.Parse((string)value, shown) : value) as List<object>;
                    if (array == null) throw new KustoOptionException(shown + " must hold a JSON array such as [{\"Name\":\"ColA\",\"Ordinal\":0}]");
                    return array.Select((node, i) => CsvColumnMapping.FromJson(node, i)).ToList();
                default:
                    if (value is string) return value;
                    throw new KustoOptionException(shown + " must be a string");
            }
        }

        /// <summary>Whether <paramref name="other"/> holds the same properties.</summary>
        /// <param name="other">Other properties.</param>
        public bool Equals(SparkIngestionProperties other)
        {
            return other != null && ToJson() == other.ToJson();
        }

        /// <summary>Whether <paramref name="obj"/> holds the same properties.</summary>
        /// <param name="obj">Another object.</param>
        public override bool Equals(object obj)
        {
            return Equals(obj as SparkIngestionProperties);
        }

        /// <summary>A hash of the properties.</summary>
        public override int GetHashCode()
        {
            return StringComparer.Ordinal.GetHashCode(ToJson());
        }

        /// <summary>The JSON, as <see cref="ToJson"/>.</summary>
        public override string ToString()
        {
            return ToJson();
        }
    }
}
