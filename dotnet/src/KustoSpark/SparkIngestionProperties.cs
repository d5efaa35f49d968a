using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Text;
using KustoSpark.Text;

namespace KustoSpark
{
    /// <summary>
    /// Ingestion properties of a write (the option <c>sparkIngestionPropertiesJson</c>): extent tags,
    /// deduplication tags, the extents' creation time and a CSV mapping. Immutable; build one with
    /// <see cref="Builder"/> or parse existing JSON with <see cref="FromJson"/>.
    /// </summary>
    /// <remarks>
    /// Canonical JSON, byte for byte the JVM connector's: the fields that are set, in the order of
    /// <see cref="Fields"/>, with no whitespace. An empty tag list (<c>[]</c>) is kept distinct from an
    /// absent one (field omitted); <c>flushImmediately</c> is written only when true;
    /// <c>creationTime</c> prints as <c>2024-01-02T03:04:05.1234567Z</c>; <c>csvMapping</c> is a string
    /// holding the mapping array, as the established connector reads it.
    /// </remarks>
    /// <example>
    /// <code>
    /// var props = SparkIngestionProperties.Builder()
    ///     .IngestByTags(new[] { "batch-42" })
    ///     .IngestIfNotExists(new[] { "batch-42" })
    ///     .Build();
    /// // {"ingestByTags":["batch-42"],"ingestIfNotExists":["batch-42"]}
    /// string json = props.ToJson();
    /// </code>
    /// </example>
    public sealed class SparkIngestionProperties : IEquatable<SparkIngestionProperties>
    {
        /// <summary>The JSON fields, in canonical order.</summary>
        public static readonly IReadOnlyList<string> Fields = Array.AsReadOnly(new[]
        {
            "flushImmediately", "dropByTags", "ingestByTags", "additionalTags", "ingestIfNotExists", "creationTime",
            "csvMapping", "csvMappingNameReference",
        });

        private static readonly SparkIngestionProperties EmptyProperties = new SparkIngestionPropertiesBuilder().Build();

        internal SparkIngestionProperties(SparkIngestionPropertiesBuilder b)
        {
            FlushImmediately = b.flushImmediately;
            DropByTags = Copy(b.dropByTags);
            IngestByTags = Copy(b.ingestByTags);
            AdditionalTags = Copy(b.additionalTags);
            IngestIfNotExists = Copy(b.ingestIfNotExists);
            CreationTimeInstant = b.creationTime;
            CsvMapping = Copy(b.csvMapping);
            CsvMappingNameReference = b.csvMappingNameReference;
        }

        private static IReadOnlyList<T> Copy<T>(IReadOnlyList<T> list)
        {
            return list == null ? null : new ReadOnlyCollection<T>(list.ToList());
        }

        /// <summary>No properties set.</summary>
        public static SparkIngestionProperties Empty { get { return EmptyProperties; } }

        /// <summary>A new builder with no properties set.</summary>
        public static SparkIngestionPropertiesBuilder Builder()
        {
            return new SparkIngestionPropertiesBuilder();
        }

        /// <summary>A builder holding this object's properties, to derive a changed copy.</summary>
        public SparkIngestionPropertiesBuilder ToBuilder()
        {
            var b = new SparkIngestionPropertiesBuilder();
            b.flushImmediately = FlushImmediately;
            b.dropByTags = DropByTags;
            b.ingestByTags = IngestByTags;
            b.additionalTags = AdditionalTags;
            b.ingestIfNotExists = IngestIfNotExists;
            b.creationTime = CreationTimeInstant;
            b.csvMapping = CsvMapping;
            b.csvMappingNameReference = CsvMappingNameReference;
            return b;
        }

        /// <summary>Whether the ingested data is sealed into extents at once.</summary>
        public bool FlushImmediately { get; }

        /// <summary><c>drop-by:</c> tags of the ingested extents; null when absent (an empty list is set, and empty).</summary>
        public IReadOnlyList<string> DropByTags { get; }

        /// <summary><c>ingest-by:</c> tags of the ingested extents; null when absent.</summary>
        public IReadOnlyList<string> IngestByTags { get; }

        /// <summary>Other tags of the ingested extents; null when absent.</summary>
        public IReadOnlyList<string> AdditionalTags { get; }

