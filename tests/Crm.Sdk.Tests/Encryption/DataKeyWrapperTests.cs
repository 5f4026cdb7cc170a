using Crm.Sdk.Encryption;
using Xunit;

namespace Crm.Sdk.Tests.Encryption;

/// <summary>Wrapping per-customer data keys with root keys (RFC 5649), and root key rotation.</summary>
public sealed class DataKeyWrapperTests
{
    /// <summary>A wrapped data key unwraps to the same key, which still reads what it encrypted.</summary>
    [Fact]
    public async Task Wrapped_data_key_unwraps_to_the_same_key()
    {
        var wrapper = new DataKeyWrapper(TestKeys.Provider("root-1", ("root-1", TestKeys.NewBase64Key())));
        using var key = TestKeys.NewDataKey();
        var envelope = FieldCipher.Encrypt("secret", TestKeys.Email(), key);

        var wrapped = await wrapper.WrapAsync(key, TestKeys.CreatedAt);
        using var unwrapped = await wrapper.UnwrapAsync(wrapped);

        Assert.Equal("root-1", wrapped.RootKeyId);
        Assert.Equal(key.Id, wrapped.DataKeyId);
        Assert.Equal(TestKeys.CreatedAt, wrapped.CreatedAt);
        Assert.Equal(40, wrapped.WrappedKey.Length);
        Assert.Equal(key.Id, unwrapped.Id);
        Assert.Equal("secret", FieldCipher.Decrypt(envelope, TestKeys.Email(), unwrapped));
    }

    /// <summary>A root key configured under the right id but with other bytes cannot unwrap, and says so.</summary>
    [Fact]
    public async Task Wrong_root_key_is_refused()
    {
        using var key = TestKeys.NewDataKey();
        var wrapped = await new DataKeyWrapper(TestKeys.Provider("root-1", ("root-1", TestKeys.NewBase64Key()))).WrapAsync(key, TestKeys.CreatedAt);
        var misconfigured = new DataKeyWrapper(TestKeys.Provider("root-1", ("root-1", TestKeys.NewBase64Key())));

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
        var wrapped = await new DataKeyWrapper(TestKeys.Provider("old", ("old", TestKeys.NewBase64Key()))).WrapAsync(key, TestKeys.CreatedAt);
        var rotatedAway = new DataKeyWrapper(TestKeys.Provider("new", ("new", TestKeys.NewBase64Key())));

        var error = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => rotatedAway.UnwrapAsync(wrapped));

        Assert.Equal(CryptographicIntegrityFailure.UnknownKey, error.Failure);
        Assert.Equal("old", error.KeyId);
    }

    /// <summary>Any altered byte of a wrapped key, or a truncated one, is refused.</summary>
    [Fact]
    public void Altered_wrapped_key_is_refused()
    {
        var root = TestKeys.NewRootKey("root-1");
        using var key = TestKeys.NewDataKey();
        var wrapped = DataKeyWrapper.Wrap(key, root, TestKeys.CreatedAt);

        for (var i = 0; i < wrapped.WrappedKey.Length; i++)
        {
            var altered = (byte[])wrapped.WrappedKey.Clone();
            altered[i] ^= 0x01;
            Assert.Equal(CryptographicIntegrityFailure.KeyUnwrapFailed, Assert.Throws<CryptographicIntegrityException>(() => DataKeyWrapper.Unwrap(wrapped with { WrappedKey = altered }, root)).Failure);
        }

        Assert.Equal(CryptographicIntegrityFailure.KeyUnwrapFailed, Assert.Throws<CryptographicIntegrityException>(() => DataKeyWrapper.Unwrap(wrapped with { WrappedKey = wrapped.WrappedKey[..^8] }, root)).Failure);
        Assert.Equal(CryptographicIntegrityFailure.KeyUnwrapFailed, Assert.Throws<CryptographicIntegrityException>(() => DataKeyWrapper.Unwrap(wrapped with { WrappedKey = [] }, root)).Failure);
    }

    /// <summary>Rotation: a key wrapped by the old root key is re-wrapped by the current one without changing the data key.</summary>
    [Fact]
    public async Task Rewrap_moves_a_data_key_to_the_current_root_key()
    {
        var oldKey = TestKeys.NewBase64Key();
        var before = new DataKeyWrapper(TestKeys.Provider("2024", ("2024", oldKey)));
        var during = new DataKeyWrapper(TestKeys.Provider("2025", ("2025", TestKeys.NewBase64Key()), ("2024", oldKey)));
        using var key = TestKeys.NewDataKey();
        var envelope = FieldCipher.Encrypt("secret", TestKeys.Email(), key);
        var wrapped = await before.WrapAsync(key, TestKeys.CreatedAt);

        var rewrapped = await during.RewrapAsync(wrapped);
        using var unwrapped = await during.UnwrapAsync(rewrapped);

        Assert.Equal("2025", rewrapped.RootKeyId);
        Assert.Equal(key.Id, rewrapped.DataKeyId);
        Assert.Equal(wrapped.CreatedAt, rewrapped.CreatedAt);
        Assert.Equal("secret", FieldCipher.Decrypt(envelope, TestKeys.Email(), unwrapped));
        Assert.Same(rewrapped, await during.RewrapAsync(rewrapped));
    }
}
