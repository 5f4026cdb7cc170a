using NodaTime;

namespace Crm.Sdk.Encryption;

/// <summary>
/// A data key as the SDK stores it: wrapped by a root key with AES Key Wrap with Padding (RFC 5649).
/// 32-byte key data wraps to 40 bytes.
/// </summary>
/// <param name="DataKeyId">The id of the data key (written in every envelope it produced).</param>
/// <param name="RootKeyId">The id of the root key that wrapped it.</param>
/// <param name="WrappedKey">The RFC 5649 output.</param>
/// <param name="CreatedAt">When the data key was created (re-wrapping keeps it).</param>
internal sealed record WrappedDataKey(Guid DataKeyId, string RootKeyId, byte[] WrappedKey, Instant CreatedAt);
