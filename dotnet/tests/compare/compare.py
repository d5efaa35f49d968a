"""Cases for dotnet/compare-with-java.sh, and the comparison of both sides' answers.

  compare.py cases ROOT OUT        writes the cases ("KIND<tab>base64 of the UTF-16LE payload" lines)
  compare.py check CASES JAVA CS   compares the answers; exit status 1 on any difference

The cases are the shared canonical JSON and vector inputs, every known client request option and
ingestion field with scalars of every JSON type, option values of every kind, random doubles, and
random mutations of all of these (mostly malformed JSON). They leave out inputs on which the JVM
connector itself misbehaves, so that a difference always means the C# side drifted: numbers beyond
long (Java wraps them or throws ArithmeticException), instants near or beyond the ends of
java.time's range (Java throws DateTimeException, C# an ArgumentException), 5e-324 (Java 17's
Double.toString prints 4.9E-324) and digits outside ASCII (Java's Integer.parseInt reads them).
"""
import base64
import collections
import glob
import json
import random
import struct
import sys

NUMBERS = ['0', '-0', '1', '-1', '1.0', '1.50', '1e3', '1E-7', '-0.0', '4102444800', '253402300800', '3155688986440319', '1.5e10', '0.1',
           '123.456e-2', '2.5E+2', '1704164645.123000000', '1704164645.1234567', '1704164645.12345678', '-1.5',
           '1623053350', '3.0', '1e-400']
STRINGS = ['"x"', '""', '" "', '"\\u00a0"', '"true"', '"TRUE"', '" false "', '"10"', '" 10 "', '"+10"', '"1.5"',
           '"10m"', '"1.5h"', '"25:00:00"', '"1.24:00:00"', '"00:00:60"', '"-10m"', '"1.00000001s"', '"7tick"',
           '"100microsecond"', '"2d"', '"0.5ms"', '"1.02:03:04.123"', '"00:00:00"', '"2024-01-02T03:04:05Z"',
           '"2024-01-02t03:04:05.1z"', '"2024-01-02T03:04"', '"2024-01-02T05:04:05+02:00"',
           '"2024-01-02T03:04:05.123456789Z"', '"2024-01-02T03:04:05.1234567-05:30"', '"2024-02-30T00:00:00Z"',
           '"1704164645.5"', '"20240102"', '"KQL"', '"Sql"', '"python"', '"\\ud83d\\ude00"', '"a\\u0000b\\u001fc"',
           '"漢"', '"tab\\there"']
OTHERS = ['true', 'false', 'null', '[]', '{}', '[1,"a"]', '{"a":1}']
KNOWN = ['servertimeout', 'ServerTimeout', 'norequesttimeout', 'notruncation', 'truncationmaxrecords',
         'truncationmaxsize', 'query_datetimescope_from', 'query_datetimescope_to', 'query_datetimescope_column',
         'request_app_name', 'request_readonly', 'query_language', 'maxmemoryconsumptionperiterator',
         'max_memory_consumption_per_query_per_node', 'query_results_cache_max_age', 'client_request_id',
         'custom', 'Zeta', 'alpha', 'a b']
