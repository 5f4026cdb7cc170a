using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.Specification.Tests.Crm.HostileInput;

/// <summary>
/// The exact content of a CRM database as the provider exports it: per collection, the number of documents and an
/// order-independent digest of every document (id, version, body and index values as UTF-16 code units, so that even lone surrogates count, each document hashed with SHA-256
/// and the hashes summed lane by lane). Two snapshots are equal only if no document was added, removed or changed.
/// </summary>
internal sealed class StoreSnapshot
{
    private readonly Dictionary<string, (long Count, ulong[] Digest)> _collections;

    private StoreSnapshot(Dictionary<string, (long Count, ulong[] Digest)> collections) => _collections = collections;

    /// <summary>Exports every collection of <paramref name="store"/>.</summary>
    /// <param name="store">A store opened over the CRM's database.</param>
    /// <param name="collections">The collection names.</param>
    /// <returns>The snapshot.</returns>
    public static async Task<StoreSnapshot> TakeAsync(IDocumentStore store, IReadOnlyList<string> collections)
    {
        // The collections are exported side by side (nothing writes while a snapshot is taken).
        var digests = await Task.WhenAll(collections.Select(c => Task.Run(() => DigestAsync(store, c))));
        var result = new Dictionary<string, (long, ulong[])>(StringComparer.Ordinal);
        for (var i = 0; i < collections.Count; i++)
        {
            result[collections[i]] = digests[i];
        }

        return new StoreSnapshot(result);
    }

    /// <summary>Whether <paramref name="other"/> holds exactly the same documents.</summary>
    /// <param name="other">The other snapshot.</param>
    /// <returns>Whether nothing changed.</returns>
    public bool SameAs(StoreSnapshot other) =>
        _collections.Count == other._collections.Count
        && _collections.All(c => other._collections.TryGetValue(c.Key, out var o) && o.Count == c.Value.Count && o.Digest.SequenceEqual(c.Value.Digest));

    /// <summary>Which collections differ from <paramref name="after"/>, with their document counts.</summary>
    /// <param name="after">The later snapshot.</param>
    /// <returns>For example <c>customers 12→13, domain_events 40→41</c>.</returns>
    public string DescribeChange(StoreSnapshot after) =>
        string.Join(", ", _collections
            .Where(c => !after._collections.TryGetValue(c.Key, out var o) || o.Count != c.Value.Count || !o.Digest.SequenceEqual(c.Value.Digest))
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value.Count}→{(after._collections.TryGetValue(c.Key, out var o) ? o.Count : 0)}")));

    private static async Task<(long Count, ulong[] Digest)> DigestAsync(IDocumentStore store, string collection)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var documentHash = new byte[32];
        var scratch = new byte[16];
        var digest = new ulong[4];
        long count = 0;
        await foreach (var document in store.ExportAsync(collection, CancellationToken.None))
        {
            document.Id.TryWriteBytes(scratch);
            hash.AppendData(scratch);
            BinaryPrimitives.WriteInt64LittleEndian(scratch, document.Version);
            hash.AppendData(scratch, 0, 8);
            hash.AppendData(MemoryMarshal.AsBytes(document.Body.AsSpan()));
            foreach (var (name, value) in document.Indexes)
            {
                hash.AppendData(MemoryMarshal.AsBytes($"\u0001{name}\u0002{Canonical(value)}".AsSpan()));
            }

            hash.GetHashAndReset(documentHash);
            for (var lane = 0; lane < 4; lane++)
            {
                digest[lane] = unchecked(digest[lane] + BinaryPrimitives.ReadUInt64LittleEndian(documentHash.AsSpan(lane * 8)));
            }

            count++;
        }

        return (count, digest);
    }

    private static string Canonical(object? value) => value switch
    {
        null => "n",
        string s => "s" + s,
        long l => "l" + l.ToString(CultureInfo.InvariantCulture),
        decimal d => "d" + d.ToString(CultureInfo.InvariantCulture),
        Guid g => "g" + g.ToString("N"),
        IEnumerable<string> list => "a" + string.Join('\u0003', list),
        _ => "o" + Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
