using NodaTime;

namespace Crm.Sdk.Encryption;

/// <summary>
/// A data key as the SDK stores it: wrapped by a key-encryption key (<see cref="IKeyEncryptionKey"/>).
/// Format 2 wraps <c>data key (32) || guid(data key id) (16) || guid(customer id) (16)</c>, 64 bytes (72 wrapped by a local
/// RFC 5649 root key); format 1 (written before version 2 of field encryption) wrapped the 32-byte data key alone.
/// </summary>
/// <param name="DataKeyId">The id of the data key (written in every envelope it produced).</param>
/// <param name="CustomerId">The customer the data key belongs to.</param>
/// <param name="RootKeyId">The id of the key-encryption key that wrapped it.</param>
/// <param name="WrappedKey">The key-encryption key's output.</param>
/// <param name="CreatedAt">When the data key was created (re-wrapping keeps it).</param>
/// <param name="Format">1 or 2: what the wrapped bytes hold.</param>
internal sealed record WrappedDataKey(Guid DataKeyId, Guid CustomerId, string RootKeyId, byte[] WrappedKey, Instant CreatedAt, int Format = WrappedDataKey.CurrentFormat)
{
    /// <summary>The format new data keys are wrapped in.</summary>
    public const int CurrentFormat = 2;

    /// <summary>The size of the format-2 plaintext: data key, data key id, customer id.</summary>
    public const int BoundSize = DataKey.SizeInBytes + (2 * CryptoEncoding.GuidSize);
}