        /// <summary><c>ingest-by:</c> tags whose presence skips the ingestion; null when absent.</summary>
        public IReadOnlyList<string> IngestIfNotExists { get; }

        internal JavaInstant? CreationTimeInstant { get; }

        /// <summary>The creation time of the ingested extents (UTC), or null.</summary>
        public DateTime? CreationTime
        {
            get { return CreationTimeInstant == null ? (DateTime?)null : CreationTimeInstant.Value.ToDateTime("creationTime"); }
        }

        /// <summary>The CSV mapping, or null.</summary>
        public IReadOnlyList<CsvColumnMapping> CsvMapping { get; }

        /// <summary>The name of a CSV ingestion mapping defined on the table, or null.</summary>
        public string CsvMappingNameReference { get; }

        /// <summary>The mapping array's JSON, as the ingestion property <c>ingestionMapping</c> takes it, or null.</summary>
        public string CsvMappingJson
        {
            get { return CsvMapping == null ? null : MappingJson(CsvMapping); }
        }

        /// <summary>
        /// The fields set that streaming ingestion cannot honour (tags, deduplication, creation time,
        /// a mapping): the service takes none of these on a streaming request.
        /// </summary>
        public IReadOnlyList<string> FieldsUnsupportedByStreaming()
        {
            var fields = new List<string>();
            if (DropByTags != null && DropByTags.Count > 0) fields.Add("dropByTags");
            if (IngestByTags != null && IngestByTags.Count > 0) fields.Add("ingestByTags");
            if (AdditionalTags != null && AdditionalTags.Count > 0) fields.Add("additionalTags");
            if (IngestIfNotExists != null && IngestIfNotExists.Count > 0) fields.Add("ingestIfNotExists");
            if (CreationTimeInstant != null) fields.Add("creationTime");
            if (CsvMapping != null) fields.Add("csvMapping");
            return fields.AsReadOnly();
        }

        /// <summary>The canonical JSON (see the remarks of the class).</summary>
        public string ToJson()
        {
            var s = new StringBuilder("{");
            if (FlushImmediately) s.Append("\"flushImmediately\":true");
            WriteList(s, "dropByTags", DropByTags);
            WriteList(s, "ingestByTags", IngestByTags);
            WriteList(s, "additionalTags", AdditionalTags);
            WriteList(s, "ingestIfNotExists", IngestIfNotExists);
            if (CreationTimeInstant != null)
            {
                Field(s, "creationTime");
                JsonWriter.WriteString(s, KustoTimes.Instant(CreationTimeInstant.Value, "creationTime"));
            }
            if (CsvMapping != null)
            {
                Field(s, "csvMapping");
                JsonWriter.WriteString(s, MappingJson(CsvMapping));
            }
            if (CsvMappingNameReference != null)
            {
                Field(s, "csvMappingNameReference");
                JsonWriter.WriteString(s, CsvMappingNameReference);
            }
            return s.Append('}').ToString();
        }

        private static void Field(StringBuilder s, string name)
        {
            if (s.Length > 1) s.Append(',');
            s.Append('"').Append(name).Append("\":");
        }

        private static void WriteList(StringBuilder s, string field, IReadOnlyList<string> values)
        {
            if (values == null) return;
            Field(s, field);
            s.Append('[');
            for (int i = 0; i < values.Count; i++)
            {
                if (i > 0) s.Append(',');
                JsonWriter.WriteString(s, values[i]);
            }
            s.Append(']');
        }

        private static string MappingJson(IReadOnlyList<CsvColumnMapping> mapping)
        {
            var s = new StringBuilder("[");
            for (int i = 0; i < mapping.Count; i++)
            {
                if (i > 0) s.Append(',');
                mapping[i].WriteTo(s);
            }
            return s.Append(']').ToString();
        }

