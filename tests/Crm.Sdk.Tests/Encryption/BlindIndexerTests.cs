using Crm.Sdk.Encryption;
using FsCheck.Xunit;
using Xunit;

namespace Crm.Sdk.Tests.Encryption;

/// <summary>Blind indexes: equality search on encrypted fields. Properties range over valid UTF-16 (<see cref="UnicodeText"/>).</summary>
[Properties(Arbitrary = [typeof(UnicodeText)])]
public sealed class BlindIndexerTests : IDisposable
{
    private readonly BlindIndexer _indexer = new([BlindIndexKey.DeriveFrom(FixedRoot("k1", 7))]);
    private readonly BlindIndexer _sameKey = new([BlindIndexKey.DeriveFrom(FixedRoot("k1", 7))]);
    private readonly BlindIndexer _keyOne = new([BlindIndexKey.DeriveFrom(FixedRoot("k", 1))]);
    private readonly BlindIndexer _keyTwo = new([BlindIndexKey.DeriveFrom(FixedRoot("k", 2))]);

    public void Dispose()
    {
        _indexer.Dispose();
        _sameKey.Dispose();
        _keyOne.Dispose();
        _keyTwo.Dispose();
    }

    /// <summary>An index reads "bi1:", the key id, ":" and 22 base64url characters (128 bits).</summary>
    [Fact]
    public async Task Index_has_the_documented_format()
    {
        using var indexer = await BlindIndexer.CreateAsync(TestKeys.Provider("2025-01", ("2025-01", TestKeys.NewBase64Key())));

        var index = indexer.Compute("customers/email", "ada@example.com");

        Assert.Matches("^bi1:2025-01:[A-Za-z0-9_-]{22}$", index);
        Assert.True(BlindIndexer.TryGetKeyId(index, out var keyId));
        Assert.Equal("2025-01", keyId);
        Assert.False(BlindIndexer.TryGetKeyId("ce1:abc", out _));
    }

    /// <summary>The same value, purpose and key always give the same index.</summary>
    [Property]
    public bool Index_is_deterministic_for_the_same_key(string value) =>
        _indexer.Compute("customers/email", value) == _sameKey.Compute("customers/email", value);

    /// <summary>An e-mail index never matches a phone index of the same text.</summary>
    [Property]
    public bool Index_differs_between_purposes(string value) =>
        _indexer.Compute("customers/email", value) != _indexer.Compute("customers/phone", value);

    /// <summary>Purpose and value are separated unambiguously: moving characters across the boundary changes the index.</summary>
    [Fact]
    public void Purpose_and_value_boundary_is_unambiguous()
    {
        Assert.NotEqual(_indexer.Compute("customers/email", "ada"), _indexer.Compute("customers/emaila", "da"));
    }

    /// <summary>Different keys give unrelated indexes (values are not linkable across deployments or rotations).</summary>
    [Property]
    public bool Index_differs_between_keys(string value) =>
        _keyOne.Compute("customers/email", value) != _keyTwo.Compute("customers/email", value);

    /// <summary>Different values give different indexes.</summary>
    [Property]
    public bool Index_differs_between_values(string a, string b) =>
        a == b || _indexer.Compute("customers/email", a) != _indexer.Compute("customers/email", b);

    /// <summary>During a rotation a lookup computes one index per live key, the current first, and finds rows indexed under the old key.</summary>
    [Fact]
    public async Task Lookup_during_rotation_matches_old_and_new_indexes()
    {
        var oldKey = TestKeys.NewBase64Key();
        using var before = await BlindIndexer.CreateAsync(TestKeys.Provider("2024", ("2024", oldKey)));
        using var during = await BlindIndexer.CreateAsync(TestKeys.Provider("2025", ("2024", oldKey), ("2025", TestKeys.NewBase64Key())));
        var storedBeforeRotation = before.Compute("customers/email", "ada@example.com");

        var lookup = during.ComputeAll("customers/email", "ada@example.com");

        Assert.Equal("2025", during.CurrentKeyId);
        Assert.Equal(2, lookup.Count);
        Assert.Equal(during.Compute("customers/email", "ada@example.com"), lookup[0]);
        Assert.StartsWith("bi1:2025:", lookup[0], StringComparison.Ordinal);
        Assert.Equal(storedBeforeRotation, lookup[1]);
    }

    /// <summary>An empty purpose or a lone surrogate is a programming error.</summary>
    [Fact]
    public void Invalid_input_is_refused()
    {
        using var indexer = new BlindIndexer([BlindIndexKey.DeriveFrom(FixedRoot("k1", 7))]);

        Assert.ThrowsAny<ArgumentException>(() => indexer.Compute("", "x"));
        Assert.Throws<ArgumentException>(() => indexer.Compute("customers/email", "\uDC00"));
    }

    private static RootKey FixedRoot(string id, byte fill) => new(id, Enumerable.Repeat(fill, RootKey.SizeInBytes).ToArray());
}
