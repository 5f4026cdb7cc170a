using System.Security.Cryptography;
using Crm.Sdk.Encryption;
using Xunit;

namespace Crm.Sdk.Tests.Encryption;

/// <summary>Wrapping per-customer data keys with key-encryption keys (here local root keys, RFC 5649), and rotation.</summary>
public sealed class DataKeyWrapperTests
{
    private static readonly Guid CustomerId = Guid.Parse("0194a6a1-7c00-7000-8000-00000000c001");
    private static readonly Guid OtherCustomerId = Guid.Parse("0194a6a1-7c00-7000-8000-00000000c002");

    /// <summary>A wrapped data key unwraps to the same key, which still reads what it encrypted.</summary>
    [Fact]
    public async Task Wrapped_data_key_unwraps_to_the_same_key()
    {
        var wrapper = new DataKeyWrapper(TestKeys.Keks("root-1", ("root-1", TestKeys.NewBase64Key())));
        using var key = TestKeys.NewDataKey();
        var envelope = FieldCipher.Encrypt("secret", TestKeys.Email(), key);

        var wrapped = await wrapper.WrapAsync(key, CustomerId, TestKeys.CreatedAt);
        using var unwrapped = await wrapper.UnwrapAsync(wrapped);

        Assert.Equal(("root-1", key.Id, CustomerId, TestKeys.CreatedAt, 2), (wrapped.RootKeyId, wrapped.DataKeyId, wrapped.CustomerId, wrapped.CreatedAt, wrapped.Format));
        Assert.Equal(72, wrapped.WrappedKey.Length);
        Assert.Equal(key.Id, unwrapped.Id);
        Assert.Equal("secret", FieldCipher.Decrypt(envelope, TestKeys.Email(), unwrapped));
    }

    /// <summary>
    /// Format 2 as FORMAT.md writes it, checked with bare .NET primitives: RFC 5649 under the root key of
    /// <c>data key (32) || guid(data key id) (16, big-endian) || guid(customer id) (16)</c>.
    /// </summary>
    [Fact]
    public async Task Format_2_wraps_the_key_and_both_ids_as_documented()
    {
        var rootKey = TestKeys.NewBase64Key();
        using var key = TestKeys.NewDataKey();

        var wrapped = await new DataKeyWrapper(TestKeys.Keks("r", ("r", rootKey))).WrapAsync(key, CustomerId, TestKeys.CreatedAt);
        using var aes = Aes.Create();
        aes.Key = Convert.FromBase64String(rootKey);
        var plaintext = aes.DecryptKeyWrapPadded(wrapped.WrappedKey);

        byte[] expected = [.. key.Material.ToArray(), .. key.Id.ToByteArray(bigEndian: true), .. CustomerId.ToByteArray(bigEndian: true)];
        Assert.Equal(expected, plaintext);
    }

