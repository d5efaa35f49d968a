namespace KustoSpark.Config
{
    // One field of the client request properties or the ingestion properties, as
    // options/kusto-options.json describes it (the generated ClientRequestFields and IngestionFields).
    internal sealed class FieldSpec
    {
        internal FieldSpec(string key, FieldType type, string[] values, long? minimum, bool exclusive)
        {
            Key = key;
            Type = type;
            Values = values;
            Minimum = minimum;
            Exclusive = exclusive;
        }

        // The name in the JSON.
        internal string Key { get; }

        internal FieldType Type { get; }

        // The allowed values of an enum field.
        internal string[] Values { get; }

        // The bound of a long or timespan field (in seconds), and whether the bound itself is refused.
        internal long? Minimum { get; }

        internal bool Exclusive { get; }

        // Refuses a value outside the bound, showing it as given.
        internal void RequireBounds(decimal value, string shown)
        {
            if (Minimum == null || (Exclusive ? value > Minimum.Value : value >= Minimum.Value)) return;
            string words = Exclusive ? (Minimum == 0 ? "be positive" : "be above " + Minimum) : (Minimum == 0 ? "not be negative" : "be at least " + Minimum);
            throw new KustoOptionException("client request property " + Key + " must " + words + ", not " + shown);
        }
    }
}
