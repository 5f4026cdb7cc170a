using System.Buffers;

namespace Crm.Sdk.Encryption;

/// <summary>
/// A 256-bit root key and its id. The id is stored in clear next to what the key protects, so it must not reveal
/// anything: use a name such as <c>2025-01</c> or <c>kv-7f3a</c>.
/// </summary>
public sealed class RootKey
{
    /// <summary>The size of a root key: 32 bytes (AES-256).</summary>
    public const int SizeInBytes = 32;

    /// <summary>The longest id allowed.</summary>
    public const int MaxIdLength = 64;

    private static readonly SearchValues<char> IdCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    private readonly byte[] _key;

    /// <summary>Creates a root key; the bytes are copied.</summary>
    /// <param name="id">1 to 64 characters among ASCII letters, digits, '.', '_' and '-'.</param>
    /// <param name="key">Exactly 32 bytes from a cryptographically secure random source.</param>
    /// <exception cref="ArgumentException">The id or the key length is invalid.</exception>
    public RootKey(string id, ReadOnlySpan<byte> key)
    {
        if (!IsValidId(id))
        {
            throw new ArgumentException($"A root key id must be 1 to {MaxIdLength} characters among ASCII letters, digits, '.', '_' and '-'.", nameof(id));
        }

        if (key.Length != SizeInBytes)
        {
            throw new ArgumentException($"A root key must be exactly {SizeInBytes} bytes (AES-256); got {key.Length}.", nameof(key));
        }

        Id = id;
        _key = key.ToArray();
    }

    /// <summary>The id of the key, stored in clear next to what it protects.</summary>
    public string Id { get; }

    internal ReadOnlySpan<byte> Material => _key;

    /// <summary>Tells whether a text may serve as a root key id.</summary>
    /// <param name="id">The candidate id.</param>
    /// <returns>Whether it has 1 to 64 characters among ASCII letters, digits, '.', '_' and '-'.</returns>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength && !id.AsSpan().ContainsAnyExcept(IdCharacters);
}
