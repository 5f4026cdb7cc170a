using System.Security.Cryptography;

namespace Crm.Sdk.Encryption;

/// <summary>
/// Hands out fresh random GCM nonces. Every nonce is still output of the operating system's CSPRNG and is handed out
/// exactly once, but the CSPRNG is asked for a block of nonces at a time (per thread, so no locking): one
/// <see cref="RandomNumberGenerator.Fill"/> call costs about as much as an AES-GCM operation, and asking per value
/// spent more time on the call than on the randomness. Handed-out bytes are zeroed in the block.
/// </summary>
internal static class NonceSource
{
    private const int BlockSize = 256 * EnvelopeFormat.NonceSize;

    [ThreadStatic]
    private static byte[]? t_block;

    [ThreadStatic]
    private static int t_next;

    /// <summary>Fills <paramref name="nonce"/> (at most <see cref="EnvelopeFormat.NonceSize"/> bytes) with fresh random bytes.</summary>
    public static void Fill(Span<byte> nonce)
    {
        if (nonce.Length > EnvelopeFormat.NonceSize)
        {
            throw new ArgumentException($"A nonce is at most {EnvelopeFormat.NonceSize} bytes.", nameof(nonce));
        }

        var block = t_block;
        if (block is null || t_next + nonce.Length > block.Length)
        {
            block = t_block ??= new byte[BlockSize];
            RandomNumberGenerator.Fill(block);
            t_next = 0;
        }

        var taken = block.AsSpan(t_next, nonce.Length);
        taken.CopyTo(nonce);
        taken.Clear();
        t_next += nonce.Length;
    }
}
