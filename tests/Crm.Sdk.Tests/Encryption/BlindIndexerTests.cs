using Crm.Sdk.Encryption;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Crm.Sdk.Tests.Encryption;

/// <summary>Blind indexes: equality search on encrypted fields.</summary>
public sealed class BlindIndexerTests
{
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
    [Fact]
    public void Index_is_deterministic_for_the_same_key()
    {
        using var first = new BlindIndexer([BlindIndexKey.DeriveFrom(FixedRoot("k1", 7))]);
        using var second = new BlindIndexer([BlindIndexKey.DeriveFrom(FixedRoot("k1", 7))]);

        Prop.ForAll(UnicodeText.Arbitrary(), value =>
                first.Compute("customers/email", value) == second.Compute("customers/email", value))
            .QuickCheckThrowOnFailure();
    }

    /// <summary>An e-mail index never matches a phone index of the same text.</summary>
    [Fact]
    public void Index_differs_between_purposes()
    {
        using var indexer = new BlindIndexer([BlindIndexKey.DeriveFrom(FixedRoot("k1", 7))]);

        Prop.ForAll(UnicodeText.Arbitrary(), value =>
                indexer.Compute("customers/email", value) != indexer.Compute("customers/phone", value))
            .QuickCheckThrowOnFailure();
    }

    /// <summary>Purpose and value are separated unambiguously: moving characters across the boundary changes the index.</summary>
    [Fact]
    public void Purpose_and_value_boundary_is_unambiguous()
    {
        using var indexer = new BlindIndexer([BlindIndexKey.DeriveFrom(FixedRoot("k1", 7))]);

        Assert.NotEqual(indexer.Compute("customers/email", "ada"), indexer.Compute("customers/emaila", "da"));
    }

    /// <summary>Different keys give unrelated indexes (values are not linkable across deployments or rotations).</summary>
    [Fact]
    public void Index_differs_between_keys()
    {
        using var one = new BlindIndexer([BlindIndexKey.DeriveFrom(FixedRoot("k", 1))]);
        using var two = new BlindIndexer([BlindIndexKey.DeriveFrom(FixedRoot("k", 2))]);

        Prop.ForAll(UnicodeText.Arbitrary(), value =>
                one.Compute("customers/email", value) != two.Compute("customers/email", value))
            .QuickCheckThrowOnFailure();
    }

    /// <summary>Different values give different indexes.</summary>
    [Fact]
    public void Index_differs_between_values()
    {
        using var indexer = new BlindIndexer([BlindIndexKey.DeriveFrom(FixedRoot("k1", 7))]);

        Prop.ForAll(UnicodeText.Arbitrary(), UnicodeText.Arbitrary(), (a, b) =>
                a == b || indexer.Compute("customers/email", a) != indexer.Compute("customers/email", b))
            .QuickCheckThrowOnFailure();
    }

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