        /// <summary>
        /// Parses the established connector's <c>sparkIngestionPropertiesJson</c> (pretty-printed or
        /// not, nulls for absent fields, <c>creationTime</c> as decimal epoch seconds or ISO-8601,
        /// <c>csvMapping</c> as a string holding the mapping array, or the array itself).
        /// </summary>
        /// <param name="json">The JSON text.</param>
        /// <exception cref="ArgumentException">For unknown fields (named, with the allowed ones) and bad values.</exception>
        public static SparkIngestionProperties FromJson(string json)
        {
            if (json == null) throw new ArgumentNullException("json", "sparkIngestionPropertiesJson must not be null");
            JsonValue root = JsonReader.ParseExactNumbers(json, "sparkIngestionPropertiesJson");
            if (!root.IsObject)
            {
                throw new ArgumentException("sparkIngestionPropertiesJson must be a JSON object such as {\"ingestByTags\":[\"tag1\"]}");
            }
            SparkIngestionPropertiesBuilder b = Builder();
            foreach (var f in root.Fields)
            {
                JsonValue v = f.Value;
                string field = f.Key;
                if (v.IsNull)
                {
                    if (!Fields.Contains(field)) throw UnknownField(field);
                    continue;
                }
                switch (field)
                {
                    case "flushImmediately":
                        if (!v.IsBoolean)
                        {
                            throw new ArgumentException("sparkIngestionPropertiesJson field flushImmediately has value "
                                + v + "; allowed values: true, false");
                        }
                        b.FlushImmediately(v.BooleanValue);
                        break;
                    case "dropByTags": b.DropByTags(Strings(v, field)); break;
                    case "ingestByTags": b.IngestByTags(Strings(v, field)); break;
                    case "additionalTags": b.AdditionalTags(Strings(v, field)); break;
                    case "ingestIfNotExists": b.IngestIfNotExists(Strings(v, field)); break;
                    case "creationTime":
                        JavaInstant? t = v.IsNumber ? KustoTimes.ParseInstantOrNull(v.DecimalValue.ToPlainString())
                            : v.IsTextual ? KustoTimes.ParseInstantOrNull(v.TextValue) : null;
                        if (t == null)
                        {
                            throw new ArgumentException("sparkIngestionPropertiesJson field creationTime has value "
                                + v + "; expected an ISO-8601 instant such as 2024-01-02T03:04:05.1234567Z"
                                + " or decimal epoch seconds such as 1704164645.123000000");
                        }
                        try
                        {
                            b.CreationTime(t.Value);
                        }
                        catch (ArgumentException tooFine)
                        {
                            // Name the value as the JSON holds it, not as the instant it was converted to.
                            throw new ArgumentException("sparkIngestionPropertiesJson field creationTime has value "
                                + v + ": " + tooFine.Message, tooFine);
                        }
                        break;
                    case "csvMapping":
                        JsonValue array = v.IsTextual ? JsonReader.Parse(v.TextValue, "sparkIngestionPropertiesJson field csvMapping") : v;
                        if (!array.IsArray)
                        {
                            throw new ArgumentException("sparkIngestionPropertiesJson field csvMapping must hold a JSON"
                                + " array such as [{\"Name\":\"ColA\",\"Ordinal\":0}]");
                        }
                        var mapping = new List<CsvColumnMapping>();
                        for (int i = 0; i < array.Elements.Count; i++) mapping.Add(KustoSpark.CsvColumnMapping.FromJson(array.Elements[i], i));
                        b.CsvMapping(mapping);
                        break;
                    case "csvMappingNameReference":
                        if (!v.IsTextual)
                        {
                            throw new ArgumentException("sparkIngestionPropertiesJson field csvMappingNameReference must be a string");
                        }
                        b.CsvMappingNameReference(v.TextValue);
                        break;
                    default:
                        throw UnknownField(field);
                }
            }
            return b.Build();
        }

        private static ArgumentException UnknownField(string field)
        {
            return new ArgumentException("sparkIngestionPropertiesJson has an unknown field '" + field
                + "'; allowed fields: " + string.Join(", ", Fields));
        }

        private static List<string> Strings(JsonValue v, string field)
        {
            if (!v.IsArray)
            {
                throw new ArgumentException("sparkIngestionPropertiesJson field " + field
                    + " must be a JSON array of strings such as [\"tag1\"], not " + v.TypeName);
            }
            var values = new List<string>();
            foreach (JsonValue e in v.Elements)
            {
                if (!e.IsTextual)
                {
                    throw new ArgumentException("sparkIngestionPropertiesJson field " + field + " holds " + e
                        + "; every element must be a string");
                }
                values.Add(e.TextValue);
            }
            return values;
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

        /// <summary>The canonical JSON (ingestion properties hold no secrets).</summary>
        public override string ToString()
        {
            return ToJson();
        }
    }
}