    /// <summary>
    /// A format-2 wrapped key presented as another data key's, or as another customer's, is refused as an unwrap failure
    /// naming the data key, although the key-encryption key accepts the bytes.
    /// </summary>
    [Fact]
    public async Task Wrapped_key_presented_for_another_key_or_customer_is_refused()
    {
        var wrapper = new DataKeyWrapper(TestKeys.Keks("root-1", ("root-1", TestKeys.NewBase64Key())));
        using var key = TestKeys.NewDataKey();
        using var other = TestKeys.NewDataKey();
        var wrapped = await wrapper.WrapAsync(key, CustomerId, TestKeys.CreatedAt);

        var asOtherKey = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => wrapper.UnwrapAsync(wrapped with { DataKeyId = other.Id }));
        var asOtherCustomer = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => wrapper.UnwrapAsync(wrapped with { CustomerId = OtherCustomerId }));

        foreach (var (error, named) in new[] { (asOtherKey, other.Id), (asOtherCustomer, key.Id) })
        {
            Assert.Equal(CryptographicIntegrityFailure.KeyUnwrapFailed, error.Failure);
            Assert.Equal(named.ToString(), error.KeyId);
            Assert.Contains($"Data key {named}", error.Message, StringComparison.Ordinal);
            Assert.Contains("moved from another row", error.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>A root key configured under the right id but with other bytes cannot unwrap, and says so.</summary>
    [Fact]
    public async Task Wrong_root_key_is_refused()
    {
        using var key = TestKeys.NewDataKey();
        var wrapped = await new DataKeyWrapper(TestKeys.Keks("root-1", ("root-1", TestKeys.NewBase64Key()))).WrapAsync(key, CustomerId, TestKeys.CreatedAt);
        var misconfigured = new DataKeyWrapper(TestKeys.Keks("root-1", ("root-1", TestKeys.NewBase64Key())));

        var error = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => misconfigured.UnwrapAsync(wrapped));

        Assert.Equal(CryptographicIntegrityFailure.KeyUnwrapFailed, error.Failure);
        Assert.Equal("root-1", error.KeyId);
        Assert.Contains(key.Id.ToString(), error.Message, StringComparison.Ordinal);
    }

    /// <summary>A data key wrapped by a root key the provider no longer has is an unknown key.</summary>
    [Fact]
    public async Task Unknown_root_key_is_refused()
    {
        using var key = TestKeys.NewDataKey();
        var wrapped = await new DataKeyWrapper(TestKeys.Keks("old", ("old", TestKeys.NewBase64Key()))).WrapAsync(key, CustomerId, TestKeys.CreatedAt);
        var rotatedAway = new DataKeyWrapper(TestKeys.Keks("new", ("new", TestKeys.NewBase64Key())));

        var error = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => rotatedAway.UnwrapAsync(wrapped));

        Assert.Equal(CryptographicIntegrityFailure.UnknownKey, error.Failure);
        Assert.Equal("old", error.KeyId);
    }

    /// <summary>Any altered byte of a wrapped key, or a truncated one, is refused.</summary>
    [Fact]
    public async Task Altered_wrapped_key_is_refused()
    {
        var keks = TestKeys.Keks("root-1", ("root-1", TestKeys.NewBase64Key()));
        var wrapper = new DataKeyWrapper(keks);
        using var key = TestKeys.NewDataKey();
        var wrapped = await wrapper.WrapAsync(key, CustomerId, TestKeys.CreatedAt);

        for (var i = 0; i < wrapped.WrappedKey.Length; i++)
        {
            var altered = (byte[])wrapped.WrappedKey.Clone();
            altered[i] ^= 0x01;
            Assert.Equal(CryptographicIntegrityFailure.KeyUnwrapFailed, (await Assert.ThrowsAsync<CryptographicIntegrityException>(() => wrapper.UnwrapAsync(wrapped with { WrappedKey = altered }))).Failure);
        }

        Assert.Equal(CryptographicIntegrityFailure.KeyUnwrapFailed, (await Assert.ThrowsAsync<CryptographicIntegrityException>(() => wrapper.UnwrapAsync(wrapped with { WrappedKey = wrapped.WrappedKey[..^8] }))).Failure);
        Assert.Equal(CryptographicIntegrityFailure.KeyUnwrapFailed, (await Assert.ThrowsAsync<CryptographicIntegrityException>(() => wrapper.UnwrapAsync(wrapped with { WrappedKey = [] }))).Failure);
    }

    /// <summary>A format-1 wrapped key (the 32-byte key alone) read as format 2, or the reverse, is refused: the formats do not mix.</summary>
    [Fact]
    public async Task Format_mismatch_is_refused()
    {
        var rootKey = TestKeys.NewBase64Key();
        var wrapper = new DataKeyWrapper(TestKeys.Keks("r", ("r", rootKey)));
        using var key = TestKeys.NewDataKey();
        using var aes = Aes.Create();
        aes.Key = Convert.FromBase64String(rootKey);
        var v1 = new WrappedDataKey(key.Id, CustomerId, "r", aes.EncryptKeyWrapPadded(key.Material), TestKeys.CreatedAt, Format: 1);
        var v2 = await wrapper.WrapAsync(key, CustomerId, TestKeys.CreatedAt);

        using var fromV1 = await wrapper.UnwrapAsync(v1);
        Assert.Equal(key.Material.ToArray(), fromV1.Material.ToArray());
        Assert.Equal(CryptographicIntegrityFailure.KeyUnwrapFailed, (await Assert.ThrowsAsync<CryptographicIntegrityException>(() => wrapper.UnwrapAsync(v1 with { Format = 2 }))).Failure);
        Assert.Equal(CryptographicIntegrityFailure.KeyUnwrapFailed, (await Assert.ThrowsAsync<CryptographicIntegrityException>(() => wrapper.UnwrapAsync(v2 with { Format = 1 }))).Failure);
    }

    /// <summary>
    /// Rotation: a key wrapped by the old root key, or in format 1, is re-wrapped by the current one in format 2 without
    /// changing the data key; a key already current is left as it is.
    /// </summary>
    [Fact]
    public async Task Rewrap_moves_a_data_key_to_the_current_root_key_and_format()
    {
        var oldKey = TestKeys.NewBase64Key();
        var during = new DataKeyWrapper(TestKeys.Keks("2025", ("2025", TestKeys.NewBase64Key()), ("2024", oldKey)));
        using var key = TestKeys.NewDataKey();
        var envelope = FieldCipher.Encrypt("secret", TestKeys.Email(), key);
        var wrapped = await new DataKeyWrapper(TestKeys.Keks("2024", ("2024", oldKey))).WrapAsync(key, CustomerId, TestKeys.CreatedAt);
        using var aes = Aes.Create();
        aes.Key = Convert.FromBase64String(oldKey);
        var legacy = new WrappedDataKey(key.Id, CustomerId, "2024", aes.EncryptKeyWrapPadded(key.Material), TestKeys.CreatedAt, Format: 1);

        foreach (var before in new[] { wrapped, legacy })
        {
            var rewrapped = await during.RewrapAsync(before);
            using var unwrapped = await during.UnwrapAsync(rewrapped);

            Assert.Equal(("2025", 2, key.Id, CustomerId, before.CreatedAt), (rewrapped.RootKeyId, rewrapped.Format, rewrapped.DataKeyId, rewrapped.CustomerId, rewrapped.CreatedAt));
            Assert.Equal("secret", FieldCipher.Decrypt(envelope, TestKeys.Email(), unwrapped));
            Assert.Same(rewrapped, await during.RewrapAsync(rewrapped));
        }
    }
}
