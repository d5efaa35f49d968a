using System;
using System.Collections.Generic;
using System.Linq;
using KustoSpark.Config;
using KustoSpark.Text;

namespace KustoSpark
{
    /// <summary>
    /// Setters for each field of <see cref="SparkIngestionProperties"/>; <see cref="Build"/> checks them
    /// together. Each setter returns this builder; null means absent.
    /// </summary>
    public sealed partial class SparkIngestionPropertiesBuilder
    {
        internal readonly Dictionary<string, object> Fields = new Dictionary<string, object>();

        internal SparkIngestionPropertiesBuilder()
        {
        }

        internal SparkIngestionPropertiesBuilder Set(FieldSpec field, object value)
        {
            if (value == null)
            {
                Fields.Remove(field.Key);
                return this;
            }
            switch (field.Type)
            {
                case FieldType.Instant:
                    value = value is DateTimeOffset ? ((DateTimeOffset)value).UtcDateTime : value is DateTime ? KustoTimes.Utc((DateTime)value)
                        : KustoTimes.ParseInstant((string)value, field.Key) ?? throw new KustoOptionException(field.Key + " has value '" + value
                            + "'; expected an ISO-8601 instant such as 2024-01-02T03:04:05.1234567Z");
                    break;
                case FieldType.Tags:
                    var tags = ((IEnumerable<string>)value).ToList();
                    if (tags.Contains(null)) throw new KustoOptionException(field.Key + " holds a null tag");
                    value = tags.AsReadOnly();
                    break;
                case FieldType.CsvMapping:
                    var mapping = ((IEnumerable<CsvColumnMapping>)value).ToList();
                    if (mapping.Contains(null)) throw new KustoOptionException(field.Key + " holds a null entry");
                    value = mapping.AsReadOnly();
                    break;
                case FieldType.Text:
                    if (string.IsNullOrWhiteSpace((string)value)) throw new KustoOptionException(field.Key + " must not be blank");
                    break;
            }
            Fields[field.Key] = value;
            return this;
        }

        /// <summary>Checks the fields together (a mapping or a mapping's name, each column mapped once) and returns them.</summary>
        /// <exception cref="ArgumentException">When both a mapping and a mapping's name are set, or a column is mapped twice.</exception>
        public SparkIngestionProperties Build()
        {
            object mapping;
            if (Fields.TryGetValue(IngestionFields.CsvMapping.Key, out mapping))
            {
                if (Fields.ContainsKey(IngestionFields.CsvMappingNameReference.Key))
                {
                    throw new KustoOptionException("sparkIngestionProperties: set csvMapping or csvMappingNameReference, not both");
                }
                string twice = ((IReadOnlyList<CsvColumnMapping>)mapping).GroupBy(m => m.Name).Where(g => g.Count() > 1).Select(g => g.Key).FirstOrDefault();
                if (twice != null) throw new KustoOptionException("csvMapping maps column '" + twice + "' twice");
            }
            return new SparkIngestionProperties(new Dictionary<string, object>(Fields));
        }
    }
}
