using System;
using System.Collections;
using System.Collections.Generic;

namespace KustoSpark.Text
{
    // A read-only map that iterates in insertion order, so that option maps and JSON fields keep
    // the order the JVM connector gives them.
    internal sealed class OrderedMap<TValue> : IDictionary<string, TValue>, IReadOnlyDictionary<string, TValue>
    {
        private readonly List<KeyValuePair<string, TValue>> entries = new List<KeyValuePair<string, TValue>>();
        private readonly Dictionary<string, TValue> byKey = new Dictionary<string, TValue>(StringComparer.Ordinal);

        internal OrderedMap(IEnumerable<KeyValuePair<string, TValue>> ordered)
        {
            foreach (var e in ordered)
            {
                byKey.Add(e.Key, e.Value);
                entries.Add(e);
            }
        }

        public TValue this[string key]
        {
            get { return byKey[key]; }
            set { throw ReadOnly(); }
        }

        public ICollection<string> Keys { get { return entries.ConvertAll(e => e.Key); } }

        public ICollection<TValue> Values { get { return entries.ConvertAll(e => e.Value); } }

        IEnumerable<string> IReadOnlyDictionary<string, TValue>.Keys { get { return Keys; } }

        IEnumerable<TValue> IReadOnlyDictionary<string, TValue>.Values { get { return Values; } }

        public int Count { get { return entries.Count; } }

        public bool IsReadOnly { get { return true; } }

        public bool ContainsKey(string key) { return byKey.ContainsKey(key); }

        public bool TryGetValue(string key, out TValue value) { return byKey.TryGetValue(key, out value); }

        public bool Contains(KeyValuePair<string, TValue> item)
        {
            TValue v;
            return byKey.TryGetValue(item.Key, out v) && EqualityComparer<TValue>.Default.Equals(v, item.Value);
        }

        public void CopyTo(KeyValuePair<string, TValue>[] array, int arrayIndex) { entries.CopyTo(array, arrayIndex); }

        public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() { return entries.GetEnumerator(); }

        IEnumerator IEnumerable.GetEnumerator() { return GetEnumerator(); }

        public void Add(string key, TValue value) { throw ReadOnly(); }

        public void Add(KeyValuePair<string, TValue> item) { throw ReadOnly(); }

        public bool Remove(string key) { throw ReadOnly(); }

        public bool Remove(KeyValuePair<string, TValue> item) { throw ReadOnly(); }

        public void Clear() { throw ReadOnly(); }

        private static NotSupportedException ReadOnly()
        {
            return new NotSupportedException("this map is read-only; copy it into a Dictionary to change it");
        }
    }
}