OPTIONS = {
    'kustoCluster': ['mycluster', 'MyCluster.WestEurope', 'https://MyCluster.kusto.windows.net/',
                     'https://c.kusto.windows.net/db', 'http://localhost:8080', 'localhost:8080', '127.0.0.1',
                     'HTTPS://x.y', 'ftp://x.y', 'https://user@x.y', 'https://x.y?a=1', 'https://x.y#f', 'my_cluster',
                     'https://my_cluster.kusto.windows.net', 'a.b.c', 'a.b.c:443', ' mycluster ', '', ' ',
                     'https://10.0.0.1:8080', 'http://[::1]:8080', 'https://x.123', 'https:///path', 'https://x y.z'],
    'kustoIngestionUri': ['https://ingest-x.kusto.windows.net/', 'http://localhost:8080//', 'ftp://x', 'x.y',
                          'https://', 'https://a_b.c', ' https://x.y ', 'https://x.y/path?q=1'],
    'managedIdentityAuth': ['true', 'TRUE', ' false ', 'yes', '', '1'],
    'numPartitions': ['4', ' 4', '+4', '04', '0', '-1', '2147483647', '2147483648', '4.0', 'four'],
    'timeoutLimit': ['1', '172800', '0', '-5', '9223372036854775807', '9223372036854775808', '1.5', ' 7 '],
    'readMode': ['ForceSingleMode', ' forcesinglemode ', 'FORCEDISTRIBUTEDMODE', 'single', ''],
    'writeMode': ['queued', 'KustoStreaming', 'Streaming'],
    'tableCreateOptions': ['createifnotexist', 'Create'],
    'adjustSchema': ['generatedynamiccsvmapping', 'x'],
    'storageProtocol': ['WASBS', 'abfss', 'https'],
    'kustoAuthMethod': ['AZURECLI', 'None', 'Default', 'msi'],
    'writeResultLimit': ['NONE', ' none ', '5', '0', 'all'],
    'kustoExportOptionsJson': ['{ "sizeLimit" : 1048576, "compressionType":"gzip" }', '{"a":1.50,"b":1e3}', '[]', '1',
                               '{', '{"a":1}x', ''],
    'transientStorage': [
        '{"storageCredentials":[{"storageAccountName":"a","blobContainer":"c","sasKey":"?sv=1&sig=S3CRET"}],"endpointSuffix":"core.windows.net"}',
        '{"storageCredentials":[{"sasUrl":"https://a.blob.core.windows.net/c?sig=S3CRET"}]}', '{"storageCredentials":[]}',
        '{"storageCredentials":[{"storageAccountName":"a","sasKey":"S3CRET"}]}', '{"storageCredentials":[{"zz":1}]}',
        '{"x":1}', '{"storageCredentials":[1]}', '{"storageCredentials":[{"sasUrl":null}]}', 'S3CRET'],
    'kustoIngestionStorageContainer': [
        '[{"storageUrl":"https://a.blob.core.windows.net","containerName":"c","sas":"?sig=S3CRET"}]', '[]', '{}',
        '[{"storageUrl":"u"}]', '[{"storageUrl":"u","containerName":"c","key":"S3CRET"}]', '[1]'],
    'clientRequestPropertiesJson': ['{"Options":{"servertimeout":"10m"}}', '{"Options":{"servertimeout":"never"}}',
                                    '[]', '{"Bad":1}'],
    'sparkIngestionPropertiesJson': ['{"ingestByTags":["a"]}', '{"creationTime":"bad"}', '{"x":1}'],
    'kustoDatabase': ['db', '', ' ', '\u00a0', '\t'],
    'keyVaultUri': ['https://v', ' '],
    'keyVaultAppKey': ['S3CRET'],
    'keyVaultPemFileKey': ['S3CRET', ''],
    'streamingIngestSizeInMB': ['1', '4', '5', '0', '100', ' 2 '],
    'clientBatchingLimit': ['1024', '1025', '1'],
    'stagingResourcesAutoCleanupTimeout': ['2592000', '2592001', '60'],
    'maxRetriesOnMoveExtents': ['0', '100', '101', '-1', '+3'],
    'maximalExtentsCountForSplitMergePerNode': ['10000', '10001', '0'],
    'blobStorageEndpointSuffix': ['core.chinacloudapi.cn', ' '],
    'partitionMode': ['hash', ''],
    'dbgBlobCompressOnExport': ['FALSE', 'no'],
    'disableFlushImmediately': ['true', '1'],
    'ensureNoDuplicatedBlobs': ['True'],
    'addSourceLocationTransform': ['true', 'x'],
    'accessToken': ['', 'tok'],
}


