using System.Buffers.Text;
using System.Security.Cryptography;
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

    /// <summary>A legacy (version 1) index reads "bi1:", the key id, ":" and 22 base64url characters (128 bits).</summary>
    [Fact]
    public void Legacy_index_has_the_documented_format()
    {
        using var indexer = new BlindIndexer([BlindIndexKey.DeriveFrom(TestKeys.NewRootKey("2025-01"))]);

        var index = indexer.Compute("customers/email", "ada@example.com");

        Assert.Matches("^bi1:2025-01:[A-Za-z0-9_-]{22}$", index);
        Assert.True(BlindIndexer.TryGetKeyId(index, out var keyId));
        Assert.Equal("2025-01", keyId);
        Assert.False(BlindIndexer.TryGetKeyId("ce1:abc", out _));
    }

    /// <summary>
    /// A version-2 index reads "bi2:", the key id, ":" and the first bits/8 bytes of the documented HMAC in base64url: its
    /// length is the field's (32 bits for e-mails: 6 characters, 24 for name prefixes: 4, 128: 22), the key used as is.
    /// </summary>
    [Fact]
    public void Version_2_index_has_the_documented_format_and_the_length_of_its_field()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        using var indexer = new BlindIndexer([BlindIndexKey.FromSecret("idx-1", secret)], new BlindIndexForm(2, "idx-1", new BlindIndexLengths(32, 128, 24)), []);
        byte[] input = [0, 0, 0, 16, .. "customers/emails"u8, .. "ada@example.com"u8];
        var mac = HMACSHA256.HashData(secret, input);

        Assert.Equal("bi2:idx-1:" + Base64Url.EncodeToString(mac.AsSpan(0, 4)), indexer.Compute(BlindIndexLengths.EmailPurpose, "ada@example.com"));
        Assert.Matches("^bi2:idx-1:[A-Za-z0-9_-]{22}$", indexer.Compute(BlindIndexLengths.PhonePurpose, "+442071838750"));
        Assert.Matches("^bi2:idx-1:[A-Za-z0-9_-]{4}$", indexer.Compute(BlindIndexLengths.NamePrefixPurpose, "ada"));
        Assert.Equal("bi2:idx-1:32.128.24", indexer.Current.ToString());
        Assert.Equal(indexer.Current, BlindIndexForm.Parse("bi2:idx-1:32.128.24"));
    }

    /// <summary>
    /// After a length change a lookup computes the index in the new and the previous form (the registered one): a value
    /// stored before the change is still found, and the current form comes first.
    /// </summary>
    [Fact]
    public void Lookup_after_a_length_change_matches_the_previous_length()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var before = new BlindIndexForm(2, "idx", new BlindIndexLengths(64, 32, 24));
        using var old = new BlindIndexer([BlindIndexKey.FromSecret("idx", secret)], before, []);
        using var changed = new BlindIndexer([BlindIndexKey.FromSecret("idx", secret)], before with { Lengths = new BlindIndexLengths(32, 32, 24) }, [before]);
        var stored = old.Compute(BlindIndexLengths.EmailPurpose, "ada@example.com");

        var lookup = changed.ComputeAll(BlindIndexLengths.EmailPurpose, "ada@example.com");

        Assert.Equal([changed.Compute(BlindIndexLengths.EmailPurpose, "ada@example.com"), stored], lookup);
        Assert.NotEqual(lookup[0], lookup[1]);
        Assert.Single(changed.ComputeAll(BlindIndexLengths.PhonePurpose, "+442071838750"));
    }

    /// <summary>A form whose key is not configured any more is not looked up (nothing can compute it).</summary>
    [Fact]
    public void Forms_of_unknown_keys_are_not_looked_up()
    {
        using var indexer = new BlindIndexer(
            [BlindIndexKey.FromSecret("new", RandomNumberGenerator.GetBytes(32))],
            new BlindIndexForm(2, "new", BlindIndexLengths.Default),
            [new BlindIndexForm(2, "gone", BlindIndexLengths.Default), BlindIndexForm.V1("gone-root")]);

        Assert.Equal([indexer.Current], indexer.LookupForms);
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
    public void Lookup_during_rotation_matches_old_and_new_indexes()
    {
        var oldKey = TestKeys.NewRootKey("2024");
        using var before = new BlindIndexer([BlindIndexKey.DeriveFrom(oldKey)]);
        using var during = new BlindIndexer([BlindIndexKey.DeriveFrom(TestKeys.NewRootKey("2025")), BlindIndexKey.DeriveFrom(oldKey)]);
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
