using System;
using System.Collections.Generic;
using System.Linq;
using KustoSpark.Text;

namespace KustoSpark
{
    /// <summary>
    /// Setters for each field of a <see cref="SparkIngestionProperties"/>, returning this builder;
    /// <see cref="Build"/> checks them together. A null list means absent; an empty list is written
    /// as <c>[]</c>.
    /// </summary>
    public sealed class SparkIngestionPropertiesBuilder
    {
        internal bool flushImmediately;
        internal IReadOnlyList<string> dropByTags;
        internal IReadOnlyList<string> ingestByTags;
        internal IReadOnlyList<string> additionalTags;
        internal IReadOnlyList<string> ingestIfNotExists;
        internal JavaInstant? creationTime;
        internal IReadOnlyList<CsvColumnMapping> csvMapping;
        internal string csvMappingNameReference;

        internal SparkIngestionPropertiesBuilder()
        {
        }

        /// <summary>Seal the ingested data into extents at once instead of waiting for the batching policy.</summary>
        /// <param name="value">Whether to flush at once.</param>
        public SparkIngestionPropertiesBuilder FlushImmediately(bool value)
        {
            flushImmediately = value;
            return this;
        }

        /// <summary><c>drop-by:</c> tags on the ingested extents (null for absent, empty for an explicit empty list).</summary>
        /// <param name="tags">The tags.</param>
        public SparkIngestionPropertiesBuilder DropByTags(IEnumerable<string> tags)
        {
            dropByTags = Tags(tags, "dropByTags");
            return this;
        }

        /// <summary><c>ingest-by:</c> tags on the ingested extents.</summary>
        /// <param name="tags">The tags, or null for absent.</param>
        public SparkIngestionPropertiesBuilder IngestByTags(IEnumerable<string> tags)
        {
            ingestByTags = Tags(tags, "ingestByTags");
            return this;
        }

        /// <summary>Other tags on the ingested extents.</summary>
        /// <param name="tags">The tags, or null for absent.</param>
        public SparkIngestionPropertiesBuilder AdditionalTags(IEnumerable<string> tags)
        {
            additionalTags = Tags(tags, "additionalTags");
            return this;
        }

        /// <summary>Skip the ingestion if an extent already has one of these <c>ingest-by:</c> tags.</summary>
        /// <param name="tags">The tags, or null for absent.</param>
        public SparkIngestionPropertiesBuilder IngestIfNotExists(IEnumerable<string> tags)
        {
            ingestIfNotExists = Tags(tags, "ingestIfNotExists");
            return this;
        }

        /// <summary>The creation time of the ingested extents (for retention of back-filled data).</summary>
        /// <param name="time">The instant (a DateTime of kind Unspecified is taken as UTC), or null for none.</param>
        public SparkIngestionPropertiesBuilder CreationTime(DateTime? time)
        {
            creationTime = null;
            return time == null ? this : CreationTime(JavaInstant.FromDateTime(time.Value));
        }

        /// <summary>The creation time of the ingested extents.</summary>
        /// <param name="time">The instant, or null for none.</param>
        public SparkIngestionPropertiesBuilder CreationTime(DateTimeOffset? time)
        {
            return CreationTime(time == null ? (DateTime?)null : time.Value.UtcDateTime);
        }

        /// <summary>The creation time from ISO-8601 text (<c>2024-01-02T03:04:05.1234567Z</c>) or decimal epoch seconds.</summary>
        /// <param name="time">The instant as text (100 ns precision at most), or null for none.</param>
        public SparkIngestionPropertiesBuilder CreationTime(string time)
        {
            if (time == null)
            {
                creationTime = null;
                return this;
            }
            JavaInstant? parsed = KustoTimes.ParseInstantOrNull(time);
            if (parsed == null)
            {
                throw new ArgumentException("creationTime has value '" + time
                    + "'; expected an ISO-8601 instant such as 2024-01-02T03:04:05.1234567Z");
            }
            return CreationTime(parsed.Value);
        }

        internal SparkIngestionPropertiesBuilder CreationTime(JavaInstant time)
        {
            KustoTimes.Instant(time, "creationTime");
            creationTime = time;
            return this;
        }

        /// <summary>A CSV mapping from the written columns to the table's (null for none).</summary>
        /// <param name="mapping">The mapping of each column.</param>
        public SparkIngestionPropertiesBuilder CsvMapping(IEnumerable<CsvColumnMapping> mapping)
        {
            if (mapping == null)
            {
                csvMapping = null;
                return this;
            }
            List<CsvColumnMapping> copy = mapping.ToList();
            if (copy.Any(m => m == null)) throw new ArgumentException("csvMapping holds a null entry");
            csvMapping = copy.AsReadOnly();
            return this;
        }

        /// <summary>The name of a CSV ingestion mapping already defined on the table (null for none).</summary>
        /// <param name="name">The mapping's name.</param>
        public SparkIngestionPropertiesBuilder CsvMappingNameReference(string name)
        {
            if (name != null && JavaText.IsBlank(name))
            {
                throw new ArgumentException("csvMappingNameReference must not be blank");
            }
            csvMappingNameReference = name;
            return this;
        }

        /// <summary>Checks the fields together and returns the properties.</summary>
        /// <exception cref="ArgumentException">For both a mapping and a mapping reference, or a column mapped twice.</exception>
        public SparkIngestionProperties Build()
        {
            if (csvMapping != null && csvMappingNameReference != null)
            {
                throw new ArgumentException("sparkIngestionProperties: set csvMapping or csvMappingNameReference, not both");
            }
            if (csvMapping != null)
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (CsvColumnMapping m in csvMapping)
                {
                    if (!names.Add(m.Name)) throw new ArgumentException("csvMapping maps column '" + m.Name + "' twice");
                }
            }
            return new SparkIngestionProperties(this);
        }

        private static IReadOnlyList<string> Tags(IEnumerable<string> tags, string field)
        {
            if (tags == null) return null;
            List<string> copy = tags.ToList();
            if (copy.Any(t => t == null)) throw new ArgumentException(field + " holds a null tag");
            return copy.AsReadOnly();
        }
    }
}