def cases(root):
    rnd = random.Random(7)
    out = []
    add = lambda kind, payload: out.append((kind, payload))
    for f in sorted(glob.glob(root + '/test-matrix/vectors/*/*.json')):
        v = json.load(open(f, encoding='utf-8'))
        if 'fromJson' in v:
            add('CRP' if v['builder'] == 'ClientRequestProperties' else 'SIP', v['fromJson'])
    for f, kind in (('client-request-properties', 'CRP'), ('spark-ingestion-properties', 'SIP')):
        for c in json.load(open(root + '/testdata/canonical-json/%s.json' % f, encoding='utf-8')):
            add(kind, c['input'])
            add(kind, c['canonical'])
    scalars = NUMBERS + STRINGS + OTHERS
    for k in KNOWN:
        for v in scalars:
            add('CRP', '{"Options":{"%s":%s}}' % (k, v))
    for v in scalars:
        add('CRP', '{"Parameters":{"p":%s}}' % v)
        add('CRP', '{"Parameters":{"p q":%s, " ":1}}' % v)
        for template in ('{"creationTime":%s}', '{"flushImmediately":%s}', '{"ingestByTags":%s}', '{"ingestByTags":[%s]}',
                         '{"csvMappingNameReference":%s}', '{"csvMapping":[{"Name":"A","Ordinal":%s}]}',
                         '{"csvMapping":[{"Name":"A","ConstValue":%s}]}', '{"csvMapping":[{"Name":%s,"Ordinal":1}]}',
                         '{"csvMapping":[{"Name":"A","Ordinal":1,"DataType":%s}]}'):
            add('SIP', template % v)
        add('SIP', json.dumps({"csvMapping": '[{"Name":"A","ConstValue":%s}]' % v}))
        add('SIP', json.dumps({"csvMapping": '[{"Column":"A","Properties":{"Ordinal":%s}}]' % v}))
        add('DYN', v)
        add('DYN', '{"a":[%s,{"b":%s}]}' % (v, v))
    for text in ('{"Options":{"a":1,"a":2}}', '{"Options":{}} trailing', '{"Options":{}}}', '', '[1]', '"x"', '{"Other":1}',
                 '{"Options":null,"Parameters":null}', '7{"Options":{}}',
                 '{"Options":{"query_datetimescope_from":"2024-02-01T00:00:00Z","query_datetimescope_to":"2024-01-01T00:00:00Z"}}'):
        add('CRP', text)
    for text in ('{"csvMapping":[{"Name":"A","Ordinal":1}],"csvMappingNameReference":"m"}', '{"csvMapping":"[]"}',
                 '{"csvMapping":"{}"}', '{"csvMapping":[{"Name":"A","Ordinal":1},{"Name":"A","Ordinal":2}]}',
                 '{"csvMapping":[{"Name":"A","Ordinal":1,"Properties":{"X":1}}]}', '{"unknown":null}',
                 '{"dropByTags":null}', '{"additionalTags":["a",null]}'):
        add('SIP', text)
    for key, values in OPTIONS.items():
        for v in values:
            add('OPT:' + key, v)
    for d in (0.1, 1.0, 1e-7, 1e20, 100.0, 1e7, 0.001, 1e-4, -0.0, 0.0, 2.5, 123456789.125, float('nan'), float('inf')):
        add('REAL', str(struct.unpack('<q', struct.pack('<d', d))[0]))
    for _ in range(2000):
        add('REAL', str(struct.unpack('<q', struct.pack('<d', rnd.uniform(-1, 1) * 10 ** rnd.randint(-12, 12)))[0]))
    seeds = [c for c in out if c[0] in ('CRP', 'SIP')]
    alphabet = '{}[]":,0123456789.eE-+ \\ntruefalsenul'
    for _ in range(3000):
        kind, text = rnd.choice(seeds)
        chars = list(text)
        for _ in range(rnd.randint(1, 3)):
            op, pos = rnd.random(), rnd.randrange(len(chars) + 1)
            if op < 0.33 and chars:
                del chars[min(pos, len(chars) - 1)]
            elif op < 0.66:
                chars.insert(pos, rnd.choice(alphabet))
            elif chars:
                chars[min(pos, len(chars) - 1)] = rnd.choice(alphabet)
        mutated = ''.join(chars)
        # Runs of 17+ digits reach beyond long, where the JVM connector wraps or throws (see above).
        if not any(len(run) > 16 for run in ''.join(c if c.isdigit() else ' ' for c in mutated).split()):
            add(kind, mutated)
    return out


def check(cases_file, java_file, cs_file):
    decode = lambda line: base64.b64decode(line).decode('utf-16-le', 'surrogatepass')
    cases = [line.rstrip('\n').split('\t') for line in open(cases_file)]
    java = [decode(line) for line in open(java_file)]
    cs = [decode(line) for line in open(cs_file)]
    if not len(cases) == len(java) == len(cs):
        sys.exit('answers missing: %d cases, %d Java, %d C#' % (len(cases), len(java), len(cs)))
    counts = collections.Counter()
    differences = []
    for (kind, payload), j, c in zip(cases, java, cs):
        if j == c:
            counts['equal'] += 1
        elif ' is not valid JSON at line ' in j and ' is not valid JSON at line ' in c \
                and j.split(' at line ')[0] == c.split(' at line ')[0]:
            # Both refuse malformed JSON for the same option; where and how they word the syntax
            # problem is each JSON parser's own.
            counts['both refuse malformed JSON'] += 1
        else:
            differences.append((kind, decode(payload), j, c))
    print('%d cases: %s' % (len(cases), ', '.join('%d %s' % (n, k) for k, n in counts.items())))
    for kind, payload, j, c in differences[:30]:
        print('%s %r\n  Java: %s\n  C#:   %s' % (kind, payload[:200], j[:300], c[:300]))
    if differences:
        sys.exit('%d cases differ' % len(differences))


if __name__ == '__main__':
    if sys.argv[1] == 'cases':
        with open(sys.argv[3], 'w') as f:
            for kind, payload in cases(sys.argv[2]):
                f.write(kind + '\t' + base64.b64encode(payload.encode('utf-16-le', 'surrogatepass')).decode() + '\n')
    else:
        check(sys.argv[2], sys.argv[3], sys.argv[4])
